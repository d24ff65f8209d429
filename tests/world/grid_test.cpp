// SPDX-License-Identifier: Apache-2.0
// The cell of a point, against its definition: column floor(x / cell_km) and
// row floor(y / cell_km), no_cell where either falls outside the box.
#include "pocsim/world/grid.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace pocsim::world {
namespace {

CellId by_definition(const Grid& grid, geo::PointKm p) {
  const double c = std::floor(p.x / grid.cell_km()), r = std::floor(p.y / grid.cell_km());
  if (c < 0 || r < 0 || c >= grid.width() || r >= grid.height()) return no_cell;
  return grid.cell(static_cast<int>(c), static_cast<int>(r));
}

// Points on both sides of every cell edge, the box's edges among them, and a
// hair inside and outside them, on a grid whose cell size is not a whole
// number of km (so the quotients are not exact).
TEST(Grid, CellAtIsTheCellOfTheFlooredQuotients) {
  const Grid grid({}, 7, 5, 7.3);
  int outside = 0, checked = 0;
  for (int i = -2; i <= 8; ++i)
    for (double dx : {-1.0, -1e-9, 0.0, 1e-9, 0.5, 3.65, 7.3 - 1e-9})
      for (int j = -2; j <= 6; ++j)
        for (double dy : {-1e-9, 0.0, 1e-9, 2.0}) {
          const geo::PointKm p{i * 7.3 + dx, j * 7.3 + dy};
          const CellId expected = by_definition(grid, p);
          EXPECT_EQ(grid.cell_at(p), expected) << "at (" << p.x << ", " << p.y << ")";
          outside += expected == no_cell;
          ++checked;
        }
  // Both kinds of point were met.
  EXPECT_GT(outside, 0);
  EXPECT_LT(outside, checked);
}

TEST(Grid, PointsJustWestOrSouthOfTheBoxAreOutsideIt) {
  const Grid grid({}, 4, 3, 10.0);
  EXPECT_EQ(grid.cell_at({-0.5, 5.0}), no_cell);
  EXPECT_EQ(grid.cell_at({5.0, -0.5}), no_cell);
  EXPECT_EQ(grid.cell_at({-1e-300, 5.0}), no_cell);
  EXPECT_EQ(grid.cell_at({0.0, 0.0}), grid.cell(0, 0));
  EXPECT_EQ(grid.cell_at({40.0, 5.0}), no_cell);
  EXPECT_EQ(grid.cell_at({39.999, 29.999}), grid.cell(3, 2));
  EXPECT_EQ(grid.cell_at({std::numeric_limits<double>::quiet_NaN(), 5.0}), no_cell);
}

}  // namespace
}  // namespace pocsim::world
