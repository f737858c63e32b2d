// Matcher: for a candidate, ranked vacancies with a verdict (passend / passend met
// aandachtspunten / uitgesloten), per-factor scores and reasons in Dutch.
//
// Two stages: Xapian queries prune (geo cells around home, wage floor, validity,
// hours, AND_NOT conflicting demand flags and contracts) and rank by competences;
// then the exact checks and the score run on the top `max_candidates` only.
// Thread-safety: one Matcher per thread. It keeps the postings of the filter terms it has
// read (matcher/filter_postings.h) for the next candidates, so the index must stay at the
// revision the VacancyReader opened while the Matcher is used.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "geo/gazetteer.h"
#include "indexer/index.h"
#include "model/candidate.h"
#include "model/fml.h"
#include "model/match.h"
#include "normalizer/occupations.h"

namespace passend {

struct CandidateKeys;
class FilterPostings;
using CompetencesNamed = std::vector<bool>;  // per competence: named in the vacancy (matcher/checks.h)

// Weights of the score factors (docs/matching.md). They are normalised by their sum.
struct ScoreWeights {
  double competences = 0.30;
  double wage = 0.20;
  double travel = 0.20;
  double hours = 0.10;
  double contract = 0.10;
  double education = 0.05;
  double recency = 0.05;
};

// Overrides weights from "competenties=0.4,loon=0.3" (factor names as in the results:
// competenties, loon, reistijd, uren, contract, opleiding, recentheid). Unnamed factors keep
// their weight. The error names the factor or value; the sum must stay above zero.
StatusOr<ScoreWeights> ParseWeights(std::string_view spec, ScoreWeights base = {});

struct MatchOptions {
  Days today = 0;
  ScoreWeights weights;
  int max_candidates = 300;       // documents taken from the index for exact checks
  int limit = 20;                 // results returned
  bool include_excluded = false;  // also return excluded vacancies, with reasons
  double firm_confidence = 0.7;   // text demands at or above this exclude; below: a check
  double near_limit_ratio = 0.85; // travel above this share of the maximum is a check
  // Optional: ranks and scores vacancies of the target occupations under any of their
  // synonyms. Without it, only the target occupations' own words count.
  const OccupationTable* occupations = nullptr;
};

// Resolves home.lat/lon from the gazetteer when not given. The error names the field.
Status ResolveHome(CandidateProfile* c, const Gazetteer& gazetteer, const std::string& where);

class Matcher {
 public:
  Matcher(const VacancyReader& reader, const FmlSchema& schema, MatchOptions options);
  ~Matcher();
  Matcher(Matcher&&) noexcept;

  // The candidate's home must be resolved (ResolveHome). Sorted: passend first, then
  // passend met aandachtspunten, then (if asked) uitgesloten; by score within each.
  // With `first_seen_since`, only vacancies first seen on or after that day (the alerts).
  StatusOr<std::vector<Match>> MatchCandidate(const CandidateProfile& c,
                                              std::optional<Days> first_seen_since = std::nullopt) const;

  // The exact checks and the score for one vacancy (--explain; an alert's recorded vacancies).
  Match Evaluate(const CandidateProfile& c, const Vacancy& v) const;

 private:
  // The checks and the score; with `explain`, every reason in Dutch. The vacancy is left out.
  Match Judge(const CandidateProfile& c, const CandidateKeys& keys, const CompetencesNamed& named, const Vacancy& v,
              bool explain) const;

  FilterPostings& FilterPostingsOf(const Xapian::Database& db) const;

  const VacancyReader& reader_;
  const FmlSchema& schema_;
  MatchOptions options_;
  mutable std::unique_ptr<FilterPostings> filter_postings_;  // read as candidates need them
};

}  // namespace passend
