// SPDX-License-Identifier: Apache-2.0
// Violence against civilians (engine/src/systems/violence.cpp), sized: an
// episode lasts a geometric number of ticks of mean episode_hours and kills
// killings_per_hour while it lasts, whatever the size of the village.
#include "pocsim/systems/violence.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

// The flight-delay teaching scenario with nobody responding and nobody
// fleeing: every episode runs its course. Over 10 seeds, among the episodes
// that began early enough to end before the run did, the mean length must be episode_hours and
// the mean toll killings_per_hour x episode_hours (0.3 x 48 = 14.4), each
// within 4 standard errors; at 2-hour ticks too.
TEST(Violence, AnEpisodeKillsAtItsRateForItsGeometricLength) {
  for (const int tick_hours : {1, 2}) {
    double n = 0.0, hours = 0.0, hours2 = 0.0, deaths = 0.0, deaths2 = 0.0;
    for (int seed = 1; seed <= 10; ++seed) {
      Simulation sim(test::load_shipped(
          "teaching/flight_delay.yaml",
          {"response.respond_probability=0", "civilians.flee_risk=1",
           "scenario.tick_hours=" + std::to_string(tick_hours),
           "scenario.seed=" + std::to_string(seed)}));
      sim.run();
      const SimulationContext& ctx = sim.context();
      for (const Incident& i : ctx.recorder.incidents()) {
        // Episodes that began in the last 20 days might be cut short by the
        // end of the run (one lasting 20 days has odds of e^-10).
        if (i.onset_tick + 20u * ctx.ticks_per_day >= sim.total_ticks()) continue;
        const double h = (i.end_tick - i.onset_tick + 1.0) * tick_hours;
        n += 1.0;
        hours += h;
        hours2 += h * h;
        deaths += i.civilian_deaths;
        deaths2 += static_cast<double>(i.civilian_deaths) * i.civilian_deaths;
      }
    }
    ASSERT_GT(n, 200.0);
    auto se = [&](double sum, double sum2) {
      const double mean = sum / n;
      return std::sqrt((sum2 - n * mean * mean) / (n - 1.0) / n);
    };
    EXPECT_NEAR(hours / n, 48.0, 4.0 * se(hours, hours2)) << tick_hours << " h ticks";
    EXPECT_NEAR(deaths / n, 0.3 * 48.0, 4.0 * se(deaths, deaths2)) << tick_hours << " h ticks";
  }
}

}  // namespace pocsim
