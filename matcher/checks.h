// The exact checks behind a verdict (internal to the matcher). Each adds conflicts,
// points to check and passed checks to a Judgement, and returns its factor score.
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
  // Per target occupation, then per competence, its terms as title terms (TextTerms with
  // schema::kTitlePrefix): the first query takes a vacancy with all of one of them in the title.
  std::vector<std::vector<std::string>> title_terms;
  // Occupation-table keys of the target occupations, with the target as the candidate wrote
  // it: "Magazijnmedewerker" also finds vacancies titled "Orderpicker" or "Logistiek medewerker".
  std::vector<std::pair<std::string, std::string>> occupations;
  TravelPlan travel;  // the mode FML II.vervoer leaves
};
CandidateKeys DeriveKeys(const CandidateProfile& c, const OccupationTable* occupations);

// What the checks find on one vacancy. Ranking needs only the verdict and the score, so
// without `explain` the conflicts and points to check are counted and no Dutch text is
// written: the matcher judges a few hundred vacancies per candidate, shows twenty and
// judges those again with their text. The numbers (distance, wage ratio) go into the
// Match either way.
class Judgement {
 public:
  Judgement(Match* m, bool explain) : m_(m), explain_(explain) {}

  Match& match() { return *m_; }
  int conflicts() const { return conflicts_; }
  int checks() const { return checks_; }

  // `text` returns the Dutch text; it is called only when explaining.
  template <class Text>
  void Conflict(bool health, Text&& text) {
    ++conflicts_;
    if (explain_) m_->conflicts.push_back({text(), health});
  }
  template <class Text>
  void Check(bool health, Text&& text) {
    ++checks_;
    if (explain_) m_->checks.push_back({text(), health});
  }
  template <class Text>
  void Passed(bool health, Text&& text) {
    if (explain_) m_->passed.push_back({text(), health});
  }
  template <class Text>
  void Reason(FactorScore* f, Text&& text) {
    if (explain_) f->reason = text();
  }

 private:
  Match* m_;
  bool explain_;
  int conflicts_ = 0, checks_ = 0;
};

void CheckFml(const CandidateProfile& c, const Vacancy& v, const FmlSchema& schema,
              const MatchOptions& o, Judgement& j);
FactorScore CheckTravel(const CandidateProfile& c, const TravelPlan& plan, const Vacancy& v, const MatchOptions& o,
                        Judgement& j);
FactorScore CheckWage(const CandidateProfile& c, const Vacancy& v, Judgement& j);
FactorScore CheckHours(const CandidateProfile& c, const Vacancy& v, const FmlSchema& schema, Judgement& j);
FactorScore CheckContract(const CandidateProfile& c, const Vacancy& v, Judgement& j);
FactorScore CheckEducation(const CandidateProfile& c, const Vacancy& v, Judgement& j);
FactorScore ScoreRecency(const Vacancy& v, Days today, Judgement& j);

// Which of the candidate's competences a vacancy names (CompetencesNamed, one flag per
// competence), from the vacancy's own title and description (one vacancy; the matcher takes the same
// from the index's posting lists instead of reading each description).
CompetencesNamed CompetencesInText(const CandidateKeys& keys, const Vacancy& v);
FactorScore ScoreCompetences(const CandidateProfile& c, const CandidateKeys& keys, const Vacancy& v,
                             const CompetencesNamed& named, Judgement& j);

// The hours-per-week cap from FML VI.uren_week and hours_available (nullopt: no cap).
std::optional<double> WeeklyHoursCap(const CandidateProfile& c, const FmlSchema& schema);

// "€ 16,50"
std::string Euro(double amount);
// "12" or "12,5"
std::string Num(double v);

}  // namespace passend
