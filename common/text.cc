#include "common/text.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace passend {
// Returns the length of the valid UTF-8 sequence at s[i], or 0 if invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t len = 0;
  uint32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  uint32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

uint32_t DecodeAt(std::string_view s, size_t i, size_t len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (len == 1) return c;
  uint32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// Folds one code point for matching; returns the replacement text (may be empty).
std::string_view FoldCodePoint(uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    static constexpr std::string_view kLatin1[] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "x", "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y"};
    return kLatin1[cp - 0xC0];
  }
  switch (cp) {
    case 0xA0: case 0x2002: case 0x2003: case 0x2009: case 0x202F: return " ";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return "-";
    case 0xAD: case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: return "";
    case 0x2018: case 0x2019: return "'";
    case 0x201C: case 0x201D: return "\"";
    case 0x20AC: return "\xE2\x82\xAC";  // keep the euro sign
    default: return {};
  }
}

}  // namespace

bool IsValidUtf8(std::string_view in) {
  for (size_t i = 0; i < in.size();) {
    const size_t len = Utf8SequenceLength(in, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string RepairUtf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    const size_t len = Utf8SequenceLength(in, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(in.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string Latin1ToUtf8(std::string_view in) {
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  for (char ch : in) AppendUtf8(out, static_cast<unsigned char>(ch));
  return out;
}

std::string FoldForMatch(std::string_view in, std::vector<int>* offsets) {
  // Written by index into buffers sized for the common case (folding rarely grows text).
  std::string out(in.size(), '\0');
  std::vector<int> map(offsets ? in.size() : 0);
  size_t o = 0;
  auto grow = [&](size_t need) {
    if (o + need <= out.size()) return;
    out.resize(2 * out.size() + need);
    if (offsets) map.resize(out.size());
  };
  for (size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {  // the common case: a run of ASCII, one output byte per input byte
      size_t end = i + 1;
      while (end < in.size() && static_cast<unsigned char>(in[end]) < 0x80) ++end;
      grow(end - i);
      for (size_t k = i; k < end; ++k) {
        const auto a = static_cast<unsigned char>(in[k]);
        out[o + k - i] = static_cast<char>(a >= 'A' && a <= 'Z' ? a + ('a' - 'A') : a);
      }
      if (offsets) {
        for (size_t k = i; k < end; ++k) map[o + k - i] = static_cast<int>(k);
      }
      o += end - i;
      i = end;
      continue;
    }
    size_t len = Utf8SequenceLength(in, i);
    std::string_view folded;
    if (len == 0) {
      folded = " ";
      len = 1;
    } else {
      const uint32_t cp = DecodeAt(in, i, len);
      folded = FoldCodePoint(cp);
      const bool dropped = cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF;
      if (folded.empty() && !dropped) folded = in.substr(i, len);
    }
    grow(folded.size());
    for (char f : folded) {
      out[o] = f;
      if (offsets) map[o] = static_cast<int>(i);
      ++o;
    }
    i += len;
  }
  out.resize(o);
  if (offsets) {
    map.resize(o);
    *offsets = std::move(map);
  }
  return out;
}

std::string_view Trim(std::string_view in) {
  size_t b = 0, e = in.size();
  while (b < e && std::isspace(static_cast<unsigned char>(in[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(in[e - 1]))) --e;
  return in.substr(b, e - b);
}

std::string CollapseWhitespace(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  bool space = false;
  for (char ch : in) {
    if (std::isspace(static_cast<unsigned char>(ch))) {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += ch;
    }
  }
  return out;
}

std::vector<std::string> Split(std::string_view in, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= in.size(); ++i) {
    if (i == in.size() || in[i] == sep) {
      parts.emplace_back(in.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string ToLowerAscii(std::string_view in) {
  std::string out(in);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

std::optional<double> ParseDouble(std::string_view in) {
  in = Trim(in);
  if (in.empty()) return std::nullopt;
  std::string buf(in);
  char* end = nullptr;
  const double v = std::strtod(buf.c_str(), &end);
  if (end != buf.c_str() + buf.size()) return std::nullopt;
  return v;
}

std::optional<long> ParseInt(std::string_view in) {
  in = Trim(in);
  long v = 0;
  auto [ptr, ec] = std::from_chars(in.data(), in.data() + in.size(), v);
  if (ec != std::errc() || ptr != in.data() + in.size() || in.empty()) return std::nullopt;
  return v;
}

uint64_t Fnv1a64(std::string_view in) {
  uint64_t h = 14695981039346656037ULL;
  for (char ch : in) {
    h ^= static_cast<unsigned char>(ch);
    h *= 1099511628211ULL;
  }
  return h;
}

uint64_t Fmix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

uint64_t StableHash64(std::string_view in) { return Fmix64(Fnv1a64(in)); }

std::string HexId(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string HtmlEscape(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (char ch : in) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80);
}

bool PlausibleEmail(std::string_view e) {
  const size_t at = e.find('@');
  return at != std::string_view::npos && at > 0 && e.find('.', at) != std::string_view::npos &&
         e.find_first_of(" \t\r\n<>,;\"") == std::string_view::npos && e.back() != '.';
}

std::string PadRight(std::string_view s, size_t width) {
  size_t chars = 0;
  for (char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  std::string out(s);
  if (chars < width) out.append(width - chars, ' ');
  return out;
}

}  // namespace passend
