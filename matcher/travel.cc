#include "matcher/travel.h"

#include <algorithm>

#include "common/text.h"

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

namespace {

// Phrases in the II.vervoer note that rule a mode out, per mode in kModes order.
constexpr std::string_view kRuledOut[][6] = {
    {"geen auto", "niet autorijden", "niet auto rijden", "mag niet rijden", "geen rijbewijs", "niet zelf rijden"},
    {"geen openbaar vervoer", "geen ov", "niet met het ov", "niet met het openbaar vervoer", "niet reizen met ov",
     "geen trein"},
    {"niet fietsen", "geen fiets", "kan niet fietsen", "", "", ""},
};

bool RulesOut(const std::string& note, size_t mode) {
  for (std::string_view phrase : kRuledOut[mode]) {
    if (!phrase.empty() && note.find(phrase) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TravelPlan PlanTravel(const CandidateProfile& c) {
  TravelPlan plan;
  plan.mode = &TravelModeFor(c.travel.mode);
  const auto it = c.fml.find("II.vervoer");
  if (it == c.fml.end() || it->second.MaxLevel() == 0) return plan;
  const std::string note = FoldForMatch(it->second.note);
  bool preferred_out = false, any_out = false;
  const TravelMode* best = nullptr;  // kModes is ordered by reach: auto, ov, fiets
  for (size_t i = 0; i < std::size(kModes); ++i) {
    const bool out = RulesOut(note, i);
    any_out = any_out || out;
    if (out && &kModes[i] == plan.mode) preferred_out = true;
    if (!out && !best) best = &kModes[i];
  }
  if (!any_out || !best) {
    plan.unclear = true;
    return plan;
  }
  if (preferred_out) {
    plan.restriction = std::string("niet ") + plan.mode->label + " (FML II.vervoer); gerekend " + best->label;
    plan.mode = best;
  }
  return plan;
}

double TravelMinutes(const TravelMode& mode, double km) {
  return mode.overhead_min + km * mode.detour / mode.speed_kmh * 60.0;
}

double ReachKm(const TravelMode& mode, double minutes) {
  return std::max(0.0, (minutes - mode.overhead_min) / 60.0 * mode.speed_kmh / mode.detour);
}

}  // namespace passend
