// Sitemaps (sitemaps.org 0.9): a urlset lists pages, a sitemapindex lists more sitemaps.
#include <pugixml.hpp>

#include <cstring>

#include "common/text.h"
#include "crawler/adapters.h"
#include "crawler/url.h"

namespace passend {
namespace {

std::string_view LocalName(const char* name) {
  const char* colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

pugi::xml_node Child(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == local) return c;
  }
  return {};
}

}  // namespace

StatusOr<ParsedFeed> ParseSitemap(const std::string& source, const std::string& url, const std::string& body) {
  pugi::xml_document doc;
  const pugi::xml_parse_result res = doc.load_buffer(body.data(), body.size(), pugi::parse_default);
  if (!res) {
    return Status::InvalidArgument(source + ": invalid XML at byte " + std::to_string(res.offset) + ": " +
                                   res.description());
  }
  const pugi::xml_node root = doc.document_element();
  const std::string_view kind = LocalName(root.name());
  if (kind != "urlset" && kind != "sitemapindex") {
    return Status::InvalidArgument(source + ": expected root element <urlset> or <sitemapindex>, found <" +
                                   std::string(root.name()) + ">");
  }
  ParsedFeed feed;
  feed.is_index = kind == "sitemapindex";
  const std::string_view entry = feed.is_index ? "sitemap" : "url";
  int n = 0;
  for (pugi::xml_node e : root.children()) {
    if (e.type() != pugi::node_element || LocalName(e.name()) != entry) continue;
    ++n;
    ++feed.items;
    const std::string loc(Trim(Child(e, "loc").child_value()));
    if (loc.empty()) {
      feed.record_errors.push_back(source + ": record " + std::to_string(n) + ": loc: missing");
      continue;
    }
    feed.links.push_back({ResolveUrl(url, loc), std::string(Trim(Child(e, "lastmod").child_value()))});
  }
  return feed;
}

}  // namespace passend
