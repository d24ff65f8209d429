// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/polygon.hpp"

#include <algorithm>
#include <limits>

namespace pocsim::world {

std::optional<double> edge_crossing(geo::LonLat a, geo::LonLat b, double lat) {
  if ((a.lat > lat) == (b.lat > lat)) return std::nullopt;
  return (b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat) + a.lon;
}

bool Polygon::contains(geo::LonLat p) const {
  bool inside = false;
  for (const auto& ring : rings)
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
      if (const auto lon = edge_crossing(ring[i], ring[j], p.lat); lon && p.lon < *lon)
        inside = !inside;
  return inside;
}

std::vector<double> Polygon::crossings(double lat) const {
  std::vector<double> out;
  for (const auto& ring : rings)
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
      if (const auto lon = edge_crossing(ring[i], ring[j], lat)) out.push_back(*lon);
  std::sort(out.begin(), out.end());
  return out;
}

bool inside_at(const std::vector<double>& crossings, double lon) {
  const auto east = crossings.end() - std::upper_bound(crossings.begin(), crossings.end(), lon);
  return east % 2 == 1;
}

geo::LonLat Polygon::min_corner() const {
  geo::LonLat m{std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
  for (const auto& ring : rings)
    for (const auto& p : ring) m = {std::min(m.lon, p.lon), std::min(m.lat, p.lat)};
  return m;
}

geo::LonLat Polygon::max_corner() const {
  geo::LonLat m{std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  for (const auto& ring : rings)
    for (const auto& p : ring) m = {std::max(m.lon, p.lon), std::max(m.lat, p.lat)};
  return m;
}

}  // namespace pocsim::world
