// Salary extraction: structured fields first, then "€ 2.500 - € 3.200 bruto per maand" in text.
#include <algorithm>
#include <cctype>
#include <vector>

#include "common/text.h"
#include "normalizer/extract.h"

namespace passend {
namespace {

constexpr double kWeeksPerMonth = 52.0 / 12.0;
constexpr double kDefaultHours = 38.0;  // sector norms vary 36-40; see DOMAIN.md §3

struct Amount {
  double value;
  size_t begin, end;         // in folded text
  std::optional<double> alt;  // the other reading of "16,500" (16.5 vs 16500)
};

// "16,500" reads as 16.5 in Dutch and 16500 in English.
std::optional<double> OtherReading(std::string_view raw, double value) {
  const size_t comma = raw.find(',');
  if (comma == std::string_view::npos || raw.find('.') != std::string_view::npos ||
      raw.size() - comma - 1 != 3 || raw.find(',', comma + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  return value / 1000.0;
}

std::string PeriodFromField(std::string_view field) {
  const std::string f = FoldForMatch(field);
  if (f.find("hour") != std::string::npos || f.find("uur") != std::string::npos) return "uur";
  if (f.find("week") != std::string::npos) return "week";
  if (f.find("month") != std::string::npos || f.find("maand") != std::string::npos) return "maand";
  if (f.find("year") != std::string::npos || f.find("jaar") != std::string::npos ||
      f.find("annual") != std::string::npos) {
    return "jaar";
  }
  return "";
}

// Period named right after (or just before) an amount.
std::string PeriodNear(const std::string& t, size_t begin, size_t end) {
  const std::string after = t.substr(end, 45);
  const std::string before = t.substr(begin > 25 ? begin - 25 : 0, begin > 25 ? 25 : begin);
  struct Cue {
    const char* text;
    const char* period;
  };
  static constexpr Cue kAfter[] = {
      {"per uur", "uur"}, {"p/u", "uur"}, {"/uur", "uur"}, {"per maand", "maand"},
      {"p/m", "maand"}, {"/maand", "maand"}, {"p.m.", "maand"}, {"per jaar", "jaar"},
      {"/jaar", "jaar"}, {"per week", "week"}, {"bruto per uur", "uur"}, {"uurloon", "uur"},
      {"maandsalaris", "maand"}, {"jaarsalaris", "jaar"}, {"per 4 weken", "4weken"}};
  size_t best = std::string::npos;
  std::string period;
  for (const Cue& c : kAfter) {
    const size_t p = after.find(c.text);
    // "€ 3.880 bij 36 uur per week": a period after hours belongs to the hours.
    if (p != std::string::npos && after.substr(0, p).find("uur") != std::string::npos) continue;
    if (p != std::string::npos && p < best) {
      best = p;
      period = c.period;
    }
  }
  if (!period.empty()) return period;
  if (before.find("uurloon") != std::string::npos) return "uur";
  if (before.find("maandsalaris") != std::string::npos) return "maand";
  if (before.find("jaarsalaris") != std::string::npos) return "jaar";
  return "";
}

// Words that show an amount is not a wage.
bool NotAWage(const std::string& t, size_t begin, size_t end) {
  static constexpr std::string_view kTraps[] = {
      "opleidingsbudget", "budget", "reiskosten", "bonus", "fiets", "laptop", "telefoon",
      "uurtarief", "all-in", "all in", "vergoeding", "toeslag", "pensioen", "omzet",
      "korting", "eindejaars", "13e maand", "investering", "dertiende"};
  // A trap word before the amount ("bonus van € 500") or right after it ("€ 1.000 opleidingsbudget");
  // further on it belongs to another phrase ("€ 15,50 per uur + koudetoeslag").
  const size_t from = begin > 30 ? begin - 30 : 0;
  const std::string before = t.substr(from, begin - from);
  const std::string after = t.substr(end, 14);
  return std::any_of(std::begin(kTraps), std::end(kTraps), [&](std::string_view w) {
    return before.find(w) != std::string::npos || after.find(w) != std::string::npos;
  });
}

std::vector<Amount> FindEuroAmounts(const std::string& t) {
  std::vector<Amount> out;
  const std::string euro = "\xE2\x82\xAC";
  size_t next_sign = t.find(euro), next_word = t.find("eur ");
  for (size_t p = 0; p < t.size(); ++p) {
    if (next_sign < p) next_sign = t.find(euro, p);
    if (next_word < p) next_word = t.find("eur ", p);
    p = std::min(next_sign, next_word);
    if (p == std::string::npos) break;
    size_t start;
    if (p == next_sign) {
      start = p + euro.size();
    } else if (p == 0 || !IsWordChar(t[p - 1])) {
      start = p + 4;
    } else {
      continue;
    }
    while (start < t.size() && t[start] == ' ') ++start;
    size_t e = start;
    while (e < t.size() && (std::isdigit(static_cast<unsigned char>(t[e])) || t[e] == '.' ||
                            t[e] == ',' || (t[e] == '-' && e > start && t[e - 1] == ','))) {
      ++e;
    }
    if (e < t.size() && t[e] == 'k' && (e + 1 >= t.size() || !IsWordChar(t[e + 1]))) ++e;
    if (e == start) continue;
    const std::string raw = t.substr(start, e - start);
    if (auto v = ParseAmount(raw)) out.push_back({*v, p, e, OtherReading(raw, *v)});
    p = e;
  }
  return out;
}

bool Plausible(double v, const std::string& period) {
  if (period == "uur") return v >= 8 && v <= 250;
  if (period == "week") return v >= 300 && v <= 6000;
  if (period == "maand") return v >= 900 && v <= 30000;
  if (period == "4weken") return v >= 800 && v <= 28000;
  if (period == "jaar") return v >= 12000 && v <= 400000;
  return false;
}

// A period guessed from the size of the amount when the text names none.
std::string PeriodFromMagnitude(double v) {
  if (v >= 10 && v <= 150) return "uur";
  if (v >= 1200 && v <= 15000) return "maand";
  if (v >= 20000 && v <= 300000) return "jaar";
  return "";
}

// Joins a following amount into a range when only a range word stands between them.
bool JoinedAsRange(const std::string& t, const Amount& a, const Amount& b) {
  if (b.begin < a.end || b.begin - a.end > 8) return false;
  std::string between = std::string(Trim(t.substr(a.end, b.begin - a.end)));
  return between == "-" || between == "tot" || between == "en" || between == "a" ||
         between == "/" || between == "tot en met" || between == "t/m";
}

// A salary from structured feed fields, when they hold a plausible one.
std::optional<Salary> FromFields(const SalaryFields& f) {
  if (f.min.empty() && f.max.empty()) return std::nullopt;
  Salary s;
  s.min = ParseAmount(f.min);
  s.max = ParseAmount(f.max);
  s.period = PeriodFromField(f.period);
  const double probe = s.min.value_or(s.max.value_or(0));
  if (s.period.empty()) s.period = PeriodFromMagnitude(probe);
  if (s.period.empty() || !Plausible(probe, s.period)) return std::nullopt;
  s.phrase = f.min + (f.max.empty() ? "" : " - " + f.max) + " " + f.period;
  return s;
}

}  // namespace

std::optional<double> ParseAmount(std::string_view s) {
  std::string str(Trim(s));
  if (EndsWith(str, ",-")) str.resize(str.size() - 2);
  if (EndsWith(str, ".-")) str.resize(str.size() - 2);
  double scale = 1;
  if (!str.empty() && (str.back() == 'k' || str.back() == 'K')) {
    scale = 1000;
    str.pop_back();
  }
  while (!str.empty() && (str.back() == '.' || str.back() == ',')) str.pop_back();
  if (str.empty() || !std::isdigit(static_cast<unsigned char>(str[0]))) return std::nullopt;
  const size_t last_dot = str.rfind('.'), last_comma = str.rfind(',');
  std::string digits;
  if (last_dot != std::string::npos && last_comma != std::string::npos) {
    const char decimal = last_dot > last_comma ? '.' : ',';
    for (char c : str) {
      if (c == decimal) digits += '.';
      else if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    }
  } else if (last_dot != std::string::npos || last_comma != std::string::npos) {
    const size_t sep = last_dot != std::string::npos ? last_dot : last_comma;
    const size_t decimals = str.size() - sep - 1;
    const bool several = str.find(str[sep]) != sep;
    // "2.500" and "3,150" (three digits after one separator) are thousands.
    const bool thousands = decimals == 3 || several;
    for (size_t i = 0; i < str.size(); ++i) {
      if (i == sep || str[i] == str[sep]) {
        if (!thousands) digits += '.';
      } else {
        digits += str[i];
      }
    }
  } else {
    digits = str;
  }
  auto v = ParseDouble(digits);
  if (!v) return std::nullopt;
  return *v * scale;
}

void ConvertSalary(Salary* s, std::optional<double> hours_per_week, double norm_hours) {
  if (s->period.empty() || (!s->min && !s->max)) return;
  if (s->period != "uur" && !s->hours_basis) {
    s->hours_basis = hours_per_week ? *hours_per_week : norm_hours;
    s->hours_assumed = !hours_per_week;
  }
  const double h = s->hours_basis.value_or(kDefaultHours);
  auto to_hourly = [&](double v) {
    if (s->period == "uur") return v;
    if (s->period == "week") return v / h;
    if (s->period == "maand") return v / (h * kWeeksPerMonth);
    if (s->period == "4weken") return v / (4 * h);
    return v / (52.0 * h);  // jaar
  };
  auto round2 = [](double v) { return static_cast<double>(static_cast<long>(v * 100 + 0.5)) / 100; };
  if (s->min) s->hourly_min = round2(to_hourly(*s->min));
  if (s->max) s->hourly_max = round2(to_hourly(*s->max));
  const double hours_for_month = s->hours_basis.value_or(kDefaultHours);
  if (s->hourly_min) s->monthly_min = round2(*s->hourly_min * hours_for_month * kWeeksPerMonth);
  if (s->hourly_max) s->monthly_max = round2(*s->hourly_max * hours_for_month * kWeeksPerMonth);
}

Salary ExtractSalary(const SalaryFields& f, const FoldedText& text) {
  Salary s;
  const std::string currency = ToLowerAscii(Trim(f.currency));
  if (!currency.empty() && currency != "eur" && currency != "euro") return s;  // not comparable
  if (auto fields = FromFields(f)) return *fields;
  const FoldedText field_text(f.text);
  const std::string& t = f.text.empty() ? text.text() : field_text.text();
  const auto amounts = FindEuroAmounts(t);
  for (size_t i = 0; i < amounts.size(); ++i) {
    const Amount& a = amounts[i];
    const bool range = i + 1 < amounts.size() && JoinedAsRange(t, a, amounts[i + 1]);
    const Amount& last = range ? amounts[i + 1] : a;
    if (NotAWage(t, a.begin, last.end)) {
      if (range) ++i;
      continue;
    }
    std::string period = PeriodNear(t, a.begin, last.end);
    if (period.empty()) period = PeriodFromMagnitude(a.value);
    const bool ambiguous = (a.alt && Plausible(*a.alt, period.empty() ? PeriodFromMagnitude(*a.alt) : period));
    if (period.empty() || ambiguous || !Plausible(a.value, period) || !Plausible(last.value, period)) {
      if (range) ++i;
      continue;
    }
    const size_t before = a.begin > 12 ? a.begin - 12 : 0;
    std::string lead = t.substr(before, a.begin - before);
    if (const size_t stop = lead.find_last_of(".:;\n"); stop != std::string::npos) lead = lead.substr(stop + 1);
    s.period = period;
    if (range) {
      s.min = a.value;
      s.max = last.value;
    } else if (lead.find("tot") != std::string::npos || lead.find("max") != std::string::npos) {
      s.max = a.value;
    } else {
      s.min = a.value;
      if (lead.find("vanaf") == std::string::npos && lead.find("min") == std::string::npos) {
        s.max = a.value;
      }
    }
    if (s.min && s.max && *s.min > *s.max) std::swap(s.min, s.max);
    s.phrase = t.substr(a.begin, std::min<size_t>(last.end + 20, t.size()) - a.begin);
    return s;
  }
  return s;
}

}  // namespace passend
