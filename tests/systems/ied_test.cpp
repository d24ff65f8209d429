// SPDX-License-Identifier: Apache-2.0
// IEDs on road patrols, over many seeds, on the teaching scenario that
// isolates them (scenarios/teaching/ied.yaml).
#include "pocsim/systems/ied.hpp"

#include <gtest/gtest.h>

#include "support/levers.hpp"

namespace pocsim {

// 20 paired seeds: with the risk twenty times higher where jihadists are
// present (the file's setting) patrols meet more IEDs and lose more
// peacekeepers to them than with the same risk everywhere; each paired mean
// difference more than 3 standard errors above zero.
TEST(IedTeaching, RiskRisingWhereJihadistsHoldTheGroundMeansMoreStrikes) {
  const int seeds = 20;
  const auto flat =
      test::summaries_over_seeds("teaching/ied.yaml", {"ied.jihadist_factor=1"}, seeds);
  const auto rising = test::summaries_over_seeds("teaching/ied.yaml", {}, seeds);
  EXPECT_GT(
      test::paired_z(test::figure(flat, "/ied_attacks"), test::figure(rising, "/ied_attacks")),
      3.0);
  EXPECT_GT(test::paired_z(test::figure(flat, "/peacekeeper_deaths/ied"),
                           test::figure(rising, "/peacekeeper_deaths/ied")),
            3.0);
}

}  // namespace pocsim
