#include "normalizer/html_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "common/text.h"

namespace passend {
namespace {

constexpr uint32_t kReplacement = 0xFFFD;

struct NamedReference {
  const char* name;
  uint32_t code_point;
};

// Latin-1 names in code point order from U+00A0, then the others vacancies use.
constexpr const char* kLatin1Names[] = {
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
    "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
    "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash",
    "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
    "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
    "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
    "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"};

constexpr NamedReference kOtherNames[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"euro", 0x20AC},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"bull", 0x2022}, {"hellip", 0x2026},
    {"trade", 0x2122}, {"OElig", 0x152}, {"oelig", 0x153}, {"Scaron", 0x160}, {"scaron", 0x161},
    {"Yuml", 0x178}, {"fnof", 0x192}, {"circ", 0x2C6}, {"tilde", 0x2DC}, {"ensp", 0x2002},
    {"emsp", 0x2003}, {"thinsp", 0x2009}, {"zwnj", 0x200C}, {"zwj", 0x200D}, {"lrm", 0x200E},
    {"rlm", 0x200F}, {"dagger", 0x2020}, {"Dagger", 0x2021}, {"permil", 0x2030}, {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"check", 0x2713}, {"rarr", 0x2192}, {"larr", 0x2190}, {"le", 0x2264}, {"ge", 0x2265}};

// HTML5 maps these numeric references (the C1 range) as windows-1252 does.
constexpr uint16_t kWindows1252[32] = {
    0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178};

std::optional<uint32_t> LookupName(std::string_view name) {
  for (size_t i = 0; i < std::size(kLatin1Names); ++i) {
    if (name == kLatin1Names[i]) return static_cast<uint32_t>(0xA0 + i);
  }
  for (const NamedReference& r : kOtherNames) {
    if (name == r.name) return r.code_point;
  }
  return std::nullopt;
}

size_t DecodeNumeric(std::string_view in, size_t pos, uint32_t* cp) {
  size_t i = pos + 2;
  const bool hex = i < in.size() && (in[i] == 'x' || in[i] == 'X');
  if (hex) ++i;
  const size_t digits_start = i;
  uint64_t value = 0;
  while (i < in.size() && (hex ? std::isxdigit(static_cast<unsigned char>(in[i])) : std::isdigit(static_cast<unsigned char>(in[i])))) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(in[i])));
    value = std::min<uint64_t>(value * (hex ? 16 : 10) + static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10), 0x110000);
    ++i;
  }
  if (i == digits_start) return 0;
  if (i < in.size() && in[i] == ';') ++i;
  if (value >= 0x80 && value < 0xA0) {
    *cp = kWindows1252[value - 0x80];
  } else if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    *cp = kReplacement;
  } else {
    *cp = static_cast<uint32_t>(value);
  }
  return i - pos;
}

bool IsBlockTag(std::string_view tag) {
  static constexpr std::string_view kBlocks[] = {
      "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
      "article", "header", "footer", "blockquote", "pre", "dt", "dd", "hr", "main", "aside", "nav", "td", "th"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), tag) != std::end(kBlocks);
}

// Elements whose content is never text for a reader.
bool IsSkippedContent(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "noscript" || tag == "template" || tag == "title" ||
         tag == "textarea" || tag == "svg";
}

// Builds the text: white space collapsed within lines, one line break between blocks,
// no empty lines, "- " before the first text of a list item.
class TextSink {
 public:
  explicit TextSink(size_t hint) { out_.reserve(hint); }
  void Space() { space_ = !out_.empty() && !newline_; }
  void Newline() {
    newline_ = !out_.empty();
    space_ = false;
    bullet_ = false;
  }
  void Bullet() {
    Newline();
    bullet_ = true;
  }
  void Bytes(std::string_view bytes) {
    Flush();
    out_.append(bytes);
  }
  void CodePoint(uint32_t cp) {
    if (cp == 0xA0 || cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x2002 || cp == 0x2003 || cp == 0x2009) {
      return Space();
    }
    if (cp == '\n') return Newline();
    Flush();
    AppendUtf8(out_, cp);
  }
  std::string Finish() { return std::move(out_); }

 private:
  void Flush() {
    if (newline_) out_ += '\n';
    else if (space_) out_ += ' ';
    if (bullet_) out_ += "- ";
    newline_ = space_ = bullet_ = false;
  }
  std::string out_;
  bool space_ = false, newline_ = false, bullet_ = false;
};

// Printable ASCII that is neither markup nor white space.
bool IsPlainText(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > ' ' && u < 0x7F && c != '<' && c != '&';
}

// Reads a tag name at in[i] (lower-cased), advancing `i` past it.
std::string TagName(std::string_view in, size_t* i) {
  std::string name;
  while (*i < in.size() && (std::isalnum(static_cast<unsigned char>(in[*i])) || in[*i] == '-' || in[*i] == ':')) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(in[*i])));
    ++*i;
  }
  return name;
}

// Skips attributes up to and past the closing '>', honouring quotes.
size_t SkipToTagEnd(std::string_view in, size_t i) {
  char quote = 0;
  for (; i < in.size(); ++i) {
    if (quote) {
      if (in[i] == quote) quote = 0;
    } else if (in[i] == '"' || in[i] == '\'') {
      if (i > 0 && in[i - 1] == '=') quote = in[i];
    } else if (in[i] == '>') {
      return i + 1;
    }
  }
  return in.size();
}

// Position just past "</tag ...>" (case-insensitive), or the end of the input.
size_t SkipRawContent(std::string_view in, size_t i, const std::string& tag) {
  for (size_t p = in.find("</", i); p != std::string_view::npos; p = in.find("</", p + 2)) {
    size_t q = p + 2;
    if (TagName(in, &q) == tag) return SkipToTagEnd(in, q);
  }
  return in.size();
}

// Handles markup at in[i] == '<'; returns the position after it, or i when it is text.
size_t Markup(std::string_view in, size_t i, TextSink* sink) {
  if (in.compare(i, 4, "<!--") == 0) {
    const size_t end = in.find("-->", i + 4);
    return end == std::string_view::npos ? in.size() : end + 3;
  }
  if (in.compare(i, 9, "<![CDATA[") == 0) {
    const size_t end = in.find("]]>", i + 9);
    sink->Bytes(RepairUtf8(in.substr(i + 9, end == std::string_view::npos ? std::string_view::npos : end - i - 9)));
    return end == std::string_view::npos ? in.size() : end + 3;
  }
  if (i + 1 < in.size() && (in[i + 1] == '!' || in[i + 1] == '?')) return SkipToTagEnd(in, i + 1);
  const bool closing = i + 1 < in.size() && in[i + 1] == '/';
  size_t j = i + (closing ? 2 : 1);
  if (j >= in.size() || !std::isalpha(static_cast<unsigned char>(in[j]))) return i;
  const std::string tag = TagName(in, &j);
  j = SkipToTagEnd(in, j);
  if (!closing && IsSkippedContent(tag) && in[j - 1] != '/') return SkipRawContent(in, j, tag);
  if (tag == "li" && !closing) {
    sink->Bullet();
  } else if (IsBlockTag(tag)) {
    sink->Newline();
  }
  return j;  // inline tags (b, span, a, …) do not separate words

}

// Decodes one character reference at in[pos] == '&'. Returns the bytes consumed (0 when
// it is not a reference) and sets `*code_point`.
size_t DecodeCharacterReference(std::string_view in, size_t pos, uint32_t* code_point) {
  if (pos + 1 >= in.size() || in[pos] != '&') return 0;
  if (in[pos + 1] == '#') return DecodeNumeric(in, pos, code_point);
  size_t end = pos + 1;
  while (end < in.size() && end - pos <= 8 && std::isalnum(static_cast<unsigned char>(in[end]))) ++end;
  const auto cp = LookupName(in.substr(pos + 1, end - pos - 1));
  if (!cp) return 0;
  *code_point = *cp;
  return end - pos + (end < in.size() && in[end] == ';' ? 1 : 0);
}

}  // namespace

std::string HtmlToText(std::string_view in) {
  TextSink sink(in.size());
  size_t i = 0;
  while (i < in.size()) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c == '<') {
      const size_t next = Markup(in, i, &sink);
      if (next != i) {
        i = next;
        continue;
      }
    } else if (c == '&') {
      uint32_t cp = 0;
      if (const size_t used = DecodeCharacterReference(in, i, &cp)) {
        sink.CodePoint(cp);
        i += used;
        continue;
      }
    }
    if (c < 0x80) {
      // A run of plain ASCII text is copied at once, single spaces between words included.
      size_t e = i;
      while (e < in.size() && IsPlainText(in[e])) {
        ++e;
        if (e + 1 < in.size() && in[e] == ' ' && IsPlainText(in[e + 1]) && in[e + 1] != ' ') ++e;
      }
      if (e == i) {
        sink.CodePoint(c < 0x20 && c != '\n' ? ' ' : c);  // control characters become spaces
        ++i;
      } else {
        sink.Bytes(in.substr(i, e - i));
        i = e;
      }
      continue;
    }
    const size_t len = Utf8SequenceLength(in, i);
    if (len == 0) {
      sink.CodePoint(kReplacement);
      ++i;
    } else {
      sink.CodePoint(DecodeAt(in, i, len));
      i += len;
    }
  }
  return sink.Finish();
}

std::string MarkupToText(std::string_view maybe_html) {
  const bool escaped = maybe_html.find("&lt;") != std::string_view::npos &&
                       maybe_html.find('<') == std::string_view::npos;
  if (!escaped) return HtmlToText(maybe_html);
  // The first pass decodes the entity layer; the second reads the HTML it revealed.
  return HtmlToText(HtmlToText(maybe_html));
}

}  // namespace passend
