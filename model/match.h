// Match: the verdict on one vacancy for one candidate, with its explanation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/vacancy.h"

namespace passend {

enum class Verdict { kSuitable, kSuitableWithChecks, kExcluded };

// "passend", "passend_met_aandachtspunten", "uitgesloten".
const char* VerdictName(Verdict v);
// Dutch text for people.
const char* VerdictLabel(Verdict v);

struct FactorScore {
  std::string factor;  // "competenties", "loon", "reistijd", "uren", "contract", "opleiding"
  double score = 0;    // 0..1
  double weight = 0;
  std::string reason;  // Dutch, one sentence
};

struct Match {
  Vacancy vacancy;
  Verdict verdict = Verdict::kSuitable;
  double score = 0;  // weighted sum of factors, 0..1
  std::vector<FactorScore> factors;
  std::vector<std::string> conflicts;  // why excluded (Dutch), each names the item
  std::vector<std::string> checks;     // points to check (Dutch)
  std::vector<std::string> passed;     // FML checks passed (Dutch)
  std::optional<double> distance_km;
  std::optional<double> travel_minutes;
  std::optional<double> wage_ratio;    // vacancy hourly / maatman hourly
};

}  // namespace passend
