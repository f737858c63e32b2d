#include "crawler/mapping.h"

#include <algorithm>

#include "common/text.h"

namespace passend {
namespace {

using Fields = std::map<std::string, std::vector<std::string>>;

FeedMapping Xml(std::string root, std::string items, Fields fields) {
  FeedMapping m;
  m.syntax = FeedMapping::Syntax::kXml;
  m.root = std::move(root);
  m.items = std::move(items);
  m.fields = std::move(fields);
  return m;
}

FeedMapping Json(std::string items, Fields fields) {
  FeedMapping m;
  m.syntax = FeedMapping::Syntax::kJson;
  m.items = std::move(items);
  m.fields = std::move(fields);
  return m;
}

FeedMapping IndeedXml() {
  return Xml("source", "/source/job",
             {{"id", {"referencenumber", "requisitionid"}}, {"url", {"url"}}, {"title", {"title"}},
              {"employer", {"company"}}, {"description", {"description"}}, {"place", {"city"}},
              {"region", {"state"}}, {"country", {"country"}}, {"postcode", {"postalcode"}},
              {"salary_text", {"salary"}}, {"employment_type", {"jobtype"}}, {"education", {"education"}},
              {"date_posted", {"date"}}, {"valid_through", {"expirationdate"}}});
}

// Personio's XML feed has no company name or job URL: sources set "employer" and a "url"
// default such as "https://acme.jobs.personio.de/job/{id}".
FeedMapping PersonioXml() {
  return Xml("workzag-jobs", "/workzag-jobs/position",
             {{"id", {"id"}}, {"title", {"name"}}, {"employer", {"subcompany"}}, {"place", {"office"}},
              {"description", {"jobDescriptions/jobDescription/name | jobDescriptions/jobDescription/value", "schedule"}},
              {"employment_type", {"employmentType"}}, {"salary_min", {"salaryInformation/min"}},
              {"salary_max", {"salaryInformation/max"}}, {"salary_currency", {"salaryInformation/currencyCode"}},
              {"salary_period", {"salaryInformation/type"}}, {"date_posted", {"createdAt"}}});
}

// HR-XML / HR-Open PositionOpening, as the root or inside any envelope.
FeedMapping HrXml() {
  const std::string detail = "PositionProfile/PositionDetail/";
  const std::string where = detail + "PhysicalLocation/";
  return Xml("", "//PositionOpening",
             {{"id", {"PositionRecordInfo/Id/IdValue", "PositionPostings/PositionPosting/Id/IdValue"}},
              {"url", {"PositionProfile/HowToApply/ApplicationMethod/InternetWebAddress"}},
              {"title", {detail + "PositionTitle", "PositionPostings/PositionPosting/Title"}},
              {"employer", {detail + "Company/Name", "PositionProfile/Organization/OrganizationName"}},
              {"description", {"PositionProfile/FormattedPositionDescription/Value"}},
              {"place", {where + "Area[@type='municipality']/Value", where + "PostalAddress/Municipality"}},
              {"postcode", {where + "PostalAddress/PostalCode"}},
              {"region", {where + "Area[@type='x:state' or @type='state']/Value", where + "PostalAddress/Region"}},
              {"country", {where + "Area[@type='countrycode']/Value", where + "PostalAddress/CountryCode"}},
              {"salary_min", {detail + "RemunerationPackage/BasePay/BasePayAmountMin"}},
              {"salary_max", {detail + "RemunerationPackage/BasePay/BasePayAmountMax"}},
              {"salary_period", {detail + "RemunerationPackage/BasePay/@baseInterval"}},
              {"salary_currency", {detail + "RemunerationPackage/BasePay/@currencyCode"}},
              {"employment_type", {detail + "PositionClassification", detail + "PositionSchedule"}},
              {"date_posted", {"PositionPostings/PositionPosting/Id/@validFrom", "PositionRecordInfo/Id/@validFrom"}},
              {"valid_through", {"PositionRecordInfo/Id/@validTo"}}});
}

// RSS 2.0 with the job fields job boards add in a namespace of their own.
FeedMapping Rss() {
  return Xml("rss", "/rss/channel/item",
             {{"id", {"guid", "link"}}, {"url", {"link"}}, {"title", {"title"}},
              {"employer", {"company", "employer", "hiringOrganization"}}, {"description", {"description", "encoded"}},
              {"place", {"location", "city"}}, {"region", {"state", "region"}}, {"country", {"country"}},
              {"postcode", {"postalcode", "postcode"}}, {"salary_min", {"minimumSalary", "salaryMin"}},
              {"salary_max", {"maximumSalary", "salaryMax"}}, {"salary_currency", {"salaryCurrency"}},
              {"salary_period", {"salaryInterval"}}, {"salary_text", {"salary"}},
              {"employment_type", {"jobtype", "employmentType"}}, {"date_posted", {"pubDate"}},
              {"valid_through", {"validThrough", "expirationdate"}}});
}

FeedMapping Atom() {
  return Xml("feed", "/feed/entry",
             {{"id", {"id"}}, {"url", {"link[@rel='alternate']/@href", "link[not(@rel)]/@href"}}, {"title", {"title"}},
              {"description", {"content", "summary"}}, {"place", {"location", "city"}},
              {"date_posted", {"published", "updated"}}, {"valid_through", {"validThrough", "expirationdate"}}});
}

FeedMapping RecruiteeJson() {
  return Json("/offers",
              {{"id", {"/id"}}, {"url", {"/careers_url"}}, {"title", {"/title"}}, {"employer", {"/company_name"}},
               {"description", {"/description", "/requirements"}}, {"place", {"/city", "/location"}},
               {"region", {"/state_name"}}, {"postcode", {"/postal_code"}}, {"country", {"/country_code"}},
               {"remote", {"/remote"}}, {"salary_min", {"/salary/min"}}, {"salary_max", {"/salary/max"}},
               {"salary_period", {"/salary/period"}}, {"salary_currency", {"/salary/currency"}},
               {"hours_min", {"/min_hours_per_week"}}, {"hours_max", {"/max_hours_per_week"}},
               {"employment_type", {"/employment_type_code"}}, {"education", {"/education_code"}},
               {"date_posted", {"/published_at"}}, {"valid_through", {"/close_at"}}});
}

// Greenhouse job board API (…/boards/TOKEN/jobs?content=true); "content" is entity-escaped
// HTML, which the normaliser decodes one layer deeper.
FeedMapping GreenhouseJson() {
  return Json("/jobs", {{"id", {"/id"}}, {"url", {"/absolute_url"}}, {"title", {"/title"}},
                        {"employer", {"/company_name"}}, {"description", {"/content"}},
                        {"place", {"/location/name"}}, {"date_posted", {"/first_published", "/updated_at"}},
                        {"valid_through", {"/application_deadline"}}});
}

// Lever postings API (…/v0/postings/SITE?mode=json): a bare array, dates in epoch ms.
FeedMapping LeverJson() {
  return Json("", {{"id", {"/id"}}, {"url", {"/hostedUrl", "/applyUrl"}}, {"title", {"/text"}},
                   {"description", {"/description", "/lists/*/text", "/lists/*/content", "/additional"}},
                   {"place", {"/categories/location"}}, {"country", {"/country"}},
                   {"employment_type", {"/categories/commitment"}}, {"remote", {"/workplaceType"}},
                   {"salary_min", {"/salaryRange/min"}}, {"salary_max", {"/salaryRange/max"}},
                   {"salary_currency", {"/salaryRange/currency"}}, {"salary_period", {"/salaryRange/interval"}},
                   {"date_posted", {"/createdAt"}}});
}

// Workable widget API (…/api/v1/widget/accounts/ACCOUNT?details=true): the company name
// is the document's, not the job's.
FeedMapping WorkableJson() {
  return Json("/jobs", {{"id", {"/shortcode"}}, {"url", {"/url", "/shortlink"}}, {"title", {"/title"}},
                        {"employer", {"^/name"}}, {"description", {"/description"}},
                        {"place", {"/city", "/locations/0/city"}}, {"region", {"/state"}},
                        {"country", {"/country"}}, {"remote", {"/telecommuting"}},
                        {"employment_type", {"/employment_type"}}, {"date_posted", {"/published_on", "/created_at"}}});
}

// SmartRecruiters posting API (…/v1/companies/ID/postings): pages by offset and limit.
FeedMapping SmartRecruitersJson() {
  FeedMapping m = Json(
      "/content", {{"id", {"/id"}}, {"url", {"/postingUrl", "/ref"}}, {"title", {"/name"}},
                   {"employer", {"/company/name"}}, {"description", {"/jobAd/sections/*/text"}},
                   {"place", {"/location/city"}}, {"region", {"/location/region"}},
                   {"postcode", {"/location/postalCode"}}, {"country", {"/location/country"}},
                   {"remote", {"/location/remote"}}, {"employment_type", {"/typeOfEmployment/label"}},
                   {"date_posted", {"/releasedDate"}}});
  m.pagination.offset_param = "offset";
  m.pagination.limit_param = "limit";
  m.pagination.page_size = 100;
  return m;
}

// JSON Feed 1.1 whose items carry a schema.org JobPosting (Teamtailor's jobs.json).
FeedMapping JsonFeed() {
  const std::string address = "/_jobposting/jobLocation/*/address/";
  FeedMapping m = Json(
      "/items", {{"id", {"/id"}}, {"url", {"/url"}}, {"title", {"/title"}},
                 {"employer", {"/_jobposting/hiringOrganization/name", "^/title"}},
                 {"description", {"/content_html", "/content_text", "/summary", "/_jobposting/description"}},
                 {"place", {address + "addressLocality"}}, {"postcode", {address + "postalCode"}},
                 {"country", {address + "addressCountry"}}, {"date_posted", {"/date_published"}},
                 {"valid_through", {"/_jobposting/validThrough"}}, {"employment_type", {"/_jobposting/employmentType"}}});
  m.pagination.next = "/next_url";
  return m;
}

bool Truthy(const std::string& v) {
  const std::string l = ToLowerAscii(Trim(v));
  return l == "true" || l == "1" || l == "yes" || l == "remote" || l == "fully_remote" || l == "telecommute";
}

// "{id}" and the like in a default are replaced by the item's values.
std::string Expand(const std::string& pattern, const std::map<std::string, std::string>& values) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      out += pattern[i];
      continue;
    }
    const auto it = values.find(pattern.substr(i + 1, close - i - 1));
    out += it == values.end() ? "" : it->second;
    i = close;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& MappableFields() {
  static const std::vector<std::string> kFields = {
      "id", "url", "title", "employer", "description", "place", "postcode", "region", "country", "lat", "lon",
      "remote", "salary_min", "salary_max", "salary_period", "salary_currency", "salary_text", "hours",
      "hours_min", "hours_max", "employment_type", "education", "date_posted", "valid_through"};
  return kFields;
}

bool IsMappableField(std::string_view name) {
  const auto& f = MappableFields();
  return std::find(f.begin(), f.end(), name) != f.end();
}

std::optional<FeedMapping> PresetMapping(std::string_view type) {
  if (type == "xml-indeed") return IndeedXml();
  if (type == "xml-personio") return PersonioXml();
  if (type == "xml-hrxml") return HrXml();
  if (type == "rss") return Rss();
  if (type == "atom") return Atom();
  if (type == "json-recruitee") return RecruiteeJson();
  if (type == "json-greenhouse") return GreenhouseJson();
  if (type == "json-lever") return LeverJson();
  if (type == "json-workable") return WorkableJson();
  if (type == "json-smartrecruiters") return SmartRecruitersJson();
  if (type == "json-feed") return JsonFeed();
  return std::nullopt;
}

void PostingBuilder::Add(const std::string& field, std::string value) {
  value = std::string(Trim(value));
  if (value.empty() || value == "None" || value == "null") return;  // Python- and JS-made feeds
  std::string& slot = values_[field];
  if (field == "description") {
    slot += (slot.empty() ? "" : "\n") + value;
  } else if (slot.empty()) {
    slot = std::move(value);
  }
}

RawPosting PostingBuilder::Finish(const std::string& source) {
  for (const auto& [field, pattern] : mapping_.defaults) {
    if (values_[field].empty()) values_[field] = Expand(pattern, values_);
  }
  auto get = [&](const char* f) -> std::string {
    auto it = values_.find(f);
    return it == values_.end() ? "" : it->second;
  };
  RawPosting p;
  p.source = source;
  p.external_id = get("id");
  p.url = get("url");
  p.title = get("title");
  p.employer = get("employer");
  p.description = get("description");
  p.place = Truthy(get("remote")) ? "Remote" : get("place");
  p.postcode = get("postcode");
  p.region = get("region");
  p.country = get("country");
  p.lat = get("lat");
  p.lon = get("lon");
  p.salary = {get("salary_min"), get("salary_max"), get("salary_period"), get("salary_currency"), get("salary_text")};
  const std::string hmin = get("hours_min"), hmax = get("hours_max");
  p.hours = get("hours");
  if (p.hours.empty()) p.hours = hmin.empty() ? hmax : hmax.empty() || hmin == hmax ? hmin : hmin + "-" + hmax;
  p.employment_type = get("employment_type");
  p.education = get("education");
  p.date_posted = get("date_posted");
  p.valid_through = get("valid_through");
  return p;
}

std::string MissingIdError(const FeedMapping& m, const RawPosting& p, int record) {
  if (!p.external_id.empty() || !p.url.empty()) return "";
  const auto id = m.fields.find("id");
  const std::string name = id == m.fields.end() || id->second.empty() ? "id" : id->second.front();
  return "record " + std::to_string(record) + ": " + name + ": missing (and no url)";
}

}  // namespace passend
