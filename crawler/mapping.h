// Field mappings: which part of each item of a feed fills which posting field. XML feeds are
// read with XPath 1.0 over local element names (namespace prefixes are dropped, so a feed
// matches whatever prefix it picked), JSON feeds with JSON Pointer plus "*" for every array
// element and a leading "^" for the document root. Every built-in feed type is a preset
// mapping that sources.json may override field by field: a new feed needs configuration,
// not code (docs/sources.md).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "normalizer/normalizer.h"

namespace passend {

// How a JSON API spreads its items over pages. At most one of the three ways is set.
struct Pagination {
  std::string next;          // JSON Pointer to the next page's URL; absent or empty = last page
  std::string page_param;    // query parameter holding the page number, from first_page
  long first_page = 1;
  std::string offset_param;  // query parameter holding the first item's offset…
  std::string limit_param;   // …and the one holding the page size (page_size)
  long page_size = 100;
  bool enabled() const { return !next.empty() || !page_param.empty() || !offset_param.empty(); }
};

struct FeedMapping {
  enum class Syntax { kXml, kJson };
  Syntax syntax = Syntax::kXml;
  std::string root;   // XML only: the expected root element (local name); empty = any
  std::string items;  // XPath or JSON Pointer of the items
  // Posting field → expressions relative to an item. "description" joins every value found;
  // any other field takes the first non-empty one, so later expressions are fallbacks.
  std::map<std::string, std::vector<std::string>> fields;
  std::map<std::string, std::string> defaults;  // field → value for items that have none
  Pagination pagination;
};

// The posting fields a mapping may fill, in documentation order.
const std::vector<std::string>& MappableFields();
bool IsMappableField(std::string_view name);

// The built-in mapping of a source type ("xml-personio", "json-lever", …); nullopt for the
// types that are not mapping-driven (jsonld, sitemap) and for the generic "xml" and "json",
// whose mapping comes entirely from the configuration.
std::optional<FeedMapping> PresetMapping(std::string_view type);

// Collects one item's values and turns them into a posting.
class PostingBuilder {
 public:
  explicit PostingBuilder(const FeedMapping& mapping) : mapping_(mapping) {}
  void Add(const std::string& field, std::string value);
  // Applies defaults, joins hours_min/hours_max and maps a true "remote" to place "Remote".
  RawPosting Finish(const std::string& source);

 private:
  const FeedMapping& mapping_;
  std::map<std::string, std::string> values_;
};

// "record N: <the id expression>: missing (and no url)" for a posting that has neither an
// id nor a URL (nothing to recognise it by on the next crawl); "" when it has one.
std::string MissingIdError(const FeedMapping& mapping, const RawPosting& p, int record);

}  // namespace passend
