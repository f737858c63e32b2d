#include "normalizer/raw_json.h"

#include <cstdio>

#include "common/json.h"

namespace passend {
namespace {

// A field that feeds give as a string or a number ("2500", 2500, 16.5).
std::string StringOrNumber(FieldReader& r, const char* name) {
  const rapidjson::Value* v = r.Get(name);
  if (!v || v->IsNull()) return "";
  if (v->IsString()) return v->GetString();
  if (v->IsNumber()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v->GetDouble());
    return buf;
  }
  r.Fail(name, "expected a string or a number");
  return "";
}

}  // namespace

StatusOr<RawPosting> RawPostingFromJson(const std::string& json_text, const std::string& where) {
  auto doc = ParseJson(json_text, where);
  if (!doc.ok()) return doc.status();
  if (!doc->IsObject()) return Status::InvalidArgument(where + ": expected a JSON object");
  FieldReader r(*doc, where);
  RawPosting p;
  p.source = r.String("source");
  p.external_id = StringOrNumber(r, "id");
  p.url = r.String("url");
  p.title = r.String("title", true);
  p.employer = r.String("employer");
  p.description = r.String("description");
  p.place = r.String("location");
  p.postcode = r.String("postcode");
  p.region = r.String("region");
  p.country = r.String("country");
  p.lat = StringOrNumber(r, "lat");
  p.lon = StringOrNumber(r, "lon");
  if (auto s = r.Object("salary")) {
    p.salary.min = StringOrNumber(*s, "min");
    p.salary.max = StringOrNumber(*s, "max");
    p.salary.period = s->String("period");
    p.salary.currency = s->String("currency");
    p.salary.text = s->String("text");
  }
  p.hours = StringOrNumber(r, "hours");
  p.employment_type = r.String("employment_type");
  p.education = r.String("education");
  p.date_posted = r.String("date_posted");
  p.valid_through = r.String("valid_through");
  PASSEND_RETURN_IF_ERROR(r.status());
  return p;
}

}  // namespace passend
