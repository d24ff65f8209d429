// SPDX-License-Identifier: Apache-2.0
// Violence against civilians (engine/src/systems/violence.cpp), sized: an
// episode lasts a geometric number of ticks of mean episode_hours and kills
// killings_per_hour while it lasts, whatever the size of the village; units
// start episodes at abuse_rate a day, whatever the length of a tick.
#include "pocsim/systems/violence.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

struct EpisodeSample {
  double runs = 0.0, episodes = 0.0;  // all episodes, for the onset rate
  double n = 0.0, hours = 0.0, hours2 = 0.0, deaths = 0.0, deaths2 = 0.0;
  double mean_hours() const { return hours / n; }
  double mean_deaths() const { return deaths / n; }
  double se(double sum, double sum2) const {
    const double mean = sum / n;
    return std::sqrt((sum2 - n * mean * mean) / (n - 1.0) / n);
  }
};

// The flight-delay teaching scenario with nobody responding and nobody
// fleeing: every episode runs its course.
EpisodeSample episodes(int tick_hours, int episode_hours) {
  EpisodeSample s;
  for (int seed = 1; seed <= 10; ++seed) {
    Simulation sim(
        test::load_shipped("teaching/flight_delay.yaml",
                           {"response.respond_probability=0", "civilians.flee_risk=1",
                            "scenario.tick_hours=" + std::to_string(tick_hours),
                            "factions.JNIM.episode_hours=" + std::to_string(episode_hours),
                            "scenario.seed=" + std::to_string(seed)}));
    sim.run();
    const SimulationContext& ctx = sim.context();
    s.runs += 1.0;
    for (const Incident& i : ctx.recorder.incidents()) {
      s.episodes += 1.0;
      // Episodes that began in the last 20 days might be cut short by the
      // end of the run (one of 48 hours on average lasts 20 days at odds e^-10).
      if (i.onset_tick + 20u * ctx.ticks_per_day >= sim.total_ticks()) continue;
      const double h = (i.end_tick - i.onset_tick + 1.0) * tick_hours;
      s.n += 1.0;
      s.hours += h;
      s.hours2 += h * h;
      s.deaths += i.civilian_deaths;
      s.deaths2 += static_cast<double>(i.civilian_deaths) * i.civilian_deaths;
    }
  }
  return s;
}

}  // namespace

// Over 10 seeds, among the episodes that began early enough to end before
// the run did, the mean length must be episode_hours and the mean toll
// killings_per_hour x episode_hours (0.3 x 48 = 14.4), each within 4
// standard errors; at 1- and 2-hour ticks, and for 3-hour episodes, whose
// mean (3 ticks of an hour) shows an error of one tick at once.
TEST(Violence, AnEpisodeKillsAtItsRateForItsGeometricLength) {
  for (const auto& [tick_hours, episode_hours] : {std::pair{1, 48}, {2, 48}, {1, 3}}) {
    const EpisodeSample s = episodes(tick_hours, episode_hours);
    ASSERT_GT(s.n, 200.0);
    EXPECT_NEAR(s.mean_hours(), episode_hours, 4.0 * s.se(s.hours, s.hours2))
        << tick_hours << " h ticks, " << episode_hours << " h episodes";
    EXPECT_NEAR(s.mean_deaths(), 0.3 * episode_hours, 4.0 * s.se(s.deaths, s.deaths2))
        << tick_hours << " h ticks, " << episode_hours << " h episodes";
  }
}

// abuse_rate is a daily rate: with 2-hour ticks a unit starts as many
// episodes a day as with 1-hour ticks. The counts over 10 seeds are Poisson
// (about 1,000 each), so their ratio must lie within 1 +- 4 sqrt(1/a + 1/b).
TEST(Violence, EpisodesStartAtTheDailyRateWhateverTheTick) {
  const EpisodeSample hourly = episodes(1, 48), two_hourly = episodes(2, 48);
  ASSERT_GT(hourly.episodes, 500.0);
  const double tolerance = 4.0 * std::sqrt(1.0 / hourly.episodes + 1.0 / two_hourly.episodes);
  EXPECT_NEAR(two_hourly.episodes / hourly.episodes, 1.0, tolerance)
      << hourly.episodes << " episodes at 1 h, " << two_hourly.episodes << " at 2 h";
}

// A unit's onset draw at or above rate x tick_hours / 24 starts nothing
// whatever the presence around it (the chance is that times a share and a
// deterrence of at most 1), so the presence is not read for it. Without that
// shortcut the same episodes must start: a partner deterrence above 1, which
// the loader refuses, turns it off, and changes no chance where no partner
// is present (first_run has none; its factions abuse at a base share of
// 0.1 away from their enemies). Two runs, episode by episode.
TEST(Violence, DrawsAboveTheHighestChanceStartNothingWithoutALookAround) {
  const scenario::Scenario with_shortcut = test::load_shipped("teaching/first_run.yaml");
  scenario::Scenario without_shortcut = with_shortcut;
  auto& partners = without_shortcut.response.partner_deterrence;
  partners.state_forces = partners.mercenaries = partners.jihadist = partners.signatory = 2.0;
  Simulation a(with_shortcut), b(without_shortcut);
  a.run();
  b.run();
  const auto& ia = a.context().recorder.incidents();
  const auto& ib = b.context().recorder.incidents();
  ASSERT_GT(ia.size(), 20u);
  ASSERT_EQ(ia.size(), ib.size());
  for (std::size_t k = 0; k < ia.size(); ++k) {
    EXPECT_EQ(ia[k].onset_tick, ib[k].onset_tick) << "episode " << k;
    EXPECT_EQ(ia[k].cell, ib[k].cell) << "episode " << k;
    EXPECT_EQ(ia[k].civilian_deaths, ib[k].civilian_deaths) << "episode " << k;
  }
}

// The shortcut holds only while the share and the deterrences are at most 1,
// as the loader makes them. A base share of 1.5 set in the scenario itself
// raises the chance above rate x tick / 24, and the draws between the two
// must start episodes: over 5 seeds, at least 1.2 times the episodes of a
// share of 1 (about 1.5 times where no enemy is near; at most 1 if those
// draws were skipped).
TEST(Violence, AShareAboveOneStillRaisesTheOnsets) {
  double episodes[2] = {0.0, 0.0};
  for (int seed = 1; seed <= 5; ++seed)
    for (int k = 0; k < 2; ++k) {
      scenario::Scenario s =
          test::load_shipped("teaching/first_run.yaml", {"scenario.seed=" + std::to_string(seed)});
      for (auto& faction : s.factions) faction.abuse_base_share = k == 0 ? 1.0 : 1.5;
      Simulation sim(s);
      sim.run();
      episodes[k] += static_cast<double>(sim.context().recorder.incidents().size());
    }
  ASSERT_GT(episodes[0], 100.0);
  EXPECT_GT(episodes[1], 1.2 * episodes[0]) << episodes[1] << " against " << episodes[0];
}

}  // namespace pocsim
