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
  // Per competence, its text terms (TextTerms in indexer/index.h): it is named in a vacancy
  // when all of them are among the vacancy's terms, in any form the stemmer joins
  // ("heftrucks" names "Heftruck").
  std::vector<std::vector<std::string>> competence_terms;
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

// Which of the candidate's competences a vacancy names (CompetencesNamed, one flag per
// competence), from the vacancy's own title and description (one vacancy; the matcher takes the same
// from the index's posting lists instead of reading each description).
CompetencesNamed CompetencesInText(const CandidateKeys& keys, const Vacancy& v);
FactorScore ScoreCompetences(const CandidateProfile& c, const CandidateKeys& keys, const Vacancy& v,
                             const CompetencesNamed& named);

// The hours-per-week cap from FML VI.uren_week and hours_available (nullopt: no cap).
std::optional<double> WeeklyHoursCap(const CandidateProfile& c, const FmlSchema& schema);

// "€ 16,50"
std::string Euro(double amount);
// "12" or "12,5"
std::string Num(double v);

}  // namespace passend
