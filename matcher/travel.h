// Travel time estimate from straight-line distance (internal to the matcher).
#pragma once

#include <string>

namespace passend {

struct TravelMode {
  const char* name;        // "auto", "ov", "fiets"
  const char* label;       // Dutch, for reasons
  double detour;           // road distance / straight-line distance
  double speed_kmh;        // average door-to-door speed over the road distance
  double overhead_min;     // parking, walking to the stop, waiting
};

const TravelMode& TravelModeFor(const std::string& name);
// One-way minutes for a straight-line distance.
double TravelMinutes(const TravelMode& mode, double km);
// The straight-line radius reachable within `minutes`.
double ReachKm(const TravelMode& mode, double minutes);

}  // namespace passend
