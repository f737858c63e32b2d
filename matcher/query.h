// The pruning Xapian query for a candidate (internal to the matcher).
#pragma once

#include <xapian.h>

#include "matcher/filter_postings.h"
#include "matcher/matcher.h"
#include "matcher/travel.h"

namespace passend {

// Straight-line radius (km) that the candidate's travel limit can reach.
double TravelRadiusKm(const CandidateProfile& c, const TravelPlan& travel);

// A candidate's search as three boolean queries, each taken newest first so that Xapian
// stops as soon as it has enough (no weight is computed for every vacancy in range):
// the vacancies the candidate looks for, then those naming a competence, then the others
// that pass the same filters.
struct CandidateQueries {
  Xapian::Query relevant;  // target occupation (XO), or all words of it or of a competence in the title
  Xapian::Query related;   // all words of a competence anywhere in the text
  Xapian::Query others;
};
// Throws Xapian::Error (it looks up which expired months the index holds, and `filters`
// reads postings).
CandidateQueries BuildCandidateQueries(const Xapian::Database& db, const CandidateProfile& c,
                                       const CandidateKeys& keys, const FmlSchema& schema, const MatchOptions& o,
                                       std::optional<Days> first_seen_since, FilterPostings& filters);

}  // namespace passend
