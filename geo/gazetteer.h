// Gazetteer of Dutch places (data/gazetteer/nl_places.tsv) and geographic helpers.
// Immutable after Load(): safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace passend {

struct Place {
  std::string name;
  std::string municipality;
  std::string province;
  double lat = 0, lon = 0;
};

class Gazetteer {
 public:
  static StatusOr<Gazetteer> Load(const std::string& path);

  // Finds a place by name (case and accents ignored). When several places share the
  // name, `province_hint` picks one; otherwise the first listed. nullptr when unknown.
  const Place* Find(std::string_view name, std::string_view province_hint = {}) const;
  size_t size() const { return places_.size(); }

 private:
  std::vector<Place> places_;
  std::unordered_map<std::string, std::vector<size_t>> by_name_;
};

// Great-circle distance in km.
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// Geo cells for pruning in the index: a grid of kCellLatDeg x kCellLonDeg degrees (about
// 11 x 10 km in the Netherlands), and coarser grids of 2 x 2, 4 x 4 and 8 x 8 of those
// cells. A place lies in one cell of each level.
inline constexpr double kCellLatDeg = 0.1;
inline constexpr double kCellLonDeg = 0.15;
inline constexpr int kCellLevels = 4;
// The cells of a place, one per level, finest first: "522_34", "b261_17", "c130_8", "d65_4".
std::vector<std::string> GeoCellsOf(double lat, double lon);
// Cells that together cover a circle of radius_km around (lat, lon): the coarsest that lie
// wholly inside it, and at the border the finest that touch it. A query needs far fewer
// of these than of the finest cells alone, and each one more makes it slower.
std::vector<std::string> GeoCover(double lat, double lon, double radius_km);

}  // namespace passend
