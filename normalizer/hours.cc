// Hours per week: "32-40 uur", "tussen 24 en 32 uur", "fulltime (40 uur)", "4x9", "minimaal 32 uur".
#include <algorithm>
#include <cctype>

#include "common/text.h"
#include "normalizer/extract.h"

namespace passend {
namespace {

constexpr double kMinHours = 2, kMaxHours = 60;

bool PlausibleHours(double h) { return h >= kMinHours && h <= kMaxHours; }

// Reads a number ending just before `end` (skipping spaces); returns its start.
std::optional<double> NumberBefore(const std::string& t, size_t end, size_t* start) {
  while (end > 0 && t[end - 1] == ' ') --end;
  size_t b = end;
  while (b > 0 && (std::isdigit(static_cast<unsigned char>(t[b - 1])) || t[b - 1] == ',')) --b;
  if (b == end || (b > 0 && (IsWordChar(t[b - 1]) || t[b - 1] == '.' || t[b - 1] == ':'))) return std::nullopt;
  std::string num = t.substr(b, end - b);
  std::replace(num.begin(), num.end(), ',', '.');
  *start = b;
  return ParseDouble(num);
}

// "uur" that refers to a period of pay or a day, not to hours per week.
bool NotWeeklyHours(const std::string& t, size_t num_start, size_t uur_end) {
  const std::string after = t.substr(uur_end, 14);
  if (StartsWith(after, " per dag") || StartsWith(after, " per dienst") || StartsWith(after, "dienst") ||
      StartsWith(after, " per maand") || StartsWith(after, " reistijd") || StartsWith(after, " rijden")) {
    return true;
  }
  const std::string before = t.substr(num_start > 12 ? num_start - 12 : 0, num_start > 12 ? 12 : num_start);
  const std::string_view lead = Trim(before);
  return EndsWith(lead, "\xE2\x82\xAC") || before.find("binnen") != std::string::npos;
}

void Take(Hours* h, double lo, double hi, const std::string& t, size_t begin, size_t end) {
  if (!PlausibleHours(lo) || !PlausibleHours(hi) || lo > hi) return;
  h->min = lo;
  h->max = hi;
  h->phrase = t.substr(begin, end - begin);
}

// "4x9": four days of nine hours.
bool FindDaysTimesHours(const std::string& t, Hours* h) {
  for (size_t p = 1; p + 1 < t.size(); ++p) {
    if (t[p] == 'x' && std::isdigit(static_cast<unsigned char>(t[p - 1])) &&
        std::isdigit(static_cast<unsigned char>(t[p + 1])) && (p < 2 || !IsWordChar(t[p - 2]))) {
      const double days = t[p - 1] - '0';
      size_t e = p + 1;
      while (e < t.size() && std::isdigit(static_cast<unsigned char>(t[e]))) ++e;
      if (e < t.size() && IsWordChar(t[e])) continue;
      const auto per_day = ParseDouble(t.substr(p + 1, e - p - 1));
      if (per_day && days >= 3 && days <= 6 && *per_day >= 4 && *per_day <= 12) {
        Take(h, days * *per_day, days * *per_day, t, p - 1, e);
        return true;
      }
    }
  }
  return false;
}

// "o.b.v. 36 uur", "bij 40 uur", "(36 uur)": the hours a salary is quoted for, not the job's.
bool IsSalaryBasis(const std::string& t, size_t num_start) {
  const std::string pre = t.substr(num_start > 14 ? num_start - 14 : 0, std::min<size_t>(14, num_start));
  return pre.find("o.b.v") != std::string::npos || pre.find("obv") != std::string::npos ||
         pre.find("basis van") != std::string::npos || EndsWith(pre, "bij ") || EndsWith(pre, "(");
}

// "6-14 en 14-22 uur" are clock times, not hours per week.
bool ClockRange(const std::string& t, size_t lo_start) {
  const std::string pre = t.substr(lo_start > 6 ? lo_start - 6 : 0, std::min<size_t>(6, lo_start));
  const size_t en = pre.rfind(" en ");
  return en != std::string::npos && en > 0 && std::isdigit(static_cast<unsigned char>(pre[en - 1]));
}

// "36-urige werkweek".
bool FindUrige(const FoldedText& text, Hours* h) {
  const std::string& t = text.text();
  for (size_t p = text.FindWord("urige"); p != std::string::npos; p = text.FindWord("urige", p + 1)) {
    size_t start = 0;
    const size_t end = p > 0 && t[p - 1] == '-' ? p - 1 : p;
    if (auto n = NumberBefore(t, end, &start)) {
      Take(h, *n, *n, t, start, p + 5);
      if (h->max) return true;
    }
  }
  return false;
}

// Hours stated for the job; hours named only as a salary basis go to `basis`.
Hours StatedHours(const FoldedText& text, Hours* basis) {
  const std::string& t = text.text();
  Hours h;
  for (size_t p = text.FindWord("uur"); p != std::string::npos; p = text.FindWord("uur", p + 1)) {
    size_t hi_start = 0;
    const auto hi = NumberBefore(t, p, &hi_start);
    if (!hi || NotWeeklyHours(t, hi_start, p + 3)) continue;
    if (IsSalaryBasis(t, hi_start)) {
      if (!basis->max) Take(basis, *hi, *hi, t, hi_start, p + 3);
      continue;
    }
    // A range: "32-40 uur", "32 tot 40 uur", "tussen 24 en 32 uur".
    std::string_view lead(t.data(), hi_start);
    size_t lo_start = 0;
    for (std::string_view joiner : {"-", " - ", " tot ", " en ", " a ", "/"}) {
      if (EndsWith(lead, joiner)) {
        if (auto lo = NumberBefore(t, hi_start - joiner.size(), &lo_start); lo && !ClockRange(t, lo_start)) {
          const std::string pre = t.substr(lo_start > 10 ? lo_start - 10 : 0, std::min<size_t>(10, lo_start));
          if (joiner == " tot " && pre.find("van") == std::string::npos && !PlausibleHours(*lo)) break;
          Take(&h, *lo, *hi, t, lo_start, p + 3);
          if (h.min) return h;
        }
      }
    }
    const std::string pre = t.substr(hi_start > 12 ? hi_start - 12 : 0, std::min<size_t>(12, hi_start));
    if (pre.find("minimaal") != std::string::npos || pre.find("vanaf") != std::string::npos ||
        pre.find("min.") != std::string::npos) {
      Take(&h, *hi, std::min(kMaxHours, std::max(*hi, 40.0)), t, hi_start, p + 3);
    } else if (pre.find("tot ") != std::string::npos || pre.find("max") != std::string::npos) {
      if (*hi < 8) continue;  // "maximaal 2 uur in de kou" limits a stretch, not the week
      Take(&h, std::min(*hi, 8.0), *hi, t, hi_start, p + 3);
      if (h.min) h.min = std::nullopt;  // "tot 36 uur": only the maximum is known
    } else {
      Take(&h, *hi, *hi, t, hi_start, p + 3);
    }
    if (h.max) return h;
  }
  FindDaysTimesHours(t, &h);
  return h;
}

// "fulltime" or a 0-urencontract when no number of hours is given.
Hours FallbackHours(const FoldedText& text) {
  Hours h;
  const size_t full = text.FindWord("fulltime");
  const size_t full2 = text.FindWord("full-time");
  const size_t f = std::min(full, full2);
  // "(fulltime)" after a salary names its basis, not the job's hours.
  if (f != std::string::npos && !(f > 0 && text.text()[f - 1] == '(')) {
    h.min = 36;
    h.max = 40;
    h.phrase = "fulltime";
  } else if (text.FindWord("0-urencontract") != std::string::npos ||
             text.FindWord("nulurencontract") != std::string::npos) {
    h.min = 0;
    h.phrase = "0-urencontract";
  }
  return h;
}

}  // namespace

Hours ExtractHours(const FoldedText& text) {
  Hours basis;  // hours named only as a salary basis: used when nothing else is said
  Hours h = StatedHours(text, &basis);
  if (h.max || h.min) return h;
  if (basis.max) return basis;
  if (FindUrige(text, &h)) return h;
  return FallbackHours(text);
}

Hours ParseHoursField(std::string_view field) {
  const FoldedText t(std::string(field) + (field.find("uur") == std::string_view::npos ? " uur" : ""));
  return ExtractHours(t);
}

}  // namespace passend
