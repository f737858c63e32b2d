// Source adapters: a fetched body → raw postings. Mapping-driven XML and JSON adapters serve
// every feed type with a preset (crawler/mapping.h); JSON-LD pages and sitemaps have their
// own. A broken record is reported and skipped, a broken document fails the whole source.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "crawler/mapping.h"
#include "crawler/sources.h"
#include "normalizer/normalizer.h"

namespace passend {

// A link a sitemap lists: a page (or, in a sitemap index, another sitemap) and its lastmod.
struct SitemapLink {
  std::string url;
  std::string lastmod;
};

struct ParsedFeed {
  std::vector<RawPosting> postings;
  std::vector<std::string> record_errors;  // "source: record N: field: what"
  size_t items = 0;                        // items the document held, good or bad
  std::string next_url;                    // the next page of a paginated feed, when there is one
  // Sitemaps only: the links found, already resolved; is_index when they are sitemaps.
  std::vector<SitemapLink> links;
  bool is_index = false;
};

// Dispatches on the source's type. `url` is where the body came from.
StatusOr<ParsedFeed> ParseFeed(const SourceConfig& source, const std::string& url, const std::string& body);

StatusOr<ParsedFeed> ParseMappedXml(const std::string& source, const FeedMapping& mapping, const std::string& body);
StatusOr<ParsedFeed> ParseMappedJson(const std::string& source, const FeedMapping& mapping, const std::string& url,
                                     const std::string& body);
StatusOr<ParsedFeed> ParseJsonLdHtml(const std::string& source, const std::string& url,
                                     const std::string& body);
StatusOr<ParsedFeed> ParseSitemap(const std::string& source, const std::string& url, const std::string& body);

// The presets' parsers, by name, for tests and benchmarks.
StatusOr<ParsedFeed> ParseIndeedXml(const std::string& source, const std::string& body);
StatusOr<ParsedFeed> ParseRecruiteeJson(const std::string& source, const std::string& body);

// The URL of a paginated feed's first page: offset pagination adds offset=0 and the limit
// when the configured URL has none.
std::string FirstPageUrl(const Pagination& pagination, const std::string& url);

// Checks a configured XPath or JSON Pointer; the error says what is wrong with it.
Status CheckExpression(FeedMapping::Syntax syntax, const std::string& expression);

}  // namespace passend
