// schema.org JobPosting as JSON-LD in HTML pages: several blocks per page, @graph,
// arrays, nested Place/PostalAddress, MonetaryAmount with QuantitativeValue.
#include <gumbo.h>

#include <functional>

#include "common/json.h"
#include "common/text.h"
#include "crawler/adapters.h"

namespace passend {
namespace {

// Collects the text of every <script type="application/ld+json"> element.
void FindJsonLdScripts(const GumboNode* node, std::vector<std::string>* out, int depth = 0) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > 200) return;
  const GumboElement& el = node->v.element;
  if (el.tag == GUMBO_TAG_SCRIPT) {
    const GumboAttribute* type = gumbo_get_attribute(&el.attributes, "type");
    if (type && ToLowerAscii(Trim(type->value)) == "application/ld+json") {
      std::string text;
      for (unsigned i = 0; i < el.children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(el.children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
            child->type == GUMBO_NODE_CDATA) {
          text += child->v.text.text;
        }
      }
      out->push_back(std::move(text));
    }
    return;
  }
  for (unsigned i = 0; i < el.children.length; ++i) {
    FindJsonLdScripts(static_cast<const GumboNode*>(el.children.data[i]), out, depth + 1);
  }
}

const rapidjson::Value* Member(const rapidjson::Value& v, const char* name) {
  if (!v.IsObject()) return nullptr;
  auto it = v.FindMember(name);
  return it == v.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
}

// A text from a string, a number, the first of an array, or an object's name/value.
std::string Text(const rapidjson::Value* v) {
  if (!v) return "";
  if (v->IsString()) return std::string(v->GetString(), v->GetStringLength());
  if (v->IsInt64()) return std::to_string(v->GetInt64());
  if (v->IsNumber()) return std::to_string(v->GetDouble());
  if (v->IsArray()) {
    std::string joined;
    for (const auto& item : v->GetArray()) {
      const std::string t = Text(&item);
      if (!t.empty()) joined += (joined.empty() ? "" : ",") + t;
    }
    return joined;
  }
  for (const char* key : {"name", "value", "credentialCategory", "@id"}) {
    if (const auto* m = Member(*v, key)) return Text(m);
  }
  return "";
}

bool IsJobPosting(const rapidjson::Value& v) {
  const auto* type = Member(v, "@type");
  if (!type) return false;
  if (type->IsString()) return std::string(type->GetString()) == "JobPosting";
  if (type->IsArray()) {
    for (const auto& t : type->GetArray()) {
      if (t.IsString() && std::string(t.GetString()) == "JobPosting") return true;
    }
  }
  return false;
}

void ReadLocation(const rapidjson::Value& job, RawPosting* p) {
  const rapidjson::Value* loc = Member(job, "jobLocation");
  if (loc && loc->IsArray() && !loc->Empty()) loc = &(*loc)[0];
  if (Text(Member(job, "jobLocationType")) == "TELECOMMUTE") p->place = "Remote";
  if (!loc) return;
  if (loc->IsString()) {
    p->place = loc->GetString();
    return;
  }
  const rapidjson::Value* addr = Member(*loc, "address");
  if (addr && addr->IsString()) {
    p->place = addr->GetString();
  } else if (addr) {
    p->place = Text(Member(*addr, "addressLocality"));
    p->region = Text(Member(*addr, "addressRegion"));
    p->postcode = Text(Member(*addr, "postalCode"));
    p->country = Text(Member(*addr, "addressCountry"));
  }
  if (const auto* geo = Member(*loc, "geo")) {
    p->lat = Text(Member(*geo, "latitude"));
    p->lon = Text(Member(*geo, "longitude"));
  }
}

void ReadSalary(const rapidjson::Value& job, RawPosting* p) {
  const rapidjson::Value* s = Member(job, "baseSalary");
  if (!s) s = Member(job, "estimatedSalary");
  if (s && s->IsArray() && !s->Empty()) s = &(*s)[0];
  if (!s) return;
  if (s->IsNumber() || s->IsString()) {
    p->salary.text = Text(s);
    return;
  }
  p->salary.currency = Text(Member(*s, "currency"));
  const rapidjson::Value* value = Member(*s, "value");
  if (!value) return;
  if (value->IsNumber() || value->IsString()) {
    p->salary.min = p->salary.max = Text(value);
    p->salary.period = Text(Member(*s, "unitText"));
    return;
  }
  p->salary.min = Text(Member(*value, "minValue"));
  p->salary.max = Text(Member(*value, "maxValue"));
  if (p->salary.min.empty() && p->salary.max.empty()) p->salary.min = p->salary.max = Text(Member(*value, "value"));
  p->salary.period = Text(Member(*value, "unitText"));
  if (p->salary.period.empty()) p->salary.period = Text(Member(*s, "unitText"));
}

// schema.org identifier: a text or a PropertyValue whose "value" is the id ("name" is
// the issuing organisation).
std::string Identifier(const rapidjson::Value* v) {
  if (v && v->IsObject()) {
    if (const auto* value = Member(*v, "value")) return Text(value);
  }
  return Text(v);
}

RawPosting ReadJobPosting(const std::string& source, const std::string& page_url, const rapidjson::Value& job) {
  RawPosting p;
  p.source = source;
  p.title = Text(Member(job, "title"));
  p.description = Text(Member(job, "description"));
  p.url = Text(Member(job, "url"));
  if (p.url.empty()) p.url = page_url;
  p.external_id = Identifier(Member(job, "identifier"));
  p.employer = Text(Member(job, "hiringOrganization"));
  p.employment_type = Text(Member(job, "employmentType"));
  p.education = Text(Member(job, "educationRequirements"));
  p.date_posted = Text(Member(job, "datePosted"));
  p.valid_through = Text(Member(job, "validThrough"));
  p.hours = Text(Member(job, "workHours"));
  ReadLocation(job, &p);
  ReadSalary(job, &p);
  if (p.external_id.empty()) p.external_id = page_url + "#" + p.title;
  return p;
}

// Walks a JSON-LD value for JobPosting objects (top level, arrays, @graph).
void CollectJobs(const rapidjson::Value& v, const std::function<void(const rapidjson::Value&)>& emit, int depth = 0) {
  if (depth > 8) return;
  if (v.IsArray()) {
    for (const auto& item : v.GetArray()) CollectJobs(item, emit, depth + 1);
  } else if (v.IsObject()) {
    if (IsJobPosting(v)) emit(v);
    if (const auto* graph = Member(v, "@graph")) CollectJobs(*graph, emit, depth + 1);
  }
}

}  // namespace

StatusOr<ParsedFeed> ParseJsonLdHtml(const std::string& source, const std::string& url, const std::string& body) {
  const std::string html = RepairUtf8(body);
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::vector<std::string> scripts;
  FindJsonLdScripts(output->root, &scripts);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  ParsedFeed feed;
  int block = 0;
  for (const std::string& script : scripts) {
    ++block;
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseTrailingCommasFlag | rapidjson::kParseCommentsFlag>(script.data(), script.size());
    if (doc.HasParseError()) {
      feed.record_errors.push_back(source + ": " + url + ": JSON-LD block " + std::to_string(block) +
                                   ": invalid JSON at byte " + std::to_string(doc.GetErrorOffset()));
      continue;
    }
    CollectJobs(doc, [&](const rapidjson::Value& job) { feed.postings.push_back(ReadJobPosting(source, url, job)); });
  }
  return feed;
}

}  // namespace passend
