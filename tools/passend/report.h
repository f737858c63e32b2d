// Text and JSON output of match results for `passend match` and `passend demo`.
#pragma once

#include <string>
#include <vector>

#include "model/candidate.h"
#include "model/match.h"

namespace passend::cli {

// A readable list for a coach: one block per vacancy with verdict, score and reasons.
std::string FormatMatchTable(const CandidateProfile& c, const std::vector<Match>& matches);
// Every check of one vacancy, item by item.
std::string FormatExplain(const CandidateProfile& c, const Match& m);
// {"matches": [...]} with one object per match.
std::string MatchesToJson(const std::vector<Match>& matches);

}  // namespace passend::cli
