// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/grid.hpp"

#include <cmath>

namespace pocsim::world {

CellId Grid::cell_at(geo::PointKm p) const {
  const double c = std::floor(p.x / cell_km_), r = std::floor(p.y / cell_km_);
  if (c < 0 || r < 0 || c >= width_ || r >= height_) return no_cell;
  return cell(static_cast<int>(c), static_cast<int>(r));
}

}  // namespace pocsim::world
