// Pay scales named in a vacancy: "schaal 8 (cao Gemeenten)", "FWG 45", "salarisschaal 10-11",
// "schaal LB". Passend bundles no scale amounts (they change with every cao round), so the
// scale is kept as text for the coach rather than turned into a possibly stale wage.
#include <algorithm>
#include <cctype>
#include <utility>
#include <string>
#include <string_view>

#include "common/text.h"
#include "normalizer/extract.h"

namespace passend {
namespace {

constexpr std::string_view kScaleWords[] = {"salarisschaal", "loonschaal", "functieschaal", "schaal",
                                            "functiegroep", "loongroep", "salarisgroep", "fwg"};
// Words that end a cao name: "cao Gemeenten en een …" → "cao Gemeenten".
constexpr std::string_view kNameStops[] = {"en", "van", "voor", "met", "de", "het", "bij", "per", "is",
                                           "op", "in", "tot", "max", "maximaal", "schaal", "obv", "o"};

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The scale value after the scale word at `p`: "8", "10-11", "10 of 11", "lb". Empty when
// none ("op grote schaal", "schaalbaar"); `*end` is set just after it.
std::string ScaleValue(const std::string& t, size_t p, bool letters_allowed, size_t* end) {
  size_t i = p;
  while (i < t.size() && t[i] == ' ') ++i;
  const size_t start = i;
  auto number = [&]() {
    const size_t b = i;
    while (i < t.size() && IsDigit(t[i]) && i - b < 2) ++i;
    if (i == b || (i < t.size() && IsWordChar(t[i]))) return false;
    // "schaal 1:100" is a ratio, "schaal 1,5" a measure, not a pay scale.
    return !(i + 1 < t.size() && (t[i] == ':' || t[i] == ',' || t[i] == '.') && IsDigit(t[i + 1]));
  };
  if (number()) {
    size_t save = i;
    size_t j = i;
    while (j < t.size() && t[j] == ' ') ++j;
    if (j < t.size() && t[j] == '-') {
      ++j;
    } else if (t.compare(j, 3, "of ") == 0 || t.compare(j, 4, "tot ") == 0) {
      j = t.find(' ', j) + 1;
    } else {
      *end = save;
      return t.substr(start, save - start);
    }
    while (j < t.size() && t[j] == ' ') ++j;
    i = j;
    if (!number()) {
      *end = save;
      return t.substr(start, save - start);
    }
    *end = i;
    return t.substr(start, save - start) + "-" + t.substr(j, i - j);
  }
  // Teachers' scales: LA to LE (cao po, vo, mbo).
  if (letters_allowed && i + 2 <= t.size() && t[i] == 'l' && t[i + 1] >= 'a' && t[i + 1] <= 'e' &&
      (i + 2 == t.size() || !IsWordChar(t[i + 2]))) {
    *end = i + 2;
    return "L" + std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(t[i + 1]))));
  }
  return "";
}

bool IsNameStop(std::string_view word) {
  for (std::string_view stop : kNameStops) {
    if (word == stop) return true;
  }
  return false;
}

// "cao Gemeenten" as written in the original, when a cao is named within 60 bytes around
// [begin, end) in the same sentence; the nearest one after the scale wins.
std::string CaoName(const FoldedText& text, std::string_view original, size_t begin, size_t end) {
  const std::string& t = text.text();
  const size_t from = begin > 60 ? begin - 60 : 0;
  const size_t to = std::min(t.size(), end + 60);
  size_t at = std::string::npos;
  for (size_t p = text.FindWord("cao", from); p != std::string::npos && p < to; p = text.FindWord("cao", p + 3)) {
    const size_t lo = std::min(p, begin), hi = std::max(p, end);
    if (t.find_first_of(".;\n", lo) < hi) continue;  // another sentence
    at = p;
    if (p >= end) break;
  }
  if (at == std::string::npos) return "";
  size_t i = at + 3;
  size_t name_end = i;
  for (int words = 0; words < 3; ++words) {
    while (i < t.size() && t[i] == ' ') ++i;
    size_t w = i;
    while (w < t.size() && IsWordChar(t[w])) ++w;
    if (w == i || IsNameStop(std::string_view(t).substr(i, w - i))) break;
    name_end = w;
    i = w;
  }
  if (name_end == at + 3) return "";
  const int ob = text.OriginalOffset(at), oe = text.OriginalOffset(name_end);
  if (ob < 0 || oe <= ob || static_cast<size_t>(oe) > original.size()) return "";
  std::string name(original.substr(ob, oe - ob));
  name.replace(0, 3, "cao");  // "CAO" and "Cao" read the same
  return name;
}

// "schaal 8 Rijk": the public employers whose scales vacancies name without the word cao.
std::string PublicSector(const std::string& t, size_t end) {
  static constexpr std::pair<std::string_view, std::string_view> kSectors[] = {
      {" rijk", "cao Rijk"}, {" gemeenten", "cao Gemeenten"}, {" provincies", "cao Provincies"},
      {" waterschappen", "cao Waterschappen"}};
  for (const auto& [word, name] : kSectors) {
    if (t.compare(end, word.size(), word) == 0 &&
        (end + word.size() == t.size() || !IsWordChar(t[end + word.size()]))) {
      return std::string(name);
    }
  }
  return "";
}

}  // namespace

std::string ExtractPayScale(const FoldedText& text, std::string_view original) {
  const std::string& t = text.text();
  for (std::string_view word : kScaleWords) {
    for (size_t p = text.FindWord(word); p != std::string::npos; p = text.FindWord(word, p + 1)) {
      const bool fwg = word == "fwg";
      size_t end = 0;
      const std::string value = ScaleValue(t, p + word.size(), !fwg, &end);
      if (value.empty()) continue;
      const std::string label = (fwg ? "FWG " : std::string(word) + " ") + value;
      std::string cao = CaoName(text, original, p, end);
      if (cao.empty()) cao = PublicSector(t, end);
      return cao.empty() ? label : label + " (" + cao + ")";
    }
  }
  return "";
}

}  // namespace passend
