// Field extractors over Dutch vacancy text. Each is pure; each returns "unknown"
// (empty/nullopt) rather than a confident wrong value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/vacancy.h"
#include "normalizer/folded_text.h"

namespace passend {

// Salary as the feed stated it in fields (amounts as numbers or strings).
struct SalaryFields {
  std::string min, max;  // "2500", "2.500,00", "16.50"
  std::string period;    // "month", "MONTH", "per maand", "hour", "YEAR", …
  std::string currency;  // empty means EUR
  std::string text;      // a free-text salary field
};

// Reads a salary from structured fields (preferred) or from the text.
Salary ExtractSalary(const SalaryFields& fields, const FoldedText& text);
// Fills hourly/monthly min/max from min/max/period and the hours basis: the vacancy's
// hours per week when known, else `norm_hours` (the sector's norm), flagged as assumed.
void ConvertSalary(Salary* s, std::optional<double> hours_per_week, double norm_hours = 38);

// The pay scale a vacancy names ("schaal 8 (cao Gemeenten)", "FWG 45", "schaal LB"), as
// text; `original` is the text `text` was folded from. Empty when none is named.
std::string ExtractPayScale(const FoldedText& text, std::string_view original);

Hours ExtractHours(const FoldedText& text);
// Hours from a structured field such as "32-40" or "24".
Hours ParseHoursField(std::string_view field);

// Contract kind from an employment-type field and the text; sets structural.
void ExtractContract(std::string_view employment_type, const FoldedText& text, Vacancy* v);
// Lowest required education level found ("" when none is named).
std::string ExtractEducation(std::string_view field, const FoldedText& text);

// Parses a Dutch or English formatted amount: "2.500", "4.238,-", "16,50", "3k", "3,150".
std::optional<double> ParseAmount(std::string_view s);

}  // namespace passend
