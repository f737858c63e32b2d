#include "crawler/adapters.h"

namespace passend {

StatusOr<ParsedFeed> ParseFeed(const SourceConfig& source, const std::string& url, const std::string& body) {
  if (source.type == "jsonld") return ParseJsonLdHtml(source.name, url, body);
  if (source.type == "sitemap") return ParseSitemap(source.name, url, body);
  // A source built in code rather than read from sources.json may leave its preset implied.
  const std::optional<FeedMapping> mapping = source.mapping ? source.mapping : PresetMapping(source.type);
  if (!mapping) return Status::InvalidArgument(source.name + ": type: unknown \"" + source.type + "\"");
  if (mapping->syntax == FeedMapping::Syntax::kXml) return ParseMappedXml(source.name, *mapping, body);
  return ParseMappedJson(source.name, *mapping, url, body);
}

}  // namespace passend
