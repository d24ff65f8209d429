// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/civilian_harm.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <vector>

#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

// Harm in a cell reaches every group present, at home there or displaced
// into it, and each loses the binomial number its own draw gives,
// uniform(purpose, group, tick, salt), however the draws are batched; the
// groups elsewhere are left as they were. In the town holding the most
// displaced groups at the start of the 2022 baseline, hundreds of groups of
// its own and a few dozen displaced into it, half of those dead already.
TEST(CivilianHarm, EachGroupPresentLosesItsOwnDrawsToll) {
  Simulation sim(test::load_shipped("mali_2022/baseline.yaml", {}));
  SimulationContext& ctx = sim.context();
  Civilians& civ = ctx.civilians;
  std::map<world::CellId, std::size_t> displaced_in;
  for (world::CellId c : ctx.displaced.cell) ++displaced_in[c];
  ASSERT_FALSE(displaced_in.empty());
  world::CellId cell = displaced_in.begin()->first;
  for (const auto& [c, n] : displaced_in)
    if (n > displaced_in[cell]) cell = c;
  ASSERT_GT(displaced_in[cell], 64u);  // more than one batch of listed groups
  ASSERT_GT(ctx.home_index.last(cell) - ctx.home_index.first(cell), 64u);

  // Every other group displaced into the cell dies first, as an earlier harm
  // could have left it: the index of the displaced lists it until the day's
  // pass, and harm must pass it over.
  std::size_t dead = 0;
  for (std::size_t k = 0; k < ctx.displaced.cell.size(); ++k)
    if (ctx.displaced.cell[k] == cell && ++dead % 2 == 0) civ.alive[ctx.displaced.agent[k]] = 0;

  const std::vector<std::uint8_t> alive = civ.alive, killed = civ.killed;
  const std::vector<float> grievance = civ.grievance;
  const double p = 0.3;
  const std::uint32_t tick = 77, salt = 5;
  const std::uint32_t total =
      harm_civilians_in_cell(ctx, cell, p, Purpose::violence_kill, tick, salt, 0.5f);

  BinomialDraws toll(p);
  std::uint32_t expected_total = 0, harmed = 0;
  for (std::size_t a = 0; a < civ.size(); ++a) {
    const bool present = civ.cell[a] == cell && alive[a] > 0;
    const std::uint32_t k =
        present ? toll(alive[a], ctx.rng.uniform(Purpose::violence_kill,
                                                 static_cast<std::uint32_t>(a), tick, salt))
                : 0;
    ASSERT_EQ(civ.alive[a], alive[a] - k) << "group " << a;
    ASSERT_EQ(civ.killed[a], killed[a] + k) << "group " << a;
    ASSERT_EQ(civ.grievance[a], present ? grievance[a] + 0.5f : grievance[a]) << "group " << a;
    if (present) ASSERT_EQ(ctx.index_scratch.touched[civ.home[a]], 1) << "group " << a;
    expected_total += k;
    harmed += present ? 1 : 0;
  }
  EXPECT_EQ(total, expected_total);
  EXPECT_EQ(ctx.cells.deaths_today[cell], expected_total);
  EXPECT_GT(expected_total, 0u);
  EXPECT_GT(harmed, 128u);
}

}  // namespace pocsim
