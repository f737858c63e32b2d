#include "common/date.h"

#include <cctype>
#include <cstdio>
#include <ctime>

#include "common/text.h"

namespace passend {
namespace {

bool ValidYmd(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  if (d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

// Reads exactly n digits at s[pos]; -1 on failure.
int Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::optional<Days> MakeDate(int y, int m, int d) {
  if (!ValidYmd(y, m, d)) return std::nullopt;
  return DaysFromCivil(y, m, d);
}

// Applies a trailing "+02:00"/"-0500" offset to a date-time so the UTC date is right.
Days ApplyOffset(Days day, int hour, int minute, std::string_view rest) {
  rest = Trim(rest);
  int offset_min = 0;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    const int hh = Digits(rest, 1, 2);
    const int mm = rest.size() >= 6 && rest[3] == ':' ? Digits(rest, 4, 2) : Digits(rest, 3, 2);
    if (hh >= 0) offset_min = hh * 60 + (mm > 0 ? mm : 0);
    if (rest[0] == '+') offset_min = -offset_min;
  }
  const int minutes = hour * 60 + minute + offset_min;
  if (minutes < 0) return day - 1;
  if (minutes >= 24 * 60) return day + 1;
  return day;
}

std::optional<Days> ParseIsoLike(std::string_view s) {
  const int y = Digits(s, 0, 4), m = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (y < 0 || m < 0 || d < 0 || s[4] != s[7] || (s[4] != '-' && s[4] != '/')) return std::nullopt;
  auto day = MakeDate(y, m, d);
  if (!day || s.size() == 10) return day;
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  const int hh = Digits(s, 11, 2), mi = Digits(s, 14, 2);
  if (hh < 0 || mi < 0) return day;
  size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') pos += 3;
  while (pos < s.size() && (s[pos] == '.' || std::isdigit(static_cast<unsigned char>(s[pos])))) ++pos;
  return ApplyOffset(*day, hh, mi, s.substr(pos));
}

std::optional<Days> ParseDayFirst(std::string_view s) {
  const int d = Digits(s, 0, 2), m = Digits(s, 3, 2), y = Digits(s, 6, 4);
  if (d < 0 || m < 0 || y < 0 || s[2] != s[5]) return std::nullopt;
  if (s[2] != '.' && s[2] != '-' && s[2] != '/') return std::nullopt;
  return MakeDate(y, m, d);
}

std::optional<Days> ParseRfc822(std::string_view s) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  const size_t comma = s.find(',');
  if (comma != std::string_view::npos) s = Trim(s.substr(comma + 1));
  const auto parts = Split(CollapseWhitespace(s), ' ');
  if (parts.size() < 3) return std::nullopt;
  const auto d = ParseInt(parts[0]);
  const auto y = ParseInt(parts[2]);
  const std::string mon = ToLowerAscii(parts[1].substr(0, 3));
  for (int m = 0; m < 12; ++m) {
    if (mon == kMonths[m] && d && y) {
      auto day = MakeDate(static_cast<int>(*y), m + 1, static_cast<int>(*d));
      if (day && parts.size() >= 5) {
        const int hh = Digits(parts[3], 0, 2), mi = Digits(parts[3], 3, 2);
        if (hh >= 0 && mi >= 0) return ApplyOffset(*day, hh, mi, parts[4]);
      }
      return day;
    }
  }
  return std::nullopt;
}

}  // namespace

Days DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(Days z, int* year, int* month, int* day) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

std::string FormatDate(Days d) {
  int y, m, dd;
  CivilFromDays(d, &y, &m, &dd);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
  return buf;
}

std::optional<Days> ParseIsoDate(std::string_view s) {
  s = Trim(s);
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  return ParseIsoLike(s);
}

std::optional<Days> ParseFeedDate(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return std::nullopt;
  if (auto epoch = ParseInt(s)) {
    long v = *epoch;
    if (v > 100000000000L) v /= 1000;  // milliseconds
    if (v < 0) return std::nullopt;
    return static_cast<Days>(v / 86400);
  }
  if (s.size() >= 10) {
    if (auto d = ParseIsoLike(s)) return d;
    if (auto d = ParseDayFirst(s); d && s.size() == 10) return d;
  }
  return ParseRfc822(s);
}

std::optional<Days> ParseIsoWeek(std::string_view s) {
  s = Trim(s);
  const int y = Digits(s, 0, 4), w = Digits(s, 6, 2);
  if (s.size() != 8 || s[4] != '-' || (s[5] != 'W' && s[5] != 'w') || y < 1900 || w < 1) {
    return std::nullopt;
  }
  // The Monday of week 1 is the Monday on or before 4 January.
  const Days jan4 = DaysFromCivil(y, 1, 4);
  const int weekday = ((jan4 + 3) % 7 + 7) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
  const Days week1 = jan4 - weekday;
  const Days monday = week1 + (w - 1) * 7;
  if (FormatIsoWeek(monday) != std::string(s.substr(0, 5)) + "W" + std::string(s.substr(6, 2))) {
    return std::nullopt;  // week 53 in a year that has only 52
  }
  return monday;
}

std::string FormatIsoWeek(Days d) {
  const int weekday = ((d + 3) % 7 + 7) % 7;
  const Days thursday = d - weekday + 3;
  int y, m, dd;
  CivilFromDays(thursday, &y, &m, &dd);
  const int week = (thursday - DaysFromCivil(y, 1, 1)) / 7 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", y, week);
  return buf;
}

Days TodayUtc() { return static_cast<Days>(std::time(nullptr) / 86400); }

}  // namespace passend
