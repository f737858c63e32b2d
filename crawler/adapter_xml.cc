// XML feeds read through a field mapping: XPath 1.0 over local element names.
#include <pugixml.hpp>

#include <cstring>
#include <map>
#include <memory>
#include <sstream>

#include "common/text.h"
#include "crawler/adapters.h"

namespace passend {
namespace {

// Drops every element and attribute prefix, so "nl:OfferId" and "x7:OfferId" (the same
// namespace under another prefix) are both "OfferId" to the mapping.
void StripPrefixes(pugi::xml_node root) {
  std::vector<pugi::xml_node> stack{root};
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) continue;
    if (const char* colon = std::strchr(n.name(), ':')) n.set_name(std::string(colon + 1).c_str());
    for (pugi::xml_attribute a : n.attributes()) {
      const char* colon = std::strchr(a.name(), ':');
      if (colon && !StartsWith(a.name(), "xmlns")) a.set_name(std::string(colon + 1).c_str());
    }
    for (pugi::xml_node c : n.children()) stack.push_back(c);
  }
}

// Text content; an element holding markup (HTML written as XML) keeps its inner markup so
// the normaliser sees paragraphs and list items.
std::string NodeValue(const pugi::xpath_node& x) {
  if (x.attribute()) return x.attribute().value();
  const pugi::xml_node n = x.node();
  if (n.type() != pugi::node_element) return n.value();
  bool markup = false;
  for (pugi::xml_node c : n.children()) markup = markup || c.type() == pugi::node_element;
  if (!markup) {  // all its text and CDATA children, as XPath's string value has it
    std::string text;
    for (pugi::xml_node c : n.children()) text += c.value();
    return text;
  }
  std::ostringstream out;
  for (pugi::xml_node c : n.children()) c.print(out, "", pugi::format_raw);
  return out.str();
}

// Every distinct expression of the mapping compiled once per document.
class Queries {
 public:
  const pugi::xpath_query& Get(const std::string& expr) {
    auto& q = cache_[expr];
    if (!q) q = std::make_unique<pugi::xpath_query>(expr.c_str());
    return *q;
  }

 private:
  std::map<std::string, std::unique_ptr<pugi::xpath_query>> cache_;
};

void AddValues(const pugi::xpath_query& q, const pugi::xml_node& item, const std::string& field, PostingBuilder* b) {
  if (q.return_type() != pugi::xpath_type_node_set) {
    b->Add(field, q.evaluate_string(item));
    return;
  }
  pugi::xpath_node_set nodes = q.evaluate_node_set(item);
  nodes.sort();  // a union ("name | value") comes out in document order
  for (const pugi::xpath_node& x : nodes) b->Add(field, NodeValue(x));
}

StatusOr<ParsedFeed> ReadItems(const std::string& source, const FeedMapping& m, const pugi::xml_document& doc) {
  Queries queries;
  ParsedFeed feed;
  const pugi::xpath_node_set items = queries.Get(m.items).evaluate_node_set(doc);
  feed.items = items.size();
  int n = 0;
  for (const pugi::xpath_node& item : items) {
    ++n;
    PostingBuilder b(m);
    for (const auto& [field, exprs] : m.fields) {
      for (const std::string& e : exprs) AddValues(queries.Get(e), item.node(), field, &b);
    }
    RawPosting p = b.Finish(source);
    if (const std::string e = MissingIdError(m, p, n); !e.empty()) {
      feed.record_errors.push_back(source + ": " + e);
      continue;
    }
    feed.postings.push_back(std::move(p));
  }
  return feed;
}

}  // namespace

StatusOr<ParsedFeed> ParseMappedXml(const std::string& source, const FeedMapping& m, const std::string& body) {
  pugi::xml_document doc;
  // parse_default does not expand entities declared in a DTD ("billion laughs" stays
  // harmless) and leaves HTML entities such as &euml; for the normaliser to decode.
  const pugi::xml_parse_result res = doc.load_buffer(body.data(), body.size(), pugi::parse_default);
  if (!res) {
    return Status::InvalidArgument(source + ": invalid XML at byte " + std::to_string(res.offset) + ": " +
                                   res.description());
  }
  StripPrefixes(doc.document_element());
  const std::string root = doc.document_element().name();
  if (!m.root.empty() && root != m.root) {
    return Status::InvalidArgument(source + ": expected root element <" + m.root + ">, found <" + root + ">");
  }
  try {
    return ReadItems(source, m, doc);
  } catch (const pugi::xpath_exception& e) {
    return Status::InvalidArgument(source + ": XPath: " + e.what());
  }
}

Status CheckExpression(FeedMapping::Syntax syntax, const std::string& e) {
  if (syntax == FeedMapping::Syntax::kJson) {
    const std::string_view rest = StartsWith(e, "^") ? std::string_view(e).substr(1) : std::string_view(e);
    if (rest.empty() || rest[0] == '/') return Status::Ok();
    return Status::InvalidArgument("\"" + e + "\" is not a JSON Pointer (it must be empty or start with \"/\")");
  }
  try {
    pugi::xpath_query q(e.c_str());
    return Status::Ok();
  } catch (const pugi::xpath_exception& ex) {
    return Status::InvalidArgument("\"" + e + "\" is not a valid XPath: " + ex.what());
  }
}

StatusOr<ParsedFeed> ParseIndeedXml(const std::string& source, const std::string& body) {
  static const FeedMapping kIndeed = *PresetMapping("xml-indeed");
  return ParseMappedXml(source, kIndeed, body);
}

}  // namespace passend
