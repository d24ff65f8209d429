// SPDX-License-Identifier: Apache-2.0
#pragma once
// Each faction's recent presence per cell, in unit-days with exponential
// memory: what civilians and other factions know of who is around. A unit
// marks every cell whose centre lies within control.presence_km of it: a disc
// in km, whatever the grid's cell size.
#include <algorithm>
#include <cmath>

#include "pocsim/systems/context.hpp"

namespace pocsim {

// Calls `visit(cell)` for each cell of the grid whose centre lies within
// `reach_km` (inclusive) of the point (x, y) in projected km.
//
// Sampling centres from the point itself, not from the centre of its cell,
// marks a cell with probability (disc area) / (cell area) on average, so the
// footprint's expected area is pi * reach_km^2 at any cell size.
template <class Visit>
void for_each_cell_within_km(const world::Grid& grid, double x, double y, double reach_km,
                             Visit&& visit) {
  const double size = grid.cell_km();
  // Column c's centre is at (c + 0.5) * size: the columns (rows) whose
  // centres can lie within reach, clamped to the grid.
  const auto first = [size](double from) {
    return std::max(0, static_cast<int>(std::ceil(from / size - 0.5)));
  };
  const auto last = [size](double to, int count) {
    return std::min(count - 1, static_cast<int>(std::floor(to / size - 0.5)));
  };
  const int c_hi = last(x + reach_km, grid.width()), r_hi = last(y + reach_km, grid.height());
  for (int r = first(y - reach_km); r <= r_hi; ++r) {
    const double dy = (r + 0.5) * size - y;
    for (int c = first(x - reach_km); c <= c_hi; ++c) {
      const double dx = (c + 0.5) * size - x;
      if (dx * dx + dy * dy <= reach_km * reach_km) visit(grid.cell(c, r));
    }
  }
}

void mark_presence(SimulationContext& ctx);
void fade_presence(SimulationContext& ctx);

}  // namespace pocsim
