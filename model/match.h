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

// One reason behind a verdict, in Dutch. `health` marks text that reveals FML data
// (health data): it may be shown to the coach, never put in a mail to the candidate.
struct Reason {
  std::string text;
  bool health = false;
};

struct Match {
  Vacancy vacancy;
  Verdict verdict = Verdict::kSuitable;
  double score = 0;  // weighted sum of factors, 0..1
  std::vector<FactorScore> factors;
  std::vector<Reason> conflicts;  // why excluded, each names the item or factor
  std::vector<Reason> checks;     // points to check
  std::vector<Reason> passed;     // checks passed
  std::optional<double> distance_km;
  std::optional<double> travel_minutes;
  std::string travel_mode;             // the mode travel_minutes is for: "auto", "ov", "fiets"
  std::optional<double> wage_ratio;    // vacancy hourly / maatman hourly
  int duplicates = 0;                  // other postings of the same job shown as this one
};

}  // namespace passend
