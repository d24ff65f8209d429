// SPDX-License-Identifier: Apache-2.0
// Contact between units (engine/src/systems/combat.cpp, resolve_combat):
// each active unit, in the order of its cell, engages the lowest-numbered
// unengaged enemy within combat.contact_cells, so that when the phase ends
// no two units that could fight are both left free. The cell order is kept
// from tick to tick and re-sorted, not rebuilt, so this checks that the
// kept order finds every contact.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <string>
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

namespace {

// The rule of contact written the plain way: units in (cell, number) order,
// each free one taking the lowest-numbered free enemy within reach, found
// by looking at every unit (quadratic, for the test only).
std::vector<std::uint8_t> engaged_by_reference(const SimulationContext& ctx,
                                               const std::vector<bool>& active,
                                               const std::vector<world::CellId>& cells) {
  const Units& units = ctx.units;
  const world::Grid& grid = ctx.world.grid;
  const int reach = ctx.scenario.combat.contact_cells;
  std::vector<std::size_t> order(units.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return cells[a] < cells[b]; });
  std::vector<std::uint8_t> engaged(units.size(), 0);
  for (std::size_t u : order) {
    if (!active[u] || engaged[u]) continue;
    for (std::size_t v = 0; v < units.size(); ++v) {
      if (v == u || !active[v] || engaged[v]) continue;
      if (!ctx.factions[units.faction[u]].hostile_to(units.faction[v])) continue;
      if (std::abs(grid.column(cells[u]) - grid.column(cells[v])) > reach ||
          std::abs(grid.row(cells[u]) - grid.row(cells[v])) > reach)
        continue;
      engaged[u] = engaged[v] = 1;
      break;  // v runs upwards: the lowest-numbered free enemy
    }
  }
  return engaged;
}

// resolve_combat against the reference, tick after tick, with units
// crowding the cells: `units` per faction of the teaching scenario, every
// faction hostile to the other. Without fights (engage_probability 0)
// nothing changes during the phase, so the engaged units must be the
// reference's exactly.
void expect_contacts_as_the_reference(int units_per_faction, int ticks) {
  const std::string n = std::to_string(units_per_faction);
  Simulation sim(
      test::load_shipped("teaching/flight_delay.yaml",
                         {"factions.JNIM.hostile_to=[MINUSMA]",
                          "factions.MINUSMA.hostile_to=[JNIM]", "factions.JNIM.units=" + n,
                          "factions.MINUSMA.units=" + n, "combat.engage_probability=0.0"}));
  SimulationContext& ctx = sim.context();
  std::size_t engagements = 0;
  for (int tick = 0; tick < ticks; ++tick) {
    sim.step();
    const Units& units = ctx.units;
    std::vector<bool> active(units.size());
    for (std::size_t u = 0; u < units.size(); ++u) active[u] = units.active(u);
    const std::vector<world::CellId> cells(units.cell.begin(), units.cell.end());
    resolve_combat(ctx, TickInfo{static_cast<std::uint32_t>(tick), ctx.ticks_per_day});
    const std::vector<std::uint8_t> expected = engaged_by_reference(ctx, active, cells);
    ASSERT_EQ(ctx.combat_scratch.engaged, expected) << "tick " << tick;
    engagements += static_cast<std::size_t>(std::count(expected.begin(), expected.end(), 1));
  }
  EXPECT_GT(engagements, static_cast<std::size_t>(ticks)) << "units come within reach";
}

}  // namespace

// A few units a side: the cell order is kept from tick to tick and
// insertion-sorted.
TEST(Contact, SameUnitsEngagedAsThePlainSearchWithFewUnits) {
  expect_contacts_as_the_reference(40, 200);
}

// Thousands a side in a few hundred cells: many units move each tick, the
// insertion sort runs out of its budget and the order is rebuilt by a
// counting sort over the cells; crowded cells hold units of both sides.
TEST(Contact, SameUnitsEngagedAsThePlainSearchInCrowdedCells) {
  expect_contacts_as_the_reference(3000, 30);
}

}  // namespace pocsim
