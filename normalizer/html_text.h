// HTML to plain text with a real HTML5 parser (gumbo): entities decoded, scripts and
// styles dropped, block elements become line breaks. Never regular expressions over HTML.
#pragma once

#include <string>
#include <string_view>

namespace passend {

std::string HtmlToText(std::string_view html);

// Decodes one more layer when text is entity-escaped HTML ("&lt;p&gt;…"), as some
// JSON APIs deliver it, then converts it to text.
std::string MarkupToText(std::string_view maybe_html);

}  // namespace passend
