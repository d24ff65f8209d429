// SPDX-License-Identifier: Apache-2.0
// The direction of the flight-authorisation lever, over many seeds, on the
// teaching scenario that isolates it (scenarios/teaching/flight_delay.yaml).
#include "pocsim/systems/response.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <tuple>

#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/systems/flights.hpp"
#include "pocsim/world/world.hpp"
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

namespace pocsim {

namespace {

// Every incident of `relative` run with `overrides` over seeds 1..seeds,
// with the context it ran in (for figures the summary does not hold).
template <class Fn>
void for_each_run(const std::string& relative, const std::vector<std::string>& overrides, int seeds,
                  Fn&& fn) {
  const auto world = std::make_shared<const world::World>(
      world::build_world(test::load_shipped(relative, overrides)));
  for (int seed = 1; seed <= seeds; ++seed) {
    std::vector<std::string> o = overrides;
    o.push_back("scenario.seed=" + std::to_string(seed));
    Simulation sim(test::load_shipped(relative, o), world);
    sim.run();
    fn(sim);
  }
}

struct Sample {
  double n = 0.0, sum = 0.0, sum2 = 0.0;
  void add(double x) {
    n += 1.0;
    sum += x;
    sum2 += x * x;
  }
  double mean() const { return sum / n; }
  double standard_error() const { return std::sqrt((sum2 - n * mean() * mean()) / (n - 1.0) / n); }
};

}  // namespace

// The own-unit channel, sized: with phone reports off and peacekeeper units
// in range of every incident, an incident is known at the first of two
// exponential clocks, the units' (mean O) and word of mouth (mean S): an
// exponential of mean m = O S / (O + S). Detection comes at the next whole
// tick (one hour), so the mean delay is E[ceil X] = 1 / (1 - exp(-1/m)) hours.
// Over 10 seeds the pooled mean must lie within 4 standard errors of it; with
// the units blind it is word of mouth's, 1 / (1 - exp(-1/S)).
TEST(OwnUnitDetection, DelayIsTheFirstOfTheUnitsAndWordOfMouth) {
  const double own = 3.0, second_hand = 72.0;
  const std::vector<std::string> base{
      "detection.phone_report_share=0", "detection.own_unit_hours=3",
      "detection.second_hand_hours=72", "scenario.duration_days=60"};
  for (const double km : {1000.0, 0.0}) {
    std::vector<std::string> o = base;
    o.push_back("detection.own_unit_km=" + std::to_string(km));
    Sample delay;
    for_each_run("teaching/phone_reports.yaml", o, 10, [&](const Simulation& sim) {
      for (const Incident& i : sim.context().recorder.incidents())
        if (i.reachable && i.detect_tick != never) delay.add(i.detect_tick - i.onset_tick);
    });
    const double m = km > 0.0 ? own * second_hand / (own + second_hand) : second_hand;
    const double expected = 1.0 / (1.0 - std::exp(-1.0 / m));
    ASSERT_GT(delay.n, 200.0);
    EXPECT_NEAR(delay.mean(), expected, 4.0 * delay.standard_error())
        << "own_unit_km " << km << ", " << delay.n << " incidents";
  }
}

// Strikes on the mission's detachments over 10 seeds of `relative` with
// every response by road: a detachment runs the IED risk of a full hour's
// drive at the convoy speed each hour it is on the way (the first strike
// turns it back), so each such hour adds 1 - exp(-per_km km) to the expected
// count and p (1 - p) to its Poisson-binomial variance.
struct ConvoyStrikes {
  double strikes = 0.0, expected = 0.0, variance = 0.0, convoys = 0.0;
};
ConvoyStrikes convoy_strikes(const std::string& relative, std::vector<std::string> overrides,
                             double effective_per_km) {
  overrides.insert(overrides.end(),
                   {"response.helicopter_range_km=0", "response.ground_range_km=1000",
                    "ied.jihadist_factor=1", "ied.deaths=0", "factions.MINUSMA.mobility=offroad"});
  ConvoyStrikes c;
  const auto world = std::make_shared<const world::World>(
      world::build_world(test::load_shipped(relative, overrides)));
  for (int seed = 1; seed <= 10; ++seed) {
    std::vector<std::string> o = overrides;
    o.push_back("scenario.seed=" + std::to_string(seed));
    Simulation sim(test::load_shipped(relative, o), world);
    const SimulationContext& ctx = sim.context();
    const double hour_km = ctx.scenario.response.ground_speed_kmh * ctx.tick_hours;
    const double p = 1.0 - std::exp(-effective_per_km * hour_km);
    while (!sim.finished()) {
      for (std::size_t u = 0; u < ctx.units.size(); ++u)
        if (ctx.units.task[u] == UnitTask::responding) {
          c.expected += p;
          c.variance += p * (1.0 - p);
        }
      sim.step();
    }
    for (const Incident& i : ctx.recorder.incidents()) c.convoys += i.mode == ResponseMode::ground;
    const auto summary = nlohmann::json::parse(summary_json(sim.result()));
    c.strikes += summary["ied_attacks"].get<double>();
  }
  return c;
}

// Detachments run the IED risk, sized: with helicopters out of range every
// response goes by road, and a detachment on the way strikes a device each
// hour with probability 1 - exp(-per_km km) (jihadist_factor 1: the same
// everywhere). MINUSMA's patrols go off-road, so every strike on MINUSMA is
// a detachment's: over 10 seeds their count lies within 4 standard
// deviations (Poisson-binomial) of the sum of those probabilities.
TEST(ConvoyIeds, RoadResponsesStrikeDevicesAtTheirRate) {
  const double per_km = 0.004;
  const ConvoyStrikes c =
      convoy_strikes("teaching/phone_reports.yaml",
                     {"ied.per_km=" + std::to_string(per_km), "scenario.duration_days=60"}, per_km);
  ASSERT_GT(c.convoys, 100.0);
  ASSERT_GT(c.expected, 20.0);
  EXPECT_NEAR(c.strikes, c.expected, 4.0 * std::sqrt(c.variance)) << c.convoys << " convoys";
}

// Route clearance, sized: where a present partner's ISR watches the region
// (Barkhane over Gao and Ménaka in the partners teaching scenario), the
// mission's convoys strike devices at (1 - isr_clearance) per_km; with the
// partner's drones grounded, or with no clearance, at per_km. Each count
// over 10 seeds within 4 standard deviations of its derived mean.
TEST(ConvoyIeds, PartnersIsrClearsTheRoadsWhileItsDronesFly) {
  const double per_km = 0.004;
  const std::vector<std::string> base{"ied.per_km=" + std::to_string(per_km),
                                      "factions.Barkhane.units=0"};
  struct Case {
    std::vector<std::string> overrides;
    double per_km;
  };
  const std::vector<Case> cases{
      {{"ied.isr_clearance=0.6"}, 0.4 * per_km},
      {{"ied.isr_clearance=0"}, per_km},
      {{"ied.isr_clearance=0.6",
        "flights.groundings=[{from: 2022-03-01, to: null, drones_only: true}]"},
       per_km}};
  for (const Case& k : cases) {
    std::vector<std::string> o = base;
    o.insert(o.end(), k.overrides.begin(), k.overrides.end());
    const ConvoyStrikes c = convoy_strikes("teaching/partners.yaml", o, k.per_km);
    ASSERT_GT(c.convoys, 100.0);
    ASSERT_GT(c.expected, 20.0);
    EXPECT_NEAR(c.strikes, c.expected, 4.0 * std::sqrt(c.variance))
        << k.overrides[0] << (k.overrides.size() > 1 ? " with drones grounded" : "");
  }
}

}  // namespace pocsim

namespace pocsim {

// Deterrence by presence, exactly: a perpetrator of kind K in a cell where
// peacekeepers' presence is P is held back to 1 - d_K min(1, P / saturation)
// of its rate, with d_K its own kind's coefficient, whatever the others'.
TEST(PresenceDeterrence, HoldsEachKindBackByItsOwnCoefficient) {
  Simulation sim(test::load_shipped(
      "teaching/presence_deterrence.yaml",
      {"response.presence_deterrence={state_forces: 0.2, mercenaries: 0.4, jihadist: 0.6, "
       "signatory: 0.8}",
       "control.presence_saturation=3"}));
  while (sim.ticks_done() < 3 * sim.context().ticks_per_day) sim.step();
  const SimulationContext& ctx = sim.context();
  Faction perpetrator = ctx.factions.back();
  const std::vector<std::pair<scenario::FactionKind, double>> kinds{
      {scenario::FactionKind::state_forces, 0.2},
      {scenario::FactionKind::mercenaries, 0.4},
      {scenario::FactionKind::jihadist, 0.6},
      {scenario::FactionKind::signatory, 0.8}};
  int partly = 0, fully = 0;
  for (world::CellId c = 0; c < ctx.world.grid.cell_count(); ++c) {
    double peacekeepers = 0.0;
    for (std::size_t f = 0; f < ctx.factions.size(); ++f)
      if (ctx.factions[f].config.kind == scenario::FactionKind::peacekeepers)
        peacekeepers += ctx.presence(f, c);
    const double share = std::min(1.0, peacekeepers / 3.0);
    partly += share > 0.0 && share < 1.0;
    fully += share == 1.0;
    for (const auto& [kind, coefficient] : kinds) {
      perpetrator.config.kind = kind;
      EXPECT_NEAR(deterrence_by_presence(ctx, perpetrator, c), 1.0 - coefficient * share, 1e-6)
          << "cell " << c;
    }
  }
  EXPECT_GT(partly, 10);
  EXPECT_GT(fully, 0);
}

}  // namespace pocsim

namespace pocsim {

// The cost of a fixed authorisation delay, sized. An episode lasts N ticks,
// geometric with P(N > n) = q^n, q = 1 - 1/L (L = episode_hours at one-hour
// ticks), and kills k an hour while it lasts; a response arriving R ticks
// after the onset (R counting the onset's tick) stops it with probability s.
// Then E[deaths | R] = k (E[N] - s E[(N - R)+]) = k L (1 - s q^R), and a
// delay of W more hours costs k L s q^R (1 - q^W). Summed over the incidents
// of the run without delay (R from their arrivals, none where nobody
// arrived), that predicts the extra deaths of the run with a W-hour delay.
// Over 30 paired seeds, the mean observed extra deaths must lie within 10%
// of the mean predicted (helicopters busy at another time and villages
// emptied by other deaths make the two runs differ a little beyond the
// derivation), and within 4 standard errors of the per-seed differences.
TEST(FlightAuthorisation, ExtraDeathsOfADelayMatchTheDerivedCost) {
  const double k = 0.3, L = 48.0, s = 0.9, W = 24.0;
  const double q = 1.0 - 1.0 / L;
  const int seeds = 30;
  const auto world = std::make_shared<const world::World>(
      world::build_world(test::load_shipped("teaching/flight_delay.yaml")));
  auto run = [&](int delay, int seed, double* predicted) {
    Simulation sim(
        test::load_shipped("teaching/flight_delay.yaml",
                           {"flights.delay_hours=" + std::to_string(delay),
                            "scenario.seed=" + std::to_string(seed), "scenario.duration_days=90"}),
        world);
    sim.run();
    const SimulationContext& ctx = sim.context();
    // Incidents that began 20 days or more before the end, so that the end
    // of the run cuts none short (odds e^-10).
    const std::uint32_t cutoff = sim.total_ticks() - 20 * ctx.ticks_per_day;
    double deaths = 0.0;
    for (const Incident& i : ctx.recorder.incidents()) {
      if (i.onset_tick >= cutoff) continue;
      deaths += i.civilian_deaths;
      if (predicted && i.arrival_tick != never)
        *predicted +=
            k * L * s * std::pow(q, i.arrival_tick - i.onset_tick + 1.0) * (1.0 - std::pow(q, W));
    }
    return deaths;
  };
  Sample gap;
  double observed = 0.0, predicted = 0.0;
  for (int seed = 1; seed <= seeds; ++seed) {
    double predicted_here = 0.0;
    const double extra = run(24, seed, nullptr) - run(0, seed, &predicted_here);
    observed += extra / seeds;
    predicted += predicted_here / seeds;
    gap.add(extra - predicted_here);
  }
  ASSERT_GT(predicted, 100.0);
  EXPECT_NEAR(observed, predicted, 0.10 * predicted);
  EXPECT_LT(std::abs(gap.mean()), 4.0 * gap.standard_error() + 0.02 * predicted)
      << "observed " << observed << ", predicted " << predicted;
}

}  // namespace pocsim

namespace pocsim {

// Deterrence by partners' presence, exactly: on three days of the 2022
// baseline (Barkhane, Takuba and the European contingents patrol the north
// and centre), a perpetrator of kind K is held back to
// (1 - d_K min(1, P_pk / s)) (1 - e_K min(1, P_partners / s)), with d the
// peacekeepers' and e the partners' coefficients.
TEST(PresenceDeterrence, PartnersHoldViolenceBackByTheirOwnCoefficients) {
  Simulation sim(test::load_shipped(
      "mali_2022/baseline.yaml",
      {"response.presence_deterrence={state_forces: 0.1, mercenaries: 0.2, jihadist: 0.3, "
       "signatory: 0.4}",
       "response.partner_deterrence={state_forces: 0.5, mercenaries: 0.6, jihadist: 0.7, "
       "signatory: 0.8}",
       "control.presence_saturation=2"}));
  while (sim.ticks_done() < 3 * sim.context().ticks_per_day) sim.step();
  const SimulationContext& ctx = sim.context();
  Faction perpetrator = ctx.factions.front();
  int both = 0;
  for (world::CellId c : ctx.world.land_cells) {
    double peacekeepers = 0.0, partners = 0.0;
    for (std::size_t f = 0; f < ctx.factions.size(); ++f) {
      const auto kind = ctx.factions[f].config.kind;
      if (kind == scenario::FactionKind::peacekeepers) peacekeepers += ctx.presence(f, c);
      if (kind == scenario::FactionKind::partner) partners += ctx.presence(f, c);
    }
    const double pk = std::min(1.0, peacekeepers / 2.0), pt = std::min(1.0, partners / 2.0);
    both += pk > 0.0 && pt > 0.0;
    const std::vector<std::tuple<scenario::FactionKind, double, double>> kinds{
        {scenario::FactionKind::state_forces, 0.1, 0.5},
        {scenario::FactionKind::mercenaries, 0.2, 0.6},
        {scenario::FactionKind::jihadist, 0.3, 0.7},
        {scenario::FactionKind::signatory, 0.4, 0.8}};
    for (const auto& [kind, d, e] : kinds) {
      perpetrator.config.kind = kind;
      EXPECT_NEAR(deterrence_by_presence(ctx, perpetrator, c), (1.0 - d * pk) * (1.0 - e * pt),
                  1e-6)
          << "cell " << c;
    }
  }
  EXPECT_GT(both, 5);
}

}  // namespace pocsim
