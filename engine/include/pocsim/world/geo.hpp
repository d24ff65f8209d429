// SPDX-License-Identifier: Apache-2.0
#pragma once
// A local equirectangular projection: accurate to about 1% over a country the
// size of Mali, which is far below the schematic precision of the places.
#include <array>

namespace pocsim::geo {

struct LonLat {
  double lon = 0.0;
  double lat = 0.0;
};

struct PointKm {
  double x = 0.0;
  double y = 0.0;
};

class Projection {
 public:
  Projection() = default;
  // origin is the south-west corner; reference_lat fixes the east-west scale.
  Projection(LonLat origin, double reference_lat);

  PointKm to_km(LonLat p) const;
  LonLat to_lonlat(PointKm p) const;

 private:
  LonLat origin_{};
  double km_per_deg_lon_ = 111.32;
  static constexpr double km_per_deg_lat_ = 110.57;
};

double distance_km(PointKm a, PointKm b);
// Distance from p to the segment a-b.
double distance_to_segment_km(PointKm p, PointKm a, PointKm b);

}  // namespace pocsim::geo
