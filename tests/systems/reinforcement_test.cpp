// SPDX-License-Identifier: Apache-2.0
// Reinforcement (engine/src/systems/reinforcement.cpp): each day a deployed
// unit regains ceil(replenish_per_day x what it misses), and a recovering
// unit goes back on patrol once at half strength or more.
#include "pocsim/systems/reinforcement.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

TEST(Reinforcement, AUnitRegainsItsShareOfWhatItMissesEachDay) {
  Simulation sim(
      test::load_shipped("teaching/flight_delay.yaml", {"combat.replenish_per_day=0.1"}));
  SimulationContext& ctx = sim.context();
  Units& units = ctx.units;
  ASSERT_GE(units.size(), 2u);
  const std::int32_t full = units.full_strength[0];
  ASSERT_GE(full, 40);
  units.strength[0] = full / 4;
  units.task[0] = UnitTask::recovering;
  units.strength[1] = full;
  std::int32_t expected = full / 4;
  for (int day = 0; day < 30; ++day) {
    expected += static_cast<std::int32_t>(std::ceil(0.1 * (full - expected)));
    reinforce_units(ctx);
    ASSERT_EQ(units.strength[0], expected) << "day " << day;
    EXPECT_EQ(units.task[0], 2 * expected >= full ? UnitTask::patrol : UnitTask::recovering)
        << "day " << day;
  }
  EXPECT_EQ(units.strength[1], full);
  EXPECT_GT(expected, full * 9 / 10);
}

}  // namespace pocsim
