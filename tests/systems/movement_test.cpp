// SPDX-License-Identifier: Apache-2.0
// Unit movement (engine/src/systems/movement.cpp): off-road patrols aim at
// points of their own area, and road patrols go on to a new town, turning
// back only where the road ends.
#include "pocsim/systems/movement.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <utility>
#include <vector>

#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

// Every target an off-road patrol picks over a month lies in its faction's
// area, or is its base when eight tries found no such point.
TEST(Movement, OffroadPatrolsAimAtPointsOfTheirArea) {
  Simulation sim(test::load_shipped("mali_2022/baseline.yaml", {"scenario.duration_days=30"}));
  const SimulationContext& ctx = sim.context();
  std::size_t targets = 0;
  std::vector<std::pair<float, float>> last(ctx.units.size(), {NAN, NAN});
  while (!sim.finished()) {
    sim.step();
    for (std::size_t u = 0; u < ctx.units.size(); ++u) {
      const Faction& f = ctx.factions[ctx.units.faction[u]];
      if (f.config.mobility != scenario::Mobility::offroad || !ctx.units.active(u)) continue;
      const std::pair target{ctx.units.target_x[u], ctx.units.target_y[u]};
      if (target == last[u]) continue;
      last[u] = target;
      const world::CellId cell = ctx.world.grid.cell_at({target.first, target.second});
      const bool base = cell == ctx.world.town_cell[ctx.units.base_town[u]];
      ASSERT_TRUE(base || (ctx.world.inside(cell) && f.in_area[ctx.world.region[cell]]))
          << f.config.name << " unit " << u << " aims outside its area";
      ++targets;
    }
  }
  EXPECT_GT(targets, 200u);
}

// A road patrol that reaches town B from A goes on to another town of its
// area, and back to A only when B has no other road within the area.
TEST(Movement, RoadPatrolsTurnBackOnlyWhereTheRoadEnds) {
  Simulation sim(test::load_shipped("mali_2022/baseline.yaml", {"scenario.duration_days=30"}));
  const SimulationContext& ctx = sim.context();
  std::vector<std::pair<int, int>> leg(ctx.units.size(), {-1, -1});
  std::size_t turns = 0;
  while (!sim.finished()) {
    sim.step();
    for (std::size_t u = 0; u < ctx.units.size(); ++u) {
      const Faction& f = ctx.factions[ctx.units.faction[u]];
      const int from = ctx.units.from_town[u], to = ctx.units.to_town[u];
      // An operation, a response or a return to base takes a unit off its
      // road; its next leg starts afresh.
      if (f.config.mobility != scenario::Mobility::road || ctx.units.task[u] != UnitTask::patrol ||
          ctx.units.roams[u] != 0) {
        leg[u] = {-1, -1};
        continue;
      }
      if (from == to) continue;
      const auto [a, b] = leg[u];
      leg[u] = {from, to};
      // A new leg from b: the unit came from a and has now left b for `to`.
      if (a < 0 || from != b || a == b || to != a) {
        turns += from == b && to != a ? 1 : 0;
        continue;
      }
      int ways_on = 0;
      for (const auto& link : ctx.world.road_links[b])
        ways_on += link.to_town != a && f.in_area[ctx.world.places.towns[link.to_town].region];
      EXPECT_EQ(ways_on, 0) << f.config.name << " unit " << u << " turned back at town " << b;
    }
  }
  EXPECT_GT(turns, 100u);
}

}  // namespace pocsim
