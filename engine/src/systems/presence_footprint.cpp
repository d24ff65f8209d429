// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/presence_footprint.hpp"

#include <cmath>

namespace pocsim {

namespace {

int odd_squares_per_side(double cell_km) {
  // Bounded so that a very coarse grid keeps a small table: at 255 squares a
  // side a square is still a 255th of the cell.
  const int at_least = static_cast<int>(std::ceil(cell_km / PresenceFootprint::square_km));
  const int squares = std::clamp(at_least, 1, 255);
  return squares % 2 == 1 ? squares : squares + 1;
}

}  // namespace

PresenceFootprint::PresenceFootprint(const world::Grid& grid, double reach_km)
    : squares_(odd_squares_per_side(grid.cell_km())), squares_per_km_(squares_ / grid.cell_km()) {
  const double cell_km = grid.cell_km();
  const double reach2 = reach_km * reach_km;
  const int rows = static_cast<int>(std::ceil(reach_km / cell_km)) + 1;
  squares_table_.reserve(static_cast<std::size_t>(squares_) * squares_);
  for (int j = 0; j < squares_; ++j)
    for (int i = 0; i < squares_; ++i) {
      Square square{static_cast<std::uint32_t>(runs_.size()), 0, 0, 0, 0, 0};
      // The square's centre, in km from its cell's lower corner.
      const double x = (i + 0.5) * cell_km / squares_;
      const double y = (j + 0.5) * cell_km / squares_;
      for (int r = -rows; r <= rows; ++r) {
        const double dy = (r + 0.5) * cell_km - y;
        int first = rows + 1, last = -rows - 1;
        for (int c = -rows; c <= rows; ++c) {
          const double dx = (c + 0.5) * cell_km - x;
          if (dx * dx + dy * dy > reach2) continue;
          first = std::min(first, c);
          last = std::max(last, c);
        }
        if (first > last) continue;
        // Unsigned wrap-around makes a negative offset work as one: cell + offset.
        const auto offset = static_cast<world::CellId>(r * grid.width() + first);
        runs_.push_back({r, first, last - first + 1, offset});
        square.first = std::min(square.first, first);
        square.last = std::max(square.last, last);
        square.bottom = std::min(square.bottom, r);
        square.top = std::max(square.top, r);
      }
      square.end = static_cast<std::uint32_t>(runs_.size());
      squares_table_.push_back(square);
    }
}

}  // namespace pocsim
