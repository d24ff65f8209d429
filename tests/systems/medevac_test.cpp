// SPDX-License-Identifier: Apache-2.0
// Medevac and its exemption from flight authorisation, over many seeds, on the
// flight-delay teaching scenario with peacekeepers striking IEDs on the roads.
#include "pocsim/systems/medevac.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"
#include "support/paired.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

TEST(Medevac, DeathOfWoundsRisesOnlyPastTheGoldenHours) {
  scenario::MedevacSection cfg;
  cfg.golden_hours = 2.0;
  cfg.death_rate_per_hour = 0.02;
  EXPECT_EQ(died_of_wounds_probability(cfg, 0.5), 0.0);
  EXPECT_EQ(died_of_wounds_probability(cfg, 2.0), 0.0);
  EXPECT_NEAR(died_of_wounds_probability(cfg, 26.0), 1.0 - std::exp(-0.48), 1e-12);
  EXPECT_LT(died_of_wounds_probability(cfg, 26.0), died_of_wounds_probability(cfg, 50.0));
}

// Over 30 paired seeds, exempting medevac from a fixed 24 h authorisation
// delay lowers the mean wait and the deaths of wounds, each by a paired mean
// difference above 3 standard errors.
TEST(Medevac, TheExemptionShortensTheWaitAndSavesTheWounded) {
  const int seeds = 30;
  const auto world = std::make_shared<const world::World>(
      world::build_world(test::load_shipped("teaching/flight_delay.yaml")));
  std::vector<double> wait[2], died[2];
  double requested = 0.0;
  for (int exempt = 0; exempt < 2; ++exempt)
    for (int seed = 1; seed <= seeds; ++seed) {
      const scenario::Scenario s =
          test::load_shipped("teaching/flight_delay.yaml",
                             {"scenario.duration_days=30", "ied.per_km=0.002",
                              std::string("flights.medevac_exempt=") + (exempt ? "true" : "false"),
                              "scenario.seed=" + std::to_string(seed)});
      Simulation sim(s, world);
      sim.run();
      const auto m = nlohmann::json::parse(summary_json(sim.result()))["medevac"];
      wait[exempt].push_back(m["mean_wait_hours"].get<double>());
      died[exempt].push_back(m["died_of_wounds"].get<double>());
      requested += m["requested"].get<double>() / (2 * seeds);
    }
  ASSERT_GT(requested, 5.0) << "too few casualties to compare";
  EXPECT_LT(test::paired_z(wait[0], wait[1]), -3.0);
  EXPECT_LT(test::paired_z(died[0], died[1]), -3.0);
  // Exempt flights from Sévaré reach anywhere in range within the golden hours.
  double exempt_wait = 0.0;
  for (double w : wait[1]) exempt_wait += w / seeds;
  EXPECT_LT(exempt_wait, 2.0);
}

}  // namespace pocsim
