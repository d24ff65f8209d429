// SPDX-License-Identifier: Apache-2.0
// Presence (engine/src/systems/presence.cpp): each active unit marks the
// cells whose centres lie within control.presence_km of it (of the centre of
// the square of about a km that holds it, presence_footprint.hpp) with its
// unit-days, and presence fades by exp(-1 / presence_memory_days) a day, so
// that once a force leaves, its presence falls as exp(-days / memory).
#include "pocsim/systems/presence.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <vector>

#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

int faction_named(const SimulationContext& ctx, const std::string& name) {
  for (std::size_t f = 0; f < ctx.factions.size(); ++f)
    if (ctx.factions[f].config.name == name) return static_cast<int>(f);
  return -1;
}

}  // namespace

// After one tick, the cells a unit marks are exactly those whose centres lie
// within reach of it (of its square's centre, found here from the rule: a
// cell cut into k x k squares, k the least odd number >= cell_km), and the presence they hold adds
// up to one tick's unit-days for every cell of every unit's disc. The expected cells are found by
// measuring every cell of the grid, not through the mark's bounds.
TEST(Presence, EachUnitMarksTheDiscWithinReachWithOneTicksUnitDays) {
  // 240 km on 25 km cells: rows of the disc longer than the eight floats
  // added at a time.
  for (const double reach_km : {40.0, 240.0}) {
    Simulation sim(test::load_shipped(
        "teaching/presence_deterrence.yaml",
        {"control.presence_km=" + std::to_string(reach_km), "scenario.tick_hours=2"}));
    sim.step();
    const SimulationContext& ctx = sim.context();
    const world::Grid& grid = ctx.world.grid;
    const auto f = static_cast<std::size_t>(faction_named(ctx, "MINUSMA"));
    std::vector<double> expected(static_cast<std::size_t>(grid.cell_count()), 0.0);
    int squares = static_cast<int>(std::ceil(grid.cell_km()));
    if (squares % 2 == 0) ++squares;
    const double side = grid.cell_km() / squares;
    const auto square_centre = [side](double at) { return (std::floor(at / side) + 0.5) * side; };
    for (std::size_t u = 0; u < ctx.units.size(); ++u) {
      if (ctx.units.faction[u] != f || !ctx.units.active(u)) continue;
      const double x = square_centre(ctx.units.x[u]), y = square_centre(ctx.units.y[u]);
      for (world::CellId c = 0; c < grid.cell_count(); ++c) {
        const geo::PointKm centre = grid.center(c);
        if (std::hypot(centre.x - x, centre.y - y) <= reach_km)
          expected[static_cast<std::size_t>(c)] += 2.0 / 24.0;
      }
    }
    double marked = 0.0;
    for (std::size_t c = 0; c < expected.size(); ++c) {
      const double p = ctx.presence(f, static_cast<world::CellId>(c));
      EXPECT_NEAR(p, expected[c], 1e-5) << "cell " << c << ", reach " << reach_km;
      marked += expected[c];
    }
    EXPECT_GT(marked, 0.0);
  }
}

// MINUSMA leaves on day 20 of presence_deterrence; from then on, its
// presence in every cell falls by exactly exp(-k / memory) over k days.
TEST(Presence, FadesByTheMemoryOnceTheForceHasLeft) {
  for (const double memory : {3.0, 10.0}) {
    Simulation sim(test::load_shipped(
        "teaching/presence_deterrence.yaml",
        {"factions.MINUSMA.withdrawal_date=2022-03-21", "scenario.duration_days=40",
         "control.presence_memory_days=" + std::to_string(memory)}));
    const SimulationContext& ctx = sim.context();
    const auto f = static_cast<std::size_t>(faction_named(ctx, "MINUSMA"));
    const std::uint32_t day = ctx.ticks_per_day;
    while (sim.ticks_done() < 21 * day) sim.step();  // the close of day 20, its first away
    std::vector<double> left;
    for (world::CellId c = 0; c < ctx.world.grid.cell_count(); ++c)
      left.push_back(ctx.presence(f, c));
    for (int k = 1; k <= 15; ++k) {
      while (sim.ticks_done() < (21 + static_cast<std::uint32_t>(k)) * day) sim.step();
      const double keep = std::exp(-k / memory);
      double before = 0.0, now = 0.0;
      for (world::CellId c = 0; c < ctx.world.grid.cell_count(); ++c) {
        before += left[c];
        now += ctx.presence(f, c);
      }
      ASSERT_GT(before, 1.0) << "MINUSMA had marked its area";
      EXPECT_NEAR(now / before, keep, 1e-4 * keep) << "memory " << memory << ", day " << k;
    }
  }
}

}  // namespace pocsim
