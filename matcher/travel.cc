#include "matcher/travel.h"

#include <algorithm>

namespace passend {
namespace {

// Defaults documented in docs/matching.md.
constexpr TravelMode kModes[] = {
    {"auto", "met de auto", 1.3, 60.0, 5.0},
    {"ov", "met het openbaar vervoer", 1.4, 35.0, 15.0},
    {"fiets", "met de fiets", 1.25, 15.0, 2.0},
};

}  // namespace

const TravelMode& TravelModeFor(const std::string& name) {
  for (const auto& m : kModes) {
    if (name == m.name) return m;
  }
  return kModes[0];
}

double TravelMinutes(const TravelMode& mode, double km) {
  return mode.overhead_min + km * mode.detour / mode.speed_kmh * 60.0;
}

double ReachKm(const TravelMode& mode, double minutes) {
  return std::max(0.0, (minutes - mode.overhead_min) / 60.0 * mode.speed_kmh / mode.detour);
}

}  // namespace passend
