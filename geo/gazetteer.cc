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

namespace {

constexpr char kLevelTag[kCellLevels] = {'\0', 'b', 'c', 'd'};

// Height and width in degrees of the cells of a level.
double CellLatDeg(int level) { return kCellLatDeg * (1 << level); }
double CellLonDeg(int level) { return kCellLonDeg * (1 << level); }

struct Cell {
  int level, row, col;
  double lat0() const { return row * CellLatDeg(level); }
  double lon0() const { return col * CellLonDeg(level); }
  double lat1() const { return (row + 1) * CellLatDeg(level); }
  double lon1() const { return (col + 1) * CellLonDeg(level); }
  std::string Name() const {
    char buf[48];
    if (level == 0) {
      std::snprintf(buf, sizeof buf, "%d_%d", row, col);
    } else {
      std::snprintf(buf, sizeof buf, "%c%d_%d", kLevelTag[level], row, col);
    }
    return buf;
  }
};

Cell CellAt(int level, double lat, double lon) {
  return {level, static_cast<int>(std::floor(lat / CellLatDeg(level))),
          static_cast<int>(std::floor(lon / CellLonDeg(level)))};
}

struct Circle {
  double lat, lon, radius_km;
  bool Touches(const Cell& c) const {  // the cell's nearest point is inside
    return HaversineKm(lat, lon, std::clamp(lat, c.lat0(), c.lat1()), std::clamp(lon, c.lon0(), c.lon1())) <= radius_km;
  }
  bool Holds(const Cell& c) const {  // all four corners are inside
    for (double a : {c.lat0(), c.lat1()}) {
      for (double o : {c.lon0(), c.lon1()}) {
        if (HaversineKm(lat, lon, a, o) > radius_km) return false;
      }
    }
    return true;
  }
};

void Cover(const Circle& circle, const Cell& cell, std::vector<std::string>* out) {
  if (!circle.Touches(cell)) return;
  if (cell.level == 0 || circle.Holds(cell)) {
    out->push_back(cell.Name());
    return;
  }
  for (int dr = 0; dr < 2; ++dr) {
    for (int dc = 0; dc < 2; ++dc) Cover(circle, {cell.level - 1, 2 * cell.row + dr, 2 * cell.col + dc}, out);
  }
}

}  // namespace

std::vector<std::string> GeoCellsOf(double lat, double lon) {
  std::vector<std::string> cells;
  for (int level = 0; level < kCellLevels; ++level) cells.push_back(CellAt(level, lat, lon).Name());
  return cells;
}

std::vector<std::string> GeoCover(double lat, double lon, double radius_km) {
  const double dlat = radius_km / kKmPerDegLat;
  const double dlon = radius_km / (kKmPerDegLat * std::cos(lat * kPi / 180.0));
  const int top = kCellLevels - 1;
  const Cell low = CellAt(top, lat - dlat, lon - dlon), high = CellAt(top, lat + dlat, lon + dlon);
  std::vector<std::string> cells;
  for (int r = low.row; r <= high.row; ++r) {
    for (int c = low.col; c <= high.col; ++c) Cover({lat, lon, radius_km}, {top, r, c}, &cells);
  }
  return cells;
}

}  // namespace passend
