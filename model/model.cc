#include <algorithm>

#include "model/candidate.h"
#include "model/match.h"

namespace passend {

int FmlLimit::MaxLevel() const {
  return levels.empty() ? 0 : *std::max_element(levels.begin(), levels.end());
}

bool FmlLimit::HasCode(int code) const {
  return std::find(levels.begin(), levels.end(), code) != levels.end();
}

double Maatmanloon::Hourly() const {
  if (period == "uur") return amount;
  if (hours_per_week <= 0) return 0;
  if (period == "week") return amount / hours_per_week;
  if (period == "maand") return amount * 12.0 / 52.0 / hours_per_week;
  if (period == "jaar") return amount / 52.0 / hours_per_week;
  return 0;
}

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kSuitable: return "passend";
    case Verdict::kSuitableWithChecks: return "passend_met_aandachtspunten";
    case Verdict::kExcluded: return "uitgesloten";
  }
  return "?";
}

const char* VerdictLabel(Verdict v) {
  switch (v) {
    case Verdict::kSuitable: return "Passend";
    case Verdict::kSuitableWithChecks: return "Passend, met aandachtspunten";
    case Verdict::kExcluded: return "Niet passend";
  }
  return "?";
}

}  // namespace passend
