#include "normalizer/html_text.h"

#include <gumbo.h>

#include "common/text.h"

namespace passend {
namespace {

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_HR:
      return true;
    default:
      return false;
  }
}

void AppendText(const GumboNode* node, std::string& out, int depth) {
  if (depth > 200) return;  // pathological nesting: stop rather than overflow the stack
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
      node->type != GUMBO_NODE_TEMPLATE) {
    return;
  }
  const GumboTag tag = node->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_UNKNOWN : node->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
      tag == GUMBO_TAG_HEAD) {
    return;
  }
  const GumboVector& children =
      node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
  if (IsBlock(tag)) out += '\n';
  if (tag == GUMBO_TAG_LI) out += "- ";
  for (unsigned i = 0; i < children.length; ++i) {
    AppendText(static_cast<const GumboNode*>(children.data[i]), out, depth + 1);
  }
  if (IsBlock(tag)) out += '\n';
}

// Collapses spaces within lines and keeps single line breaks between blocks.
std::string TidyLines(const std::string& raw) {
  std::string out;
  for (const auto& line : Split(raw, '\n')) {
    const std::string tidy = CollapseWhitespace(line);
    if (tidy.empty() || tidy == "-") continue;
    if (!out.empty()) out += '\n';
    out += tidy;
  }
  return out;
}

// Non-breaking spaces become plain spaces before tidying.
std::string NbspToSpace(const std::string& raw) {
  std::string spaced;
  spaced.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw.compare(i, 2, "\xC2\xA0") == 0) {
      spaced += ' ';
      ++i;
    } else {
      spaced += raw[i];
    }
  }
  return spaced;
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  const std::string input = RepairUtf8(html);
  // Plain text (no tags, no entities) needs no parse: most titles and employer names.
  if (input.find_first_of("<&") == std::string::npos) return TidyLines(NbspToSpace(input));
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, input.data(), input.size());
  std::string raw;
  AppendText(output->root, raw, 0);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return TidyLines(NbspToSpace(raw));
}

std::string MarkupToText(std::string_view maybe_html) {
  const bool escaped = maybe_html.find("&lt;") != std::string_view::npos &&
                       maybe_html.find('<') == std::string_view::npos;
  if (!escaped) return HtmlToText(maybe_html);
  return HtmlToText(HtmlToText(maybe_html));  // first pass decodes the entity layer
}

}  // namespace passend
