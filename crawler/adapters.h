// Source adapters: a fetched body → raw postings. One function per feed type; a broken
// record is reported and skipped, a broken document fails the whole source.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "normalizer/normalizer.h"

namespace passend {

struct ParsedFeed {
  std::vector<RawPosting> postings;
  std::vector<std::string> record_errors;  // "source: record N: field: what"
};

// Dispatches on `type` (see KnownSourceTypes()). `url` is where the body came from.
StatusOr<ParsedFeed> ParseFeed(const std::string& type, const std::string& source,
                               const std::string& url, const std::string& body);

StatusOr<ParsedFeed> ParseIndeedXml(const std::string& source, const std::string& body);
StatusOr<ParsedFeed> ParseRecruiteeJson(const std::string& source, const std::string& body);
StatusOr<ParsedFeed> ParseJsonLdHtml(const std::string& source, const std::string& url,
                                     const std::string& body);

}  // namespace passend
