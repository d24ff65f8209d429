// SPDX-License-Identifier: Apache-2.0
// Control of territory (engine/src/systems/control.cpp), on one cell set by
// hand: a faction whose presence passes hold_presence holds the cell unless
// a faction it fights is as strong there, in which case it contests it; a
// kind that holds the cell through one faction does not also contest it.
#include "pocsim/systems/control.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

TEST(ControlOfTerritory, AKindHoldingACellThroughOneFactionDoesNotAlsoContestIt) {
  Simulation sim(test::load_shipped("mali_2022/baseline.yaml"));
  SimulationContext& ctx = sim.context();
  auto index = [&](const std::string& name) {
    for (std::size_t f = 0; f < ctx.factions.size(); ++f)
      if (ctx.factions[f].config.name == name) return f;
    throw std::runtime_error("no faction " + name);
  };
  // Sweden fights JNIM only, Germany IS Sahel too: with IS Sahel in the cell,
  // the partners hold it through Sweden and contest it through Germany.
  const std::size_t sweden = index("Sweden"), germany = index("Germany"), is = index("IS Sahel");
  ASSERT_FALSE(ctx.factions[sweden].hostile_to(is));
  ASSERT_TRUE(ctx.factions[germany].hostile_to(is));
  std::fill(ctx.cells.presence.begin(), ctx.cells.presence.end(), 0.0f);
  const world::CellId cell = ctx.world.land_cells[ctx.world.land_cells.size() / 2];
  const auto strong = static_cast<float>(2.0 * ctx.scenario.control.hold_presence + 1.0);
  for (std::size_t f : {sweden, germany, is}) ctx.presence(f, cell) = strong;

  record_control(ctx);
  const std::size_t regions = ctx.world.places.region_names.size();
  ctx.recorder.end_of_day(0, std::vector<std::int64_t>(regions, 0),
                          std::vector<std::int64_t>(regions, 0));
  const auto& rows = ctx.recorder.region_days();
  ASSERT_EQ(rows.size(), regions);
  const auto region = static_cast<std::size_t>(ctx.world.region[cell]);
  const auto kind = [](scenario::FactionKind k) { return static_cast<std::size_t>(k); };
  for (std::size_t r = 0; r < regions; ++r)
    for (std::size_t k = 0; k < scenario::faction_kind_count; ++k) {
      const bool partner_here = r == region && k == kind(scenario::FactionKind::partner);
      const bool jihadist_here = r == region && k == kind(scenario::FactionKind::jihadist);
      EXPECT_EQ(rows[r].held[k], partner_here ? 1u : 0u) << "region " << r << ", kind " << k;
      EXPECT_EQ(rows[r].contested[k], jihadist_here ? 1u : 0u) << "region " << r << ", kind " << k;
    }
}

// hold_presence is the least presence that holds a cell: at it the faction
// holds the cell, a float below it does not. Every faction of the baseline in
// turn, each alone in the cell.
TEST(ControlOfTerritory, APresenceOfExactlyHoldPresenceHoldsTheCell) {
  Simulation sim(test::load_shipped("mali_2022/baseline.yaml"));
  SimulationContext& ctx = sim.context();
  const world::CellId cell = ctx.world.land_cells[ctx.world.land_cells.size() / 3];
  const auto region = static_cast<std::size_t>(ctx.world.region[cell]);
  const std::size_t regions = ctx.world.places.region_names.size();
  const auto threshold = static_cast<float>(ctx.scenario.control.hold_presence);
  for (std::size_t f = 0; f < ctx.factions.size(); ++f)
    for (const float presence : {threshold, std::nextafter(threshold, 0.0f)}) {
      std::fill(ctx.cells.presence.begin(), ctx.cells.presence.end(), 0.0f);
      ctx.presence(f, cell) = presence;
      record_control(ctx);
      ctx.recorder.end_of_day(0, std::vector<std::int64_t>(regions, 0),
                              std::vector<std::int64_t>(regions, 0));
      const auto& row =
          ctx.recorder.region_days()[ctx.recorder.region_days().size() - regions + region];
      const auto kind = static_cast<std::size_t>(ctx.factions[f].config.kind);
      EXPECT_EQ(row.held[kind], presence >= threshold ? 1u : 0u)
          << ctx.factions[f].config.name << " at " << presence;
    }
}

}  // namespace pocsim
