// SPDX-License-Identifier: Apache-2.0
#pragma once
// A polygon of longitude/latitude rings (outer rings and holes alike) read by
// the even-odd rule: a point is inside when an odd number of ring edges cross
// the parallel through it east of it. One rule for the point test and for the
// row scan that builds the grid, so that both always agree.
#include <optional>
#include <vector>

#include "pocsim/world/geo.hpp"

namespace pocsim::world {

struct Polygon {
  std::vector<std::vector<geo::LonLat>> rings;

  bool contains(geo::LonLat p) const;
  // The longitudes, ascending, where the rings cross the parallel `lat`: a
  // point of that parallel is inside when an odd number of them lie east of
  // it (inside_at). Computing them once a row tests a whole row of cells.
  std::vector<double> crossings(double lat) const;
  geo::LonLat min_corner() const;
  geo::LonLat max_corner() const;
};

// Whether the point at `lon` on the parallel of `crossings` is inside.
bool inside_at(const std::vector<double>& crossings, double lon);

// The longitude where edge a-b crosses the parallel `lat`, or nothing when
// it does not (a horizontal edge never does; an edge counts the end on its
// north side only, so a vertex on the parallel is counted once).
std::optional<double> edge_crossing(geo::LonLat a, geo::LonLat b, double lat);

}  // namespace pocsim::world
