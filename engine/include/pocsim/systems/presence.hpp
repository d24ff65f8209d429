// SPDX-License-Identifier: Apache-2.0
#pragma once
// Each faction's recent presence per cell, in unit-days with exponential
// memory: what civilians and other factions know of who is around. A unit
// marks every cell whose centre lies within control.presence_km of it: a disc
// in km, whatever the grid's cell size.
#include <algorithm>
#include <cmath>
#include <utility>

#include "pocsim/systems/context.hpp"

namespace pocsim {

// Calls `visit_row(first, count)` for each row of the grid with cells whose
// centres lie within `reach_km` (inclusive) of the point (x, y) in projected
// km: those cells are `first` and the `count - 1` after it in that row.
//
// Sampling centres from the point itself, not from the centre of its cell,
// marks a cell with probability (disc area) / (cell area) on average, so the
// footprint's expected area is pi * reach_km^2 at any cell size. The squared
// column distances are computed once per call and each row's run is found by
// trimming the bounding columns with the same test dx² + dy² <= reach², so
// the hot loop (every unit, every tick) has no division or square root.
namespace presence_detail {

// The rows from r_lo to r_hi of the disc, given each candidate column's dx².
template <class Dx2, class VisitRow>
void visit_disc_rows(const world::Grid& grid, double y, double reach2, int c_lo, int c_hi, int r_lo,
                     int r_hi, Dx2&& dx2, VisitRow&& visit_row) {
  const double size = grid.cell_km();
  for (int r = r_lo; r <= r_hi; ++r) {
    const double dy = (r + 0.5) * size - y;
    const double dy2 = dy * dy;
    if (dy2 > reach2) continue;
    int lo = c_lo, hi = c_hi;
    while (lo <= hi && dx2(lo) + dy2 > reach2) ++lo;
    while (hi >= lo && dx2(hi) + dy2 > reach2) --hi;
    if (lo <= hi) visit_row(grid.cell(lo, r), hi - lo + 1);
  }
}

// A range of columns (rows) that holds every centre within reach of `at`:
// one wider on each side than the exact one, so that no rounding in the
// product narrows it; the disc test trims it.
inline std::pair<int, int> candidate_span(double at, double reach_km, double inverse_size,
                                          int count) {
  const int lo = static_cast<int>((at - reach_km) * inverse_size - 0.5) - 1;
  const int hi = static_cast<int>((at + reach_km) * inverse_size - 0.5) + 1;
  return {std::max(0, lo), std::min(count - 1, hi)};
}

}  // namespace presence_detail

template <class VisitRow>
void for_each_row_within_km(const world::Grid& grid, double x, double y, double reach_km,
                            VisitRow&& visit_row) {
  const double size = grid.cell_km();
  const double inverse_size = 1.0 / size;
  const double reach2 = reach_km * reach_km;
  const auto [c_lo, c_hi] =
      presence_detail::candidate_span(x, reach_km, inverse_size, grid.width());
  const auto [r_lo, r_hi] =
      presence_detail::candidate_span(y, reach_km, inverse_size, grid.height());
  if (c_lo > c_hi || r_lo > r_hi) return;
  const auto dx2_of = [size, x](int c) {
    const double dx = (c + 0.5) * size - x;
    return dx * dx;
  };
  // dx² per column, once per call; a reach of very many cells computes them as it goes.
  constexpr int buffered_columns = 64;
  if (c_hi - c_lo >= buffered_columns) {
    presence_detail::visit_disc_rows(grid, y, reach2, c_lo, c_hi, r_lo, r_hi, dx2_of, visit_row);
    return;
  }
  double dx2_buffer[buffered_columns];
  for (int c = c_lo; c <= c_hi; ++c) dx2_buffer[c - c_lo] = dx2_of(c);
  presence_detail::visit_disc_rows(
      grid, y, reach2, c_lo, c_hi, r_lo, r_hi,
      [&dx2_buffer, c_lo](int c) { return dx2_buffer[c - c_lo]; }, visit_row);
}

// Calls `visit(cell)` for each cell of the grid whose centre lies within
// `reach_km` (inclusive) of the point (x, y), row by row.
template <class Visit>
void for_each_cell_within_km(const world::Grid& grid, double x, double y, double reach_km,
                             Visit&& visit) {
  for_each_row_within_km(grid, x, y, reach_km, [&](world::CellId first, int count) {
    for (int k = 0; k < count; ++k) visit(first + static_cast<world::CellId>(k));
  });
}

void mark_presence(SimulationContext& ctx);
void fade_presence(SimulationContext& ctx);

}  // namespace pocsim
