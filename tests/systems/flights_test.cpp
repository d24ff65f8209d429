// SPDX-License-Identifier: Apache-2.0
// The host state's hold on flights (engine/src/systems/flights.cpp): hours
// rounded to ticks, grounding windows and drone-only groundings, refusals
// and ground denial near the state's operations.
#include "pocsim/systems/flights.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"
#include "support/levers.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

nlohmann::json summary_of(const scenario::Scenario& s) {
  Simulation sim(s);
  sim.run();
  return nlohmann::json::parse(summary_json(sim.result()));
}

double total(const std::vector<double>& values) {
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum;
}

}  // namespace

// A wait is rounded up to whole ticks: nothing happens before its time.
TEST(FlightTicks, HoursRoundUpToWholeTicks) {
  for (const int tick_hours : {1, 2, 3}) {
    Simulation sim(test::load_shipped("teaching/flight_delay.yaml",
                                      {"scenario.tick_hours=" + std::to_string(tick_hours)}));
    const SimulationContext& ctx = sim.context();
    EXPECT_EQ(hours_to_ticks(ctx, 0.0), 0u);
    EXPECT_EQ(hours_to_ticks(ctx, 0.01), 1u) << tick_hours;
    EXPECT_EQ(hours_to_ticks(ctx, tick_hours), 1u) << tick_hours;
    EXPECT_EQ(hours_to_ticks(ctx, tick_hours + 0.5), 2u) << tick_hours;
    EXPECT_EQ(hours_to_ticks(ctx, 24.0), static_cast<std::uint32_t>(24 / tick_hours));
    EXPECT_EQ(hours_to_ticks(ctx, 1e12), never);
  }
  EXPECT_EQ(later(5, 3), 8u);
  EXPECT_EQ(later(never - 2, 3), never);
}

// A grounding window holds from the first hour of its first day to the last
// hour of its last day, both included, and no longer.
TEST(Groundings, AWindowCoversItsFirstAndLastDaysWhole) {
  // flight_delay starts on 2022-03-01: days 10 to 12 of the run.
  Simulation sim(test::load_shipped(
      "teaching/flight_delay.yaml",
      {"flights.groundings=[{from: 2022-03-11, to: 2022-03-13, drones_only: true}]"}));
  const SimulationContext& ctx = sim.context();
  const std::uint32_t day = ctx.ticks_per_day;
  EXPECT_FALSE(grounded(ctx, 10 * day - 1, true));
  EXPECT_TRUE(grounded(ctx, 10 * day, true));
  EXPECT_TRUE(grounded(ctx, 13 * day - 1, true));
  EXPECT_FALSE(grounded(ctx, 13 * day, true));
  // A drones-only window leaves helicopters flying.
  for (std::uint32_t tick = 9 * day; tick < 14 * day; ++tick)
    EXPECT_FALSE(grounded(ctx, tick, false)) << tick;
  // A full grounding is waited out to its end.
  Simulation full(test::load_shipped("teaching/flight_delay.yaml",
                                     {"flights.groundings=[{from: 2022-03-11, to: 2022-03-13}]"}));
  EXPECT_TRUE(grounded(full.context(), 11 * day, false));
  EXPECT_EQ(first_flying_tick(full.context(), 10 * day + 5), 13 * day);
  EXPECT_EQ(first_flying_tick(full.context(), 9 * day + 5), 9 * day + 5);
}

// A grounding of drones only changes nothing where nobody flies drones: the
// run is the same, byte for byte, as without it, helicopters included.
TEST(Groundings, DroneOnlyGroundingsLeaveHelicoptersFlying) {
  const auto plain =
      summary_of(test::load_shipped("teaching/flight_delay.yaml", {"flights.delay_hours=0"}));
  const auto drones = summary_of(test::load_shipped(
      "teaching/flight_delay.yaml",
      {"flights.delay_hours=0",
       "flights.groundings=[{from: 2022-03-01, to: 2022-04-29, drones_only: true}]"}));
  ASSERT_GT(plain["protection"]["responses_by_mode"]["air"].get<int>(), 20);
  EXPECT_EQ(drones.dump(), plain.dump());
}

// ... and where the partners' drones are the fast channel, grounding them
// slows detection: 20 paired seeds, the paired mean difference in mean
// detection hours more than 3 standard errors above zero.
TEST(Groundings, DroneOnlyGroundingsBlindThePartnersDrones) {
  const int seeds = 20;
  const auto flying = test::summaries_over_seeds("teaching/partners.yaml", {}, seeds);
  const auto grounded = test::summaries_over_seeds(
      "teaching/partners.yaml",
      {"flights.groundings=[{from: 2022-03-01, to: null, drones_only: true}]"}, seeds);
  EXPECT_GT(test::paired_z(test::figure(flying, "/protection/detection_hours/mean"),
                           test::figure(grounded, "/protection/detection_hours/mean")),
            3.0);
  // Helicopters still fly.
  EXPECT_GT(total(test::figure(grounded, "/protection/responses_by_mode/air")), 0.0);
}

// Refusals near the state's operations, dose and response, on a month of the
// 2022 baseline (FAMa and Wagner operate across the centre) with no other
// refusals: none without the lever, and the share of requests refused grows
// in proportion to it. Over 8 seeds the refused share at 0.5 is half that at
// 1 within 4 binomial standard errors.
TEST(RefusalsNearOperations, TheShareRefusedFollowsTheLever) {
  const int seeds = 8;
  auto shares = [&](double lever) {
    const auto s =
        test::summaries_over_seeds("mali_2022/baseline.yaml",
                                   {"scenario.duration_days=45", "flights.refusal_probability=0",
                                    "flights.refusal_near_operations=" + std::to_string(lever)},
                                   seeds);
    return std::pair{total(test::figure(s, "/protection/flights/refused")),
                     total(test::figure(s, "/protection/flights/requested"))};
  };
  const auto [refused0, requested0] = shares(0.0);
  const auto [refused_half, requested_half] = shares(0.5);
  const auto [refused1, requested1] = shares(1.0);
  EXPECT_EQ(refused0, 0.0);
  ASSERT_GT(requested1, 50.0);
  const double near_ops = refused1 / requested1;  // the share of requests near operations
  EXPECT_GT(near_ops, 0.05);
  EXPECT_LT(near_ops, 0.95);
  const double expected = 0.5 * near_ops;
  const double se = std::sqrt(expected * (1.0 - expected) / requested_half);
  EXPECT_NEAR(refused_half / requested_half, expected, 4.0 * se + 0.02);
}

// Ground denial near the state's operations: with helicopters out of range
// every response goes by road; where FAMa or Wagner operate, the road is
// closed to the peacekeepers at the lever's rate, so fewer convoys go and
// investigations are blocked. None is blocked by denial without the lever.
TEST(GroundDenialNearOperations, ClosesTheRoadToConvoysAndInvestigators) {
  const int seeds = 8;
  auto run = [&](double denial) {
    return test::summaries_over_seeds(
        "mali_2022/baseline.yaml",
        {"scenario.duration_days=60", "response.helicopter_range_km=0",
         "response.ground_denial_near_operations=" + std::to_string(denial)},
        seeds);
  };
  const auto open = run(0.0);
  const auto closed = run(1.0);
  EXPECT_EQ(total(test::figure(open, "/protection/investigations/blocked_by_denial")), 0.0);
  EXPECT_GT(total(test::figure(closed, "/protection/investigations/blocked_by_denial")), 0.0);
  EXPECT_GT(test::paired_z(test::figure(closed, "/protection/responses_by_mode/ground"),
                           test::figure(open, "/protection/responses_by_mode/ground")),
            3.0);
}


// Exactly the requests made where the state operates are refused when the
// lever is 1 and nothing else refuses: each tick of 120 days of the baseline,
// every request made in it is refused if and only if FAMa or Wagner's
// presence in its cell passes operations_presence. (Presence fades at the
// close of a day, after the day's last requests: those are left out.)
TEST(RefusalsNearOperations, AtCertaintyExactlyTheRequestsNearOperationsAreRefused) {
  Simulation sim(test::load_shipped("mali_2022/baseline.yaml",
                                    {"scenario.duration_days=120", "flights.refusal_probability=0",
                                     "flights.refusal_near_operations=1"}));
  const SimulationContext& ctx = sim.context();
  std::vector<bool> seen;
  int near = 0, away = 0;
  while (!sim.finished()) {
    sim.step();
    const auto& incidents = ctx.recorder.incidents();
    seen.resize(incidents.size(), false);
    const bool last_of_day = sim.ticks_done() % ctx.ticks_per_day == 0;
    for (std::size_t id = 0; id < incidents.size(); ++id) {
      const Incident& i = incidents[id];
      if (seen[id] || !i.flight_requested) continue;
      seen[id] = true;
      if (last_of_day) continue;
      bool operations = false;  // counted here, not by the code under test
      for (std::size_t f = 0; f < ctx.factions.size(); ++f) {
        const auto kind = ctx.factions[f].config.kind;
        operations =
            operations || ((kind == scenario::FactionKind::state_forces ||
                            kind == scenario::FactionKind::mercenaries) &&
                           ctx.presence(f, i.cell) > ctx.scenario.control.operations_presence);
      }
      EXPECT_EQ(i.flight_refused, operations) << "incident " << id;
      (operations ? near : away) += 1;
    }
  }
  EXPECT_GT(near, 10);
  EXPECT_GT(away, 10);
}

// A refused flight does not fly: with every request refused and no road
// response, no incident is reached by air and none at all.
TEST(Refusals, ARefusedFlightNeverTakesOff) {
  const auto s = summary_of(test::load_shipped(
      "teaching/flight_delay.yaml", {"flights.delay_hours=0", "flights.refusal_probability=1"}));
  const auto& p = s["protection"];
  EXPECT_GT(p["flights"]["refused"].get<int>(), 20);
  EXPECT_EQ(p["flights"]["refused"].get<int>(), p["flights"]["requested"].get<int>());
  EXPECT_EQ(p["responses_by_mode"]["air"].get<int>(), 0);
  EXPECT_EQ(p["reached"].get<int>(), 0);
}

}  // namespace pocsim
