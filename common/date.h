// Calendar dates as days since 1970-01-01 (UTC), parsed from the many formats feeds use.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace passend {

using Days = int;  // days since 1970-01-01

Days DaysFromCivil(int year, int month, int day);
void CivilFromDays(Days d, int* year, int* month, int* day);
// "YYYY-MM-DD".
std::string FormatDate(Days d);
// Strict "YYYY-MM-DD" (what our own files and flags use).
std::optional<Days> ParseIsoDate(std::string_view s);
// Lenient: ISO date or date-time with any offset, "YYYY-MM-DD HH:MM:SS UTC",
// RFC 822 ("Tue, 03 Jun 2025 09:00:00 GMT"), "DD.MM.YYYY", "DD-MM-YYYY", "DD/MM/YYYY",
// epoch seconds or milliseconds. Returns the UTC calendar date.
std::optional<Days> ParseFeedDate(std::string_view s);

// ISO 8601 week "YYYY-Www" → the Monday that starts it.
std::optional<Days> ParseIsoWeek(std::string_view s);
std::string FormatIsoWeek(Days d);

// Today's date in UTC from the system clock.
Days TodayUtc();

}  // namespace passend
