// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/grid.hpp"

#include <cmath>

namespace pocsim::world {

CellId Grid::cell_at(geo::PointKm p) const {
  // In the box the quotients are at least 0, where truncation is the floor;
  // and against a whole number of cells a quotient and its floor compare
  // alike. (NaN, on no side of the box, is outside it.)
  const double c = p.x / cell_km_, r = p.y / cell_km_;
  if (!(c >= 0 && r >= 0 && c < width_ && r < height_)) return no_cell;
  return cell(static_cast<int>(c), static_cast<int>(r));
}

}  // namespace pocsim::world
