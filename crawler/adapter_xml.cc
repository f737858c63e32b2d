// Indeed-style XML job feeds: <source><job><title/>…</job></source>.
#include <pugixml.hpp>

#include "common/text.h"
#include "crawler/adapters.h"

namespace passend {
namespace {

std::string Child(const pugi::xml_node& job, const char* name) {
  return std::string(Trim(job.child(name).text().as_string()));
}

}  // namespace

StatusOr<ParsedFeed> ParseIndeedXml(const std::string& source, const std::string& body) {
  pugi::xml_document doc;
  // parse_default does not expand entities declared in a DTD, which keeps
  // "billion laughs" style feeds harmless.
  const pugi::xml_parse_result res = doc.load_buffer(body.data(), body.size(), pugi::parse_default);
  if (!res) {
    return Status::InvalidArgument(source + ": invalid XML at byte " + std::to_string(res.offset) + ": " +
                                   res.description());
  }
  const pugi::xml_node root = doc.document_element();
  if (std::string(root.name()) != "source") {
    return Status::InvalidArgument(source + ": expected root element <source>, found <" +
                                   std::string(root.name()) + ">");
  }
  ParsedFeed feed;
  int n = 0;
  for (const pugi::xml_node job : root.children("job")) {
    ++n;
    RawPosting p;
    p.source = source;
    p.external_id = Child(job, "referencenumber");
    if (p.external_id.empty()) p.external_id = Child(job, "requisitionid");
    p.url = Child(job, "url");
    p.title = Child(job, "title");
    p.employer = Child(job, "company");
    p.description = Child(job, "description");
    p.place = Child(job, "city");
    p.region = Child(job, "state");
    p.country = Child(job, "country");
    p.postcode = Child(job, "postalcode");
    p.salary.text = Child(job, "salary");
    p.employment_type = Child(job, "jobtype");
    p.education = Child(job, "education");
    p.date_posted = Child(job, "date");
    p.valid_through = Child(job, "expirationdate");
    if (p.external_id.empty() && p.url.empty()) {
      feed.record_errors.push_back(source + ": record " + std::to_string(n) +
                                   ": referencenumber: missing (and no url)");
      continue;
    }
    feed.postings.push_back(std::move(p));
  }
  return feed;
}

}  // namespace passend
