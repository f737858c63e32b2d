// The exact checks behind a verdict (internal to the matcher). Each adds conflicts,
// points to check and passed checks to the Match, and returns its factor score.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "matcher/matcher.h"
#include "matcher/travel.h"

namespace passend {

// What the matcher derives from a candidate once per run rather than once per vacancy.
struct CandidateKeys {
  std::vector<std::string> targets_folded;      // target occupations, folded
  std::vector<std::string> competences_folded;  // competences, folded
  // Occupation-table keys of the target occupations, with the target as the candidate wrote
  // it: "Magazijnmedewerker" also finds vacancies titled "Orderpicker" or "Logistiek medewerker".
  std::vector<std::pair<std::string, std::string>> occupations;
  TravelPlan travel;  // the mode FML II.vervoer leaves
};
CandidateKeys DeriveKeys(const CandidateProfile& c, const OccupationTable* occupations);

void CheckFml(const CandidateProfile& c, const Vacancy& v, const FmlSchema& schema,
              const MatchOptions& o, Match* m);
FactorScore CheckTravel(const CandidateProfile& c, const TravelPlan& plan, const Vacancy& v, const MatchOptions& o,
                        Match* m);
FactorScore CheckWage(const CandidateProfile& c, const Vacancy& v, Match* m);
FactorScore CheckHours(const CandidateProfile& c, const Vacancy& v, const FmlSchema& schema, Match* m);
FactorScore CheckContract(const CandidateProfile& c, const Vacancy& v, Match* m);
FactorScore CheckEducation(const CandidateProfile& c, const Vacancy& v, Match* m);
FactorScore ScoreRecency(const Vacancy& v, Days today);
FactorScore ScoreCompetences(const CandidateProfile& c, const CandidateKeys& keys, const Vacancy& v);
// Whether ScoreCompetences reads the description (no target in the title, and competences
// to look for): the matcher loads descriptions only then.
bool CompetencesNeedDescription(const CandidateProfile& c, const CandidateKeys& keys, const Vacancy& v);

// The hours-per-week cap from FML VI.uren_week and hours_available (nullopt: no cap).
std::optional<double> WeeklyHoursCap(const CandidateProfile& c, const FmlSchema& schema);

// "€ 16,50"
std::string Euro(double amount);
// "12" or "12,5"
std::string Num(double v);

}  // namespace passend
