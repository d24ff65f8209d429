// The direction of the flight-authorisation lever, over many seeds, on the
// teaching scenario that isolates it (scenarios/teaching/flight_delay.yaml).
#include "pocsim/systems/response.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"
#include "support/levers.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

struct DelayOutcome {
  double deaths_in_reachable = 0.0;
  double share_within_24h = 0.0;
};

// Runs the scenario for one delay and seed and reads summary.json's figures.
DelayOutcome run(const std::shared_ptr<const world::World>& world, int delay_hours, int seed) {
  const scenario::Scenario s = test::load_shipped(
      "teaching/flight_delay.yaml", {"flights.delay_hours=" + std::to_string(delay_hours),
                                     "scenario.seed=" + std::to_string(seed)});
  Simulation sim(s, world);
  sim.run();
  const auto summary = nlohmann::json::parse(summary_json(sim.result()));
  const auto& p = summary["protection"];
  return {p["civilian_deaths_in_reachable_incidents"].get<double>(),
          p["share_reached_within_24h"].get<double>()};
}

}  // namespace

// Seeds are shared across delays (common random numbers), so differences are
// paired. Each step up in delay must raise deaths by a paired mean difference
// more than 3 standard errors above zero (one-sided false-alarm rate 0.27%
// for a true null, docs/testing.md), and the share reached within 24 h must
// not rise.
TEST(FlightAuthorisation, LongerDelaysCostLivesAndSlowArrivals) {
  const int seeds = 30;
  const std::vector<int> delays{0, 24, 72, 168};
  const auto world = std::make_shared<const world::World>(
      world::build_world(test::load_shipped("teaching/flight_delay.yaml")));
  std::map<int, std::vector<DelayOutcome>> by_delay;
  for (int d : delays)
    for (int seed = 1; seed <= seeds; ++seed) by_delay[d].push_back(run(world, d, seed));

  for (std::size_t k = 1; k < delays.size(); ++k) {
    const auto& shorter = by_delay[delays[k - 1]];
    const auto& longer = by_delay[delays[k]];
    std::vector<double> deaths_shorter, deaths_longer;
    double share_shorter = 0.0, share_longer = 0.0;
    for (int i = 0; i < seeds; ++i) {
      deaths_shorter.push_back(shorter[i].deaths_in_reachable);
      deaths_longer.push_back(longer[i].deaths_in_reachable);
      share_shorter += shorter[i].share_within_24h / seeds;
      share_longer += longer[i].share_within_24h / seeds;
    }
    EXPECT_GT(test::paired_z(deaths_shorter, deaths_longer), 3.0)
        << delays[k - 1] << " h -> " << delays[k] << " h";
    EXPECT_LE(share_longer, share_shorter + 1e-9) << delays[k - 1] << " h -> " << delays[k] << " h";
  }
  // With no wait most incidents are reached within a day; with a day's wait, none is.
  double share0 = 0.0, share24 = 0.0;
  for (int i = 0; i < seeds; ++i) {
    share0 += by_delay[0][i].share_within_24h / seeds;
    share24 += by_delay[24][i].share_within_24h / seeds;
  }
  EXPECT_GT(share0, 0.5);
  EXPECT_LT(share24, 0.05);
}

TEST(FlightAuthorisation, GroundingsKeepHelicoptersOnTheGround) {
  const auto baseline = test::load_shipped("teaching/flight_delay.yaml", {"flights.delay_hours=0"});
  const auto grounded = test::load_shipped(
      "teaching/flight_delay.yaml",
      {"flights.delay_hours=0", "flights.groundings=[{from: 2022-03-01, to: 2022-04-29}]"});
  Simulation free_sim(baseline), grounded_sim(grounded);
  free_sim.run();
  grounded_sim.run();
  const auto free_summary = nlohmann::json::parse(summary_json(free_sim.result()));
  const auto grounded_summary = nlohmann::json::parse(summary_json(grounded_sim.result()));
  EXPECT_GT(free_summary["protection"]["responses_by_mode"]["air"].get<int>(), 20);
  // Every flight in the window falls back on the road, and the road is closed here.
  EXPECT_EQ(grounded_summary["protection"]["responses_by_mode"]["air"].get<int>(), 0);
  EXPECT_GT(grounded_summary["protection"]["civilian_deaths_in_reachable_incidents"].get<int>(),
            free_summary["protection"]["civilian_deaths_in_reachable_incidents"].get<int>());
}

}  // namespace pocsim

namespace pocsim {

// Deterrence by presence, alone (scenarios/teaching/presence_deterrence.yaml),
// 20 paired seeds: with the jihadists deterred where peacekeepers patrol,
// fewer episodes start and fewer civilians die than with no deterrence;
// each paired mean difference more than 3 standard errors.
TEST(PresenceDeterrenceTeaching, PatrolsDeterJihadistRaids) {
  const int seeds = 20;
  const auto none = test::summaries_over_seeds("teaching/presence_deterrence.yaml",
                                               {"response.presence_deterrence.jihadist=0"}, seeds);
  const auto deterred = test::summaries_over_seeds("teaching/presence_deterrence.yaml", {}, seeds);
  EXPECT_GT(test::paired_z(test::figure(deterred, "/incidents/violent_episodes"),
                           test::figure(none, "/incidents/violent_episodes")),
            3.0);
  EXPECT_GT(test::paired_z(test::figure(deterred, "/civilian_deaths/by_faction/JNIM"),
                           test::figure(none, "/civilian_deaths/by_faction/JNIM")),
            3.0);
}

// Phone reports, alone (scenarios/teaching/phone_reports.yaml), 20 paired
// seeds: without calls MINUSMA learns of raids later and more civilians die
// before it arrives; each paired mean difference more than 3 standard errors.
TEST(PhoneReportsTeaching, CallsShortenDetectionAndSaveLives) {
  const int seeds = 20;
  const auto calls = test::summaries_over_seeds("teaching/phone_reports.yaml", {}, seeds);
  const auto silence = test::summaries_over_seeds("teaching/phone_reports.yaml",
                                                  {"detection.phone_report_share=0"}, seeds);
  EXPECT_GT(test::paired_z(test::figure(calls, "/protection/detection_hours/mean"),
                           test::figure(silence, "/protection/detection_hours/mean")),
            3.0);
  EXPECT_GT(
      test::paired_z(test::figure(calls, "/protection/civilian_deaths_in_reachable_incidents"),
                     test::figure(silence, "/protection/civilian_deaths_in_reachable_incidents")),
      3.0);
}

// An arrival that stops an episode in tick t ends its killing: the incident's
// deaths never grow after t, and the episode is gone at once.
TEST(Arrival, AStoppedEpisodeKillsNoMoreAfterTheArrival) {
  const scenario::Scenario s = test::load_shipped(
      "teaching/flight_delay.yaml",
      {"flights.delay_hours=0", "scenario.duration_days=20",
       "response.stop_on_arrival={state_forces: 1, mercenaries: 1, jihadist: 1, signatory: 1}",
       "factions.JNIM.killings_per_hour=5"});
  Simulation sim(s);
  std::map<std::uint32_t, std::uint32_t> deaths_at_arrival;
  while (!sim.finished()) {
    sim.step();
    const SimulationContext& ctx = sim.context();
    const auto& incidents = ctx.recorder.incidents();
    for (std::uint32_t id = 0; id < incidents.size(); ++id) {
      const Incident& i = incidents[id];
      if (i.outcome != IncidentOutcome::stopped) continue;
      auto [it, first] = deaths_at_arrival.try_emplace(id, i.civilian_deaths);
      EXPECT_EQ(i.civilian_deaths, it->second) << "incident " << id << " killed after arrival";
      if (first) {
        EXPECT_EQ(i.arrival_tick + 1, sim.ticks_done());
        for (const Episode& e : ctx.episodes) EXPECT_NE(e.id, id);
      }
    }
  }
  EXPECT_GT(deaths_at_arrival.size(), 10u);
}

// Nobody asks for a flight while every flight is grounded: the convoy sets
// out when the request would have gone, without waiting for an answer.
TEST(FlightAuthorisation, DuringAGroundingTheResponseGoesByRoadAtOnce) {
  const scenario::Scenario s = test::load_shipped(
      "teaching/flight_delay.yaml",
      {"flights.delay_hours=72", "response.ground_range_km=300", "scenario.duration_days=20",
       "flights.groundings=[{from: 2022-03-01, to: 2022-03-20}]"});
  Simulation sim(s);
  sim.run();
  int convoys = 0;
  for (const Incident& i : sim.context().recorder.incidents()) {
    EXPECT_FALSE(i.flight_requested);
    if (i.mode != ResponseMode::ground) continue;
    ++convoys;
    // Sévaré to anywhere within 300 km at 25 km/h: at most 12 hours.
    EXPECT_LE(i.arrival_tick - i.request_tick, 12u);
  }
  EXPECT_GT(convoys, 10);
}

}  // namespace pocsim
