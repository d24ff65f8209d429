// SPDX-License-Identifier: Apache-2.0
#pragma once
// The cells a unit's presence reaches, precomputed once per run: marking them
// runs for every unit on every tick, and computing a disc there cost more than
// a sixth of the baseline year (docs/performance.md, eighth and ninth sets).
//
// A unit marks every cell whose centre lies within control.presence_km of its
// position, taken to the centre of the square that holds it when each cell is
// cut into k x k squares of about a kilometre (k odd, so that a cell's centre
// is a square's centre). The disc therefore follows the unit within its cell
// and covers pi * reach_km^2 on average at any cell size, and the k² discs of
// a cell, as offsets from it, are computed once.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "pocsim/world/grid.hpp"

namespace pocsim {

class PresenceFootprint {
 public:
  // The side of a square is at most this: positions are taken to about a km,
  // a thirtieth of the baseline's 28.2 km reach.
  static constexpr double square_km = 1.0;

  PresenceFootprint(const world::Grid& grid, double reach_km);

  // Squares per side of a cell.
  int squares() const { return squares_; }

  // Calls `visit_row(first, count)` for each row of the grid with cells in the
  // footprint of a unit at (x, y) in `cell` (the cell that holds the point):
  // those cells are `first` and the `count - 1` after it in that row, cut at
  // the grid's edges.
  template <class VisitRow>
  void for_each_row(const world::Grid& grid, world::CellId cell, double x, double y,
                    VisitRow&& visit_row) const {
    const int column = grid.column(cell), row = grid.row(cell);
    const Square& square = square_at(grid, column, row, x, y);
    if (lies_on_grid(grid, square, column, row)) {
      for (std::uint32_t k = square.start; k < square.end; ++k)
        visit_row(cell + runs_[k].offset, runs_[k].count);
      return;
    }
    for (std::uint32_t k = square.start; k < square.end; ++k) {
      const Run& run = runs_[k];
      const int r = row + run.row;
      if (r < 0 || r >= grid.height()) continue;
      const int lo = std::max(0, column + run.first);
      const int hi = std::min(grid.width() - 1, column + run.first + run.count - 1);
      if (lo <= hi) visit_row(grid.cell(lo, r), hi - lo + 1);
    }
  }

 private:
  // One row of a disc: `count` columns from `first`, in the row `row` rows
  // from the unit's cell (offsets from it); `offset` is the first cell's
  // distance from the unit's cell in the grid's cell numbering.
  struct Run {
    int row, first, count;
    world::CellId offset;
  };
  // A square's runs, [start, end), and the disc's bounds as offsets from the cell.
  struct Square {
    std::uint32_t start, end;
    int first, last, bottom, top;
  };

  const Square& square_at(const world::Grid& grid, int column, int row, double x, double y) const {
    return squares_table_[square_of(x - column * grid.cell_km()) +
                          static_cast<std::size_t>(squares_) * square_of(y - row * grid.cell_km())];
  }

  // Nearly always the whole disc lies on the grid: its runs are offsets from
  // the unit's cell, with nothing to cut.
  static bool lies_on_grid(const world::Grid& grid, const Square& square, int column, int row) {
    return column + square.first >= 0 && column + square.last < grid.width() &&
           row + square.bottom >= 0 && row + square.top < grid.height();
  }

  std::size_t square_of(double offset_km) const {
    const int s = static_cast<int>(offset_km * squares_per_km_);
    return static_cast<std::size_t>(std::clamp(s, 0, squares_ - 1));
  }

  int squares_;
  double squares_per_km_;
  std::vector<Square> squares_table_;  // k² squares, row by row
  std::vector<Run> runs_;
};

}  // namespace pocsim
