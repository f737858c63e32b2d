// The pruning Xapian query for a candidate (internal to the matcher).
#pragma once

#include <xapian.h>

#include "matcher/matcher.h"

namespace passend {

// Straight-line radius (km) that the candidate's travel limit can reach.
double TravelRadiusKm(const CandidateProfile& c);

Xapian::Query BuildCandidateQuery(const CandidateProfile& c, const CandidateKeys& keys, const FmlSchema& schema,
                                  const MatchOptions& o);

}  // namespace passend
