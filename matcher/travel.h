// Travel time estimate from straight-line distance (internal to the matcher).
#pragma once

#include <string>

#include "model/candidate.h"

namespace passend {

struct TravelMode {
  const char* name;        // "auto", "ov", "fiets"
  const char* label;       // Dutch, for reasons
  double detour;           // road distance / straight-line distance
  double speed_kmh;        // average door-to-door speed over the road distance
  double overhead_min;     // parking, walking to the stop, waiting
};

const TravelMode& TravelModeFor(const std::string& name);

// How the candidate gets to work: the preferred mode unless FML II.vervoer rules it out.
struct TravelPlan {
  const TravelMode* mode = nullptr;
  std::string restriction;  // Dutch, e.g. "geen auto (FML II.vervoer)"; empty when none
  bool unclear = false;     // II.vervoer limited without a mode named, or every mode ruled out
};
// Reads the doctor's II.vervoer note ("geen auto", "geen openbaar vervoer", "kan niet
// fietsen"); when the preferred mode is ruled out, the allowed mode that reaches furthest.
TravelPlan PlanTravel(const CandidateProfile& c);
// One-way minutes for a straight-line distance.
double TravelMinutes(const TravelMode& mode, double km);
// The straight-line radius reachable within `minutes`.
double ReachKm(const TravelMode& mode, double minutes);

}  // namespace passend
