// SPDX-License-Identifier: Apache-2.0
// The reach of presence is a distance in km (control.presence_km): a unit
// marks the cells whose centres lie within that distance of its own position
// (to the centre of its square of about a km), a disc whatever the grid's
// cell size; and the deterrence it buys, measured
// as the teaching scenario measures it, does not change with world.cell_km.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>
#include <vector>

#include "pocsim/systems/presence_footprint.hpp"
#include "support/equivalence.hpp"
#include "support/levers.hpp"

namespace pocsim {

namespace {

using ColumnRow = std::pair<int, int>;

std::set<ColumnRow> marked_around(const world::Grid& grid, double x, double y, double reach_km) {
  std::set<ColumnRow> cells;
  const PresenceFootprint footprint(grid, reach_km);
  footprint.for_each_row(grid, grid.cell_at({x, y}), x, y, [&](world::CellId first, int count) {
    for (int k = 0; k < count; ++k) {
      const world::CellId c = first + static_cast<world::CellId>(k);
      const bool fresh = cells.insert({grid.column(c), grid.row(c)}).second;
      EXPECT_TRUE(fresh) << "cell " << c << " visited twice";
    }
  });
  return cells;
}

// The cells whose centres lie within reach of (x, y), every cell measured.
std::set<ColumnRow> disc_by_measuring_every_cell(const world::Grid& grid, double x, double y,
                                                 double reach_km) {
  std::set<ColumnRow> cells;
  for (world::CellId c = 0; c < grid.cell_count(); ++c) {
    const geo::PointKm centre = grid.center(c);
    if ((centre.x - x) * (centre.x - x) + (centre.y - y) * (centre.y - y) <= reach_km * reach_km)
      cells.insert({grid.column(c), grid.row(c)});
  }
  return cells;
}

// Every (column - c0, row - r0) with |offset| <= 2 except those listed.
std::set<ColumnRow> square_of_five_around(int c0, int r0, const std::vector<ColumnRow>& without) {
  std::set<ColumnRow> cells;
  for (int dr = -2; dr <= 2; ++dr)
    for (int dc = -2; dc <= 2; ++dc)
      if (std::find(without.begin(), without.end(), ColumnRow{dc, dr}) == without.end())
        cells.insert({c0 + dc, r0 + dr});
  return cells;
}

}  // namespace

// 10 km cells, a unit at the centre of cell (5, 5): the neighbours' centres
// lie 10, 14.1, 20, 22.4 and 28.3 km away (corners of the 5 x 5 square). A
// reach of 28.2 km stops short of the four corners (21 cells), 28.3 km takes
// them (the old 5 x 5 square), 20 km is the 3 x 3 square and the four cells
// 20 km off in a straight line (13 cells).
TEST(PresenceReach, IsADiscOfCellCentresAtTenKmCells) {
  const world::Grid grid(geo::Projection{}, 12, 12, 10.0);
  EXPECT_EQ(marked_around(grid, 55.0, 55.0, 28.2),
            square_of_five_around(5, 5, {{-2, -2}, {-2, 2}, {2, -2}, {2, 2}}));
  EXPECT_EQ(marked_around(grid, 55.0, 55.0, 28.3), square_of_five_around(5, 5, {}));
  EXPECT_EQ(marked_around(grid, 55.0, 55.0, 20.0), square_of_five_around(5, 5,
                                                                         {{-2, -2},
                                                                          {-2, 2},
                                                                          {2, -2},
                                                                          {2, 2},
                                                                          {-2, -1},
                                                                          {-2, 1},
                                                                          {2, -1},
                                                                          {2, 1},
                                                                          {-1, -2},
                                                                          {1, -2},
                                                                          {-1, 2},
                                                                          {1, 2}}));
  EXPECT_EQ(marked_around(grid, 55.0, 55.0, 0.0), (std::set<ColumnRow>{{5, 5}}));
}

// 25 km cells, the same 28.2 km: at a cell's centre the disc holds the cell
// and its four neighbours 25 km away (the diagonals are 35.4 km off); at the
// corner shared by four cells (its square's centre is 0.7 km inside cell
// (2, 2)) it holds those four (17.7 to 19 km) and nothing 37 km away.
// Measured from the unit, not from its cell's centre.
TEST(PresenceReach, IsADiscOfCellCentresAtTwentyFiveKmCells) {
  const world::Grid grid(geo::Projection{}, 8, 8, 25.0);
  EXPECT_EQ(marked_around(grid, 62.5, 62.5, 28.2),
            (std::set<ColumnRow>{{2, 2}, {1, 2}, {3, 2}, {2, 1}, {2, 3}}));
  EXPECT_EQ(marked_around(grid, 50.0, 50.0, 28.2),
            (std::set<ColumnRow>{{1, 1}, {2, 1}, {1, 2}, {2, 2}}));
  // A unit 5 km east of the centre of (2, 2): (3, 2) is 20 km off, (1, 2)
  // 30 km: the disc follows the unit within its cell.
  EXPECT_EQ(marked_around(grid, 67.5, 62.5, 28.2),
            (std::set<ColumnRow>{{2, 2}, {3, 2}, {2, 1}, {2, 3}}));
}

// At the grid's edge the disc is cut, not wrapped or shifted: a unit at the
// centre of corner cell (0, 0) of a 10 km grid marks the quarter disc.
TEST(PresenceReach, IsCutAtTheGridsEdge) {
  const world::Grid grid(geo::Projection{}, 12, 12, 10.0);
  EXPECT_EQ(marked_around(grid, 5.0, 5.0, 28.2),
            (std::set<ColumnRow>{{0, 0}, {1, 0}, {2, 0}, {0, 1}, {1, 1}, {2, 1}, {0, 2}, {1, 2}}));
  const world::Grid small(geo::Projection{}, 12, 12, 10.0);
  EXPECT_EQ(marked_around(small, 115.0, 115.0, 10.0),
            (std::set<ColumnRow>{{11, 11}, {10, 11}, {11, 10}}));
}

// Each cell is cut into an odd number of squares of at most a km a side, so
// that the cell's centre is a square's centre; a unit anywhere in a square
// marks the disc around the square's centre, exactly as measuring every cell
// of the grid finds it, cut at the grid's edges. Positions spread over the
// grid by a fixed stride, corners and edges included.
TEST(PresenceReach, IsTheDiscAroundTheCentreOfTheUnitsSquare) {
  for (const double size : {0.5, 4.0, 10.0, 25.0}) {
    const world::Grid grid(geo::Projection{}, 15, 11, size);
    const PresenceFootprint footprint(grid, 28.2);
    EXPECT_EQ(footprint.squares() % 2, 1) << size;
    EXPECT_LE(size / footprint.squares(), PresenceFootprint::square_km) << size;
    EXPECT_GT(size / footprint.squares(), PresenceFootprint::square_km / 2 - 1e-9) << size;
    const double side = size / footprint.squares();
    const auto square_centre = [side](double at) { return (std::floor(at / side) + 0.5) * side; };
    for (double x = 0.0123 * size; x < 15 * size; x += 0.3719 * size)
      for (double y = 0.0271 * size; y < 11 * size; y += 0.4133 * size)
        EXPECT_EQ(marked_around(grid, x, y, 28.2),
                  disc_by_measuring_every_cell(grid, square_centre(x), square_centre(y), 28.2))
            << "a unit at (" << x << ", " << y << ") on cells of " << size << " km";
  }
}

// Over many positions the disc's cells cover pi r^2 on average at any cell
// size, as a disc in km should; the old count of cells covered (2k+1)^2
// cells, 25 times more area at 25 km cells than at 5 km. Positions on a
// fine regular lattice over one cell, so the mean is exact to about 1%.
TEST(PresenceReach, CoversTheDiscsAreaOnAverageAtEveryCellSize) {
  const double reach = 28.2, area = 3.141592653589793 * reach * reach;
  for (const double size : {5.0, 10.0, 25.0}) {
    const world::Grid grid(geo::Projection{}, 40, 40, size);
    const int steps = 40;
    double covered = 0.0;
    for (int i = 0; i < steps; ++i)
      for (int j = 0; j < steps; ++j) {
        const double x = 20 * size + (i + 0.5) * size / steps;
        const double y = 20 * size + (j + 0.5) * size / steps;
        covered += static_cast<double>(marked_around(grid, x, y, reach).size()) * size * size;
      }
    EXPECT_NEAR(covered / (steps * steps), area, 0.01 * area) << "cells of " << size << " km";
  }
}

// Acceptance of issue 22 (presence in km): the deterrence of the teaching
// scenario, the share of JNIM's episodes that MINUSMA's patrols prevent
// (1 - episodes with patrols / episodes with none, seed by seed; about 0.48),
// is the same at world.cell_km 5 and 25 as at the baseline's 10: a Welch TOST
// over 30 seeds each, alpha 0.05, margin 0.1 (a fifth of the deterrence).
// With the reach counted in cells (2 cells each way) the differences were
// -0.25 at 5 km and +0.31 at 25 km. With the disc they are about -0.005 and
// +0.036 (100 seeds): at 25 km, bases and road patrols sit on cell centres
// (towns are placed at their cell's centre), where a disc of 28.2 km holds 5
// cells of 625 km², a quarter more than its area, hence the margin.
TEST(PresenceReachTeaching, DeterrenceDoesNotDependOnTheCellSize) {
  const int seeds = 30;
  const double margin = 0.1, alpha = 0.05;
  const auto deterrence_at = [seeds](double cell_km) {
    const std::string cells = "world.cell_km=" + std::to_string(cell_km);
    const auto patrols = test::figure(
        test::summaries_over_seeds("teaching/presence_deterrence.yaml", {cells}, seeds),
        "/incidents/violent_episodes");
    const auto none =
        test::figure(test::summaries_over_seeds("teaching/presence_deterrence.yaml",
                                                {cells, "factions.MINUSMA.units=0"}, seeds),
                     "/incidents/violent_episodes");
    std::vector<double> prevented;
    for (int s = 0; s < seeds; ++s) {
      EXPECT_GT(none[s], 0.0) << "seed " << s + 1 << " at " << cell_km << " km";
      prevented.push_back(1.0 - patrols[s] / none[s]);
    }
    return prevented;
  };
  const std::vector<double> at10 = deterrence_at(10.0);
  double mean10 = 0.0;
  for (const double d : at10) mean10 += d / seeds;
  EXPECT_GT(mean10, 0.3) << "the patrols deter a good share of raids: the test measures something";
  for (const double cell_km : {5.0, 25.0}) {
    const test::Equivalence e = test::welch_tost(at10, deterrence_at(cell_km), margin, alpha);
    EXPECT_TRUE(e.equivalent) << "cells of " << cell_km
                              << " km against 10 km: " << test::describe(e);
  }
}

}  // namespace pocsim
