// Recruitee careers API: {"offers": [{id, title, description, requirements, …}]}.
#include "common/json.h"
#include "common/text.h"
#include "crawler/adapters.h"

namespace passend {
namespace {

// Recruitee sends some numbers as strings and some strings as numbers.
std::string Scalar(const rapidjson::Value& obj, const char* name) {
  if (!obj.IsObject()) return "";
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd()) return "";
  const auto& v = it->value;
  if (v.IsString()) return std::string(Trim(std::string(v.GetString(), v.GetStringLength())));
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsNumber()) return std::to_string(v.GetDouble());
  if (v.IsBool()) return v.GetBool() ? "true" : "false";
  return "";
}

RawPosting ReadOffer(const std::string& source, const rapidjson::Value& o) {
  RawPosting p;
  p.source = source;
  p.external_id = Scalar(o, "id");
  p.url = Scalar(o, "careers_url");
  p.title = Scalar(o, "title");
  p.employer = Scalar(o, "company_name");
  p.description = Scalar(o, "description") + "\n" + Scalar(o, "requirements");
  p.place = Scalar(o, "city");
  if (p.place.empty()) p.place = Scalar(o, "location");
  p.region = Scalar(o, "state_name");
  p.postcode = Scalar(o, "postal_code");
  p.country = Scalar(o, "country_code");
  if (Scalar(o, "remote") == "true") p.place = "Remote";
  if (o.HasMember("salary") && o["salary"].IsObject()) {
    const auto& s = o["salary"];
    p.salary.min = Scalar(s, "min");
    p.salary.max = Scalar(s, "max");
    p.salary.period = Scalar(s, "period");
    p.salary.currency = Scalar(s, "currency");
  }
  const std::string hmin = Scalar(o, "min_hours_per_week"), hmax = Scalar(o, "max_hours_per_week");
  if (!hmin.empty() || !hmax.empty()) {
    p.hours = hmin.empty() ? hmax : hmax.empty() || hmin == hmax ? hmin : hmin + "-" + hmax;
  }
  p.employment_type = Scalar(o, "employment_type_code");
  p.education = Scalar(o, "education_code");
  p.date_posted = Scalar(o, "published_at");
  p.valid_through = Scalar(o, "close_at");
  if (p.valid_through == "None") p.valid_through.clear();
  return p;
}

}  // namespace

StatusOr<ParsedFeed> ParseRecruiteeJson(const std::string& source, const std::string& body) {
  auto doc = ParseJson(body, source);
  if (!doc.ok()) return doc.status();
  if (!doc->IsObject() || !doc->HasMember("offers") || !(*doc)["offers"].IsArray()) {
    return Status::InvalidArgument(source + ": offers: expected an array (Recruitee careers API)");
  }
  ParsedFeed feed;
  int n = 0;
  for (const auto& o : (*doc)["offers"].GetArray()) {
    ++n;
    if (!o.IsObject()) {
      feed.record_errors.push_back(source + ": record " + std::to_string(n) + ": expected an object");
      continue;
    }
    feed.postings.push_back(ReadOffer(source, o));
  }
  return feed;
}

}  // namespace passend
