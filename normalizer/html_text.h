// Vacancy description HTML to plain text in one pass: an HTML tokenizer (tags, comments,
// raw-text elements, character references per the HTML5 rules that matter for text) with
// no tree building, so a 3 KB description costs microseconds. Scripts, styles and the
// title are dropped; block elements become line breaks, list items "- " lines; invalid
// UTF-8 becomes U+FFFD. Any input is accepted: tag soup degrades to text, never a crash.
#pragma once

#include <string>
#include <string_view>

namespace passend {

std::string HtmlToText(std::string_view html);

// Decodes one more layer when text is entity-escaped HTML ("&lt;p&gt;…"), as some
// JSON APIs deliver it, then converts it to text.
std::string MarkupToText(std::string_view maybe_html);

}  // namespace passend
