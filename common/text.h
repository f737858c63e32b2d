// Text helpers for Dutch vacancy text: UTF-8 repair, case and accent folding,
// whitespace, small parsing helpers. All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passend {

// Replaces invalid UTF-8 sequences with U+FFFD so later stages never see broken text.
std::string RepairUtf8(std::string_view in);
// True when `in` is valid UTF-8.
bool IsValidUtf8(std::string_view in);
// The length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i);
// The code point of the valid sequence of `len` bytes at s[i].
uint32_t DecodeAt(std::string_view s, size_t i, size_t len);
void AppendUtf8(std::string& out, uint32_t cp);
// Converts ISO-8859-1 (Latin-1) bytes to UTF-8.
std::string Latin1ToUtf8(std::string_view in);

// Lower-cases ASCII and folds the Latin-1 accented letters Dutch uses (é→e, ë→e, ï→i…)
// and typographic dashes/spaces (en dash→'-', NBSP→' '); zero-width characters and soft
// hyphens are dropped. The result is meant for matching, never for display.
// When `offsets` is given it receives, for every output byte, the byte offset in `in` of
// the character it came from.
std::string FoldForMatch(std::string_view in, std::vector<int>* offsets = nullptr);

// A letter or digit of folded text: ASCII alphanumerics and any byte of a UTF-8 sequence.
bool IsWordChar(char c);

// Collapses runs of white space to one space and trims both ends.
std::string CollapseWhitespace(std::string_view in);
std::string_view Trim(std::string_view in);
std::vector<std::string> Split(std::string_view in, char sep);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
std::string ToLowerAscii(std::string_view in);

// Parses a whole string as a number; nullopt when it is not exactly one number.
std::optional<double> ParseDouble(std::string_view in);
std::optional<long> ParseInt(std::string_view in);

// Stable 64-bit FNV-1a hash (the same on every machine and run), as 16 hex digits.
uint64_t Fnv1a64(std::string_view in);
std::string HexId(uint64_t v);
// FNV-1a followed by a 64-bit finaliser, so similar inputs give unrelated ids.
uint64_t StableHash64(std::string_view in);
// MurmurHash3's 64-bit finaliser: spreads the bits of `h` over the whole word.
uint64_t Fmix64(uint64_t h);

// Escapes text for HTML element content and attribute values.
std::string HtmlEscape(std::string_view in);

// `s` followed by spaces up to `width` characters (UTF-8 code points), for text tables.
std::string PadRight(std::string_view s, size_t width);

// local@domain.tld with nothing that could break a mail header or an SMTP envelope.
bool PlausibleEmail(std::string_view e);

}  // namespace passend
