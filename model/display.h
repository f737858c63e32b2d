// Dutch display text for model values, shared by the match table and the alert mails.
#pragma once

#include <string>

#include "model/vacancy.h"

namespace passend {

// "2650" → "2.650" (Dutch thousands separator, rounded to whole units).
std::string GroupThousands(double v);
// 16.5 → "16,50".
std::string DecimalComma(double v);

// "€ 2.650 - € 3.150 bruto per maand", "vanaf € 14,71 bruto per uur"; "" when unknown.
std::string FormatSalary(const Salary& s);
// "24-32 uur per week", "tot 36 uur per week"; "" when unknown.
std::string FormatHours(const Hours& h);

}  // namespace passend
