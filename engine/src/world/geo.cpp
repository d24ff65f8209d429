// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace pocsim::geo {

Projection::Projection(LonLat origin, double reference_lat)
    : origin_(origin),
      km_per_deg_lon_(111.32 * std::cos(reference_lat * std::numbers::pi / 180.0)) {}

PointKm Projection::to_km(LonLat p) const {
  return {(p.lon - origin_.lon) * km_per_deg_lon_, (p.lat - origin_.lat) * km_per_deg_lat_};
}

LonLat Projection::to_lonlat(PointKm p) const {
  return {origin_.lon + p.x / km_per_deg_lon_, origin_.lat + p.y / km_per_deg_lat_};
}

double distance_km(PointKm a, PointKm b) { return std::hypot(a.x - b.x, a.y - b.y); }

double distance_to_segment_km(PointKm p, PointKm a, PointKm b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  const double t =
      len2 > 0.0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
  return distance_km(p, {a.x + t * dx, a.y + t * dy});
}

}  // namespace pocsim::geo
