// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/cell_polygons.hpp"

#include <gtest/gtest.h>

namespace pocsim::world {

namespace {

// A grid of 10 km cells whose south-west corner is (0°, 10°N).
Grid small_grid(int width, int height) {
  return Grid(geo::Projection({0.0, 10.0}, 10.0), width, height, 10.0);
}

// A polygon from corners given in the grid's km.
Polygon km_polygon(const Grid& grid, const std::vector<std::vector<geo::PointKm>>& rings) {
  Polygon p;
  for (const auto& ring : rings) {
    p.rings.emplace_back();
    for (const geo::PointKm& corner : ring)
      p.rings.back().push_back(grid.projection().to_lonlat(corner));
    p.rings.back().push_back(p.rings.back().front());
  }
  return p;
}

std::vector<CellId> all_cells(const Grid& grid) {
  std::vector<CellId> cells(grid.cell_count());
  for (CellId c = 0; c < grid.cell_count(); ++c) cells[c] = c;
  return cells;
}

}  // namespace

TEST(CellsInside, TheRowScanAgreesWithThePointTestOnANonConvexPolygonWithAHole) {
  const Grid grid = small_grid(40, 30);
  // A U shape (the notch between x = 120 and 260 km, north of y = 110 km)
  // with a square hole, edges at odd angles so that no centre sits on one.
  const Polygon u = km_polygon(
      grid,
      {{{13, 17}, {383, 9}, {391, 283}, {262, 279}, {258, 111}, {118, 113}, {121, 291}, {17, 287}},
       {{43, 41}, {97, 39}, {99, 93}, {41, 97}}});
  const std::vector<CellId> inside = cells_inside(grid, u);
  std::vector<CellId> expected;
  for (CellId c = 0; c < grid.cell_count(); ++c)
    if (u.contains(grid.center_lonlat(c))) expected.push_back(c);
  EXPECT_EQ(inside, expected);
  // The shape has land and leaves some out: the notch and the hole.
  EXPECT_GT(inside.size(), 500u);
  EXPECT_LT(inside.size(), grid.cell_count() - 200u);
  EXPECT_FALSE(u.contains(grid.center_lonlat(grid.cell(18, 20))));  // in the notch
  EXPECT_FALSE(u.contains(grid.center_lonlat(grid.cell(6, 6))));    // in the hole
}

TEST(CellsInside, ACellIsInsideByItsCentreNotItsCorner) {
  const Grid grid = small_grid(4, 4);
  // A square of 6 km around the centre of cell (1, 2), (15, 25) km: it holds
  // no corner of any cell, and the centre of no other cell.
  const Polygon square = km_polygon(grid, {{{12, 22}, {18, 22}, {18, 28}, {12, 28}}});
  EXPECT_EQ(cells_inside(grid, square), std::vector<CellId>{grid.cell(1, 2)});
  EXPECT_EQ(polygon_of_cells(grid, {square}, {grid.cell(1, 2)}), std::vector<int>{0});
}

TEST(PolygonOfCells, CentresInAPolygonTakeItAndOthersTheNearestBoundary) {
  const Grid grid = small_grid(10, 4);
  // West: x in [0, 42] km; east: x in [58, 100] km; a gap between them, where
  // the centres at x = 45 km lie nearer the west and those at 55 km nearer the east.
  const Polygon west = km_polygon(grid, {{{0, 0}, {42, 0}, {42, 40}, {0, 40}}});
  const Polygon east = km_polygon(grid, {{{58, 0}, {100, 0}, {100, 40}, {58, 40}}});
  const std::vector<int> owner = polygon_of_cells(grid, {west, east}, all_cells(grid));
  for (CellId c = 0; c < grid.cell_count(); ++c)
    EXPECT_EQ(owner[c], grid.column(c) <= 4 ? 0 : 1) << "column " << grid.column(c);
}

TEST(PolygonOfCells, ACellHoldingATownTakesThePolygonOfTheTown) {
  const Grid grid = small_grid(3, 1);
  // The border runs at x = 17 km: the middle cell's centre (15 km) is west of
  // it, a town at 18 km east of it, another at 16 km west of it.
  const Polygon west = km_polygon(grid, {{{0, 0}, {17, 0}, {17, 10}, {0, 10}}});
  const Polygon east = km_polygon(grid, {{{17, 0}, {30, 0}, {30, 10}, {17, 10}}});
  const auto at = [&](double x) { return grid.projection().to_lonlat({x, 5.0}); };
  EXPECT_EQ(polygon_of_cells(grid, {west, east}, all_cells(grid)), (std::vector<int>{0, 0, 1}));
  EXPECT_EQ(polygon_of_cells(grid, {west, east}, all_cells(grid), {at(18.0)}),
            (std::vector<int>{0, 1, 1}));
  // Two towns in one cell: the first listed decides.
  EXPECT_EQ(polygon_of_cells(grid, {west, east}, all_cells(grid), {at(16.0), at(18.0)}),
            (std::vector<int>{0, 0, 1}));
  EXPECT_EQ(polygon_of_cells(grid, {west, east}, all_cells(grid), {at(18.0), at(16.0)}),
            (std::vector<int>{0, 1, 1}));
  // A town outside the cells given changes nothing.
  EXPECT_EQ(polygon_of_cells(grid, {west, east}, {grid.cell(0, 0)}, {at(18.0)}),
            std::vector<int>{0});
}

TEST(PolygonOfCells, WhereTwoPolygonsOverlapTheFirstWins) {
  const Grid grid = small_grid(3, 1);
  const Polygon all = km_polygon(grid, {{{0, 0}, {30, 0}, {30, 10}, {0, 10}}});
  const Polygon middle = km_polygon(grid, {{{10, 0}, {20, 0}, {20, 10}, {10, 10}}});
  EXPECT_EQ(polygon_of_cells(grid, {middle, all}, all_cells(grid)), (std::vector<int>{1, 0, 1}));
  EXPECT_EQ(polygon_of_cells(grid, {all, middle}, all_cells(grid)), (std::vector<int>{0, 0, 0}));
}

}  // namespace pocsim::world
