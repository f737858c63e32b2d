#include "model/display.h"

#include <cmath>
#include <cstdio>

namespace passend {
std::string GroupThousands(double v) {
  const std::string digits = std::to_string(std::lround(v));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && digits[i - 1] != '-' && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

std::string DecimalComma(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string t = buf;
  t[t.find('.')] = ',';
  return t;
}

std::string FormatSalary(const Salary& s) {
  if (!s.known() || s.period.empty() || (!s.min && !s.max)) return "";
  auto fmt = [&](double v) { return "\xE2\x82\xAC " + (s.period == "uur" ? DecimalComma(v) : GroupThousands(v)); };
  const std::string period = s.period == "4weken" ? "per 4 weken" : "per " + s.period;
  if (s.min && s.max && *s.min != *s.max) return fmt(*s.min) + " - " + fmt(*s.max) + " bruto " + period;
  if (s.min && !s.max) return "vanaf " + fmt(*s.min) + " bruto " + period;
  if (!s.min && s.max) return "tot " + fmt(*s.max) + " bruto " + period;
  return fmt(s.min.value_or(s.max.value_or(0))) + " bruto " + period;
}

std::string FormatHours(const Hours& h) {
  auto n = [](double v) { return std::to_string(std::lround(v)); };
  if (h.min && h.max && *h.min != *h.max) return n(*h.min) + "-" + n(*h.max) + " uur per week";
  if (h.max) return (h.min ? "" : "tot ") + n(*h.max) + " uur per week";
  if (h.min) return "vanaf " + n(*h.min) + " uur per week";
  return "";
}

}  // namespace passend
