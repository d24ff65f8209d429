// SPDX-License-Identifier: Apache-2.0
// Human-rights investigations are blocked by the host state's refusals, over
// many seeds, on the flight-delay teaching scenario.
#include "pocsim/systems/investigation.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"
#include "support/paired.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

// Over 30 paired seeds, a refusal chance of 0.5 rather than 0 raises the
// investigations blocked and lowers those done, each by a paired mean
// difference of more than 3 standard errors. Arrivals stop nothing, so the
// killing and hence the incidents to investigate do not depend on the policy.
TEST(Investigations, RefusalsBlockInvestigators) {
  const int seeds = 30;
  const auto world = std::make_shared<const world::World>(
      world::build_world(test::load_shipped("teaching/flight_delay.yaml")));
  std::vector<double> done[2], blocked[2];
  for (int refuse = 0; refuse < 2; ++refuse)
    for (int seed = 1; seed <= seeds; ++seed) {
      const scenario::Scenario s = test::load_shipped(
          "teaching/flight_delay.yaml",
          {"scenario.duration_days=30", "investigations.share=1",
           "response.stop_on_arrival={state_forces: 0, mercenaries: 0, jihadist: 0, signatory: 0}",
           std::string("flights.refusal_probability=") + (refuse ? "0.5" : "0"),
           "scenario.seed=" + std::to_string(seed)});
      Simulation sim(s, world);
      sim.run();
      const auto inv =
          nlohmann::json::parse(summary_json(sim.result()))["protection"]["investigations"];
      done[refuse].push_back(inv["done"].get<double>());
      blocked[refuse].push_back(inv["blocked_by_refusal"].get<double>());
    }
  EXPECT_GT(test::paired_z(blocked[0], blocked[1]), 3.0);
  EXPECT_LT(test::paired_z(done[0], done[1]), -3.0);
}

}  // namespace pocsim

namespace pocsim {

// The share of incidents investigated is the lever: an incident the mission
// knew of that killed civilians is investigated with probability
// investigations.share. Over 10 seeds at share 0.4, the count investigated
// lies within 4 binomial standard errors of 0.4 x those eligible; at 0, none.
TEST(Investigations, TheShareInvestigatedIsTheLever) {
  for (const double share : {0.0, 0.4}) {
    double eligible = 0.0, investigated = 0.0;
    for (int seed = 1; seed <= 10; ++seed) {
      Simulation sim(test::load_shipped("teaching/flight_delay.yaml",
                                        {"investigations.share=" + std::to_string(share),
                                         "scenario.seed=" + std::to_string(seed)}));
      sim.run();
      for (const Incident& i : sim.context().recorder.incidents()) {
        if (!i.reachable || i.civilian_deaths == 0 || i.detect_tick == never) continue;
        if (i.end_tick + 1 >= sim.total_ticks()) continue;  // still going at the end
        eligible += 1.0;
        investigated += i.investigation != InvestigationOutcome::none;
      }
    }
    ASSERT_GT(eligible, 200.0);
    EXPECT_NEAR(investigated, share * eligible,
                4.0 * std::sqrt(share * (1.0 - share) * eligible) + 1e-9)
        << "share " << share;
  }
}

}  // namespace pocsim
