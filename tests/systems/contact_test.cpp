// SPDX-License-Identifier: Apache-2.0
// Contact between units (engine/src/systems/combat.cpp, resolve_combat):
// each active unit, in the order of its cell, engages the lowest-numbered
// unengaged enemy within combat.contact_cells, so that when the phase ends
// no two units that could fight are both left free. The cell order is kept
// from tick to tick and re-sorted, not rebuilt, so this checks that the
// kept order finds every contact.
#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

#include "pocsim/simulation.hpp"
#include "pocsim/systems/combat.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

// Forty JNIM groups against forty MINUSMA companies moving across the
// teaching scenario's area: at each of 200 ticks, after the combat phase,
// every pair of a unit and a unit it is hostile to, both active before the
// phase and within contact reach of each other, has at least one side
// engaged. Measured by comparing every pair, not through the sorted list.
TEST(Contact, NoTwoFreeUnitsWithinReachAreLeftUnengaged) {
  Simulation sim(
      test::load_shipped("teaching/flight_delay.yaml",
                         {"factions.JNIM.hostile_to=[MINUSMA]", "factions.JNIM.units=40",
                          "factions.MINUSMA.units=40", "combat.engage_probability=0.0"}));
  SimulationContext& ctx = sim.context();
  const world::Grid& grid = ctx.world.grid;
  const int reach = ctx.scenario.combat.contact_cells;
  int pairs_seen = 0;
  for (std::uint32_t tick = 0; tick < 200; ++tick) {
    sim.step();
    const Units& units = ctx.units;
    std::vector<bool> active(units.size());
    for (std::size_t u = 0; u < units.size(); ++u) active[u] = units.active(u);
    const std::vector<world::CellId> cells(units.cell.begin(), units.cell.end());
    resolve_combat(ctx, TickInfo{tick, ctx.ticks_per_day});
    const auto& engaged = ctx.combat_scratch.engaged;
    for (std::size_t u = 0; u < units.size(); ++u)
      for (std::size_t v = 0; v < units.size(); ++v) {
        if (u == v || !active[u] || !active[v]) continue;
        if (!ctx.factions[units.faction[u]].hostile_to(units.faction[v])) continue;
        if (std::abs(grid.column(cells[u]) - grid.column(cells[v])) > reach ||
            std::abs(grid.row(cells[u]) - grid.row(cells[v])) > reach)
          continue;
        ++pairs_seen;
        EXPECT_TRUE(engaged[u] || engaged[v])
            << "tick " << tick << ": units " << u << " and " << v << " free within reach";
      }
  }
  EXPECT_GT(pairs_seen, 20) << "the scenario brings hostile units within reach";
}

}  // namespace pocsim
