// SPDX-License-Identifier: Apache-2.0
// The accord: partners' deterrence holds back escalation; without it the
// accord collapses sooner, and then state forces and signatories fight.
#include "pocsim/systems/accord.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"
#include "support/levers.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

nlohmann::json run_baseline(std::vector<std::string> overrides) {
  overrides.push_back("civilians.people_per_agent=200");  // the accord does not need fine groups
  Simulation sim(test::load_shipped("mali_2022/baseline.yaml", overrides));
  sim.run();
  return nlohmann::json::parse(summary_json(sim.result()));
}

}  // namespace

TEST(Accord, HoldsThrough2022WithPartnersAndCollapsesWithoutThemThenTheSidesFight) {
  for (int seed = 1; seed <= 3; ++seed) {
    const std::string s = "scenario.seed=" + std::to_string(seed);
    const auto with = run_baseline({s});
    const auto without = run_baseline({s, "factions.Barkhane.withdrawal_date=2022-01-01",
                                       "factions.Takuba.withdrawal_date=2022-01-01"});
    EXPECT_FALSE(with["accord"]["collapsed"].get<bool>()) << seed;
    EXPECT_TRUE(without["accord"]["collapsed"].get<bool>()) << seed;
    // After the collapse FAMa and the CMA fight; while the accord holds they never do.
    EXPECT_EQ(with["combatant_deaths"]["by_faction"]["CMA"].get<int>(), 0) << seed;
    EXPECT_GT(without["combatant_deaths"]["by_faction"]["CMA"].get<int>(), 0) << seed;
  }
}

}  // namespace pocsim

namespace pocsim {

// The teaching scenario (scenarios/teaching/accord.yaml), 20 paired seeds:
// without Barkhane's deterrence the tension ends higher (paired mean
// difference more than 3 standard errors) and the accord collapses in at
// least 18 seeds; with it, in at most 2.
TEST(AccordTeaching, WithoutThePartnersDeterrenceTensionRisesAndTheAccordCollapses) {
  const int seeds = 20;
  const auto stays = test::summaries_over_seeds("teaching/accord.yaml", {}, seeds);
  const auto leaves = test::summaries_over_seeds(
      "teaching/accord.yaml", {"factions.Barkhane.withdrawal_date=2022-03-01"}, seeds);
  EXPECT_GT(test::paired_z(test::figure(stays, "/accord/tension_end"),
                           test::figure(leaves, "/accord/tension_end")),
            3.0);
  double collapsed_stays = 0.0, collapsed_leaves = 0.0;
  for (double c : test::figure(stays, "/accord/collapsed")) collapsed_stays += c;
  for (double c : test::figure(leaves, "/accord/collapsed")) collapsed_leaves += c;
  EXPECT_LE(collapsed_stays, 2.0);
  EXPECT_GE(collapsed_leaves, 18.0);
}

}  // namespace pocsim
