#include "geo/gazetteer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/file.h"
#include "common/text.h"

namespace passend {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthRadiusKm = 6371.0;
constexpr double kKmPerDegLat = 111.2;

std::string NameKey(std::string_view name) { return CollapseWhitespace(FoldForMatch(name)); }

}  // namespace

StatusOr<Gazetteer> Gazetteer::Load(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  Gazetteer g;
  const auto lines = Split(*text, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty() || line[0] == '#' || StartsWith(line, "name\t")) continue;
    const auto cols = Split(line, '\t');
    const auto lat = cols.size() >= 5 ? ParseDouble(cols[3]) : std::nullopt;
    const auto lon = cols.size() >= 5 ? ParseDouble(cols[4]) : std::nullopt;
    if (!lat || !lon) {
      return Status::InvalidArgument(path + ":" + std::to_string(i + 1) +
                                     ": expected name, municipality, province, lat, lon");
    }
    g.by_name_[NameKey(cols[0])].push_back(g.places_.size());
    g.places_.push_back({cols[0], cols[1], cols[2], *lat, *lon});
  }
  if (g.places_.empty()) return Status::InvalidArgument(path + ": no places");
  return g;
}

const Place* Gazetteer::Find(std::string_view name, std::string_view province_hint) const {
  auto it = by_name_.find(NameKey(name));
  if (it == by_name_.end()) return nullptr;
  if (!province_hint.empty()) {
    const std::string hint = NameKey(province_hint);
    for (size_t idx : it->second) {
      if (NameKey(places_[idx].province) == hint) return &places_[idx];
    }
  }
  return &places_[it->second.front()];
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  const double to_rad = kPi / 180.0;
  const double dlat = (lat2 - lat1) * to_rad, dlon = (lon2 - lon1) * to_rad;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * to_rad) * std::cos(lat2 * to_rad) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

std::string GeoCell(double lat, double lon) {
  const int row = static_cast<int>(std::floor(lat / kCellLatDeg));
  const int col = static_cast<int>(std::floor(lon / kCellLonDeg));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%d_%d", row, col);
  return buf;
}

std::vector<std::string> GeoCellsWithin(double lat, double lon, double radius_km) {
  const double dlat = radius_km / kKmPerDegLat;
  const double dlon = radius_km / (kKmPerDegLat * std::cos(lat * kPi / 180.0));
  const int row0 = static_cast<int>(std::floor((lat - dlat) / kCellLatDeg));
  const int row1 = static_cast<int>(std::floor((lat + dlat) / kCellLatDeg));
  const int col0 = static_cast<int>(std::floor((lon - dlon) / kCellLonDeg));
  const int col1 = static_cast<int>(std::floor((lon + dlon) / kCellLonDeg));
  std::vector<std::string> cells;
  for (int r = row0; r <= row1; ++r) {
    for (int c = col0; c <= col1; ++c) {
      // Skip cells whose nearest point is outside the circle.
      const double clat = std::clamp(lat, r * kCellLatDeg, (r + 1) * kCellLatDeg);
      const double clon = std::clamp(lon, c * kCellLonDeg, (c + 1) * kCellLonDeg);
      if (HaversineKm(lat, lon, clat, clon) > radius_km) continue;
      char buf[48];
      std::snprintf(buf, sizeof buf, "%d_%d", r, c);
      cells.emplace_back(buf);
    }
  }
  return cells;
}

}  // namespace passend
