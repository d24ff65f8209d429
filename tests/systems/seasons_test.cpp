// SPDX-License-Identifier: Apache-2.0
// Seasons (engine/src/systems/seasons.cpp): the rainy season of
// scenarios/teaching/seasons.yaml slows the JNIM groups' roaming across
// country, more on flooded ground, only between its dates, and grounds the
// helicopters on some of its days.
//
// Statistics: paired over 30 seeds (the season as written against the same
// seeds without it), the paired t statistic of the differences beyond 3 in
// the expected direction (one-sided, P(t_29 > 3) = 0.27% with no effect),
// and an effect one can see: the mean moves by at least 20% (a factor of 0.5
// on the speed is expected to cut the distance by about half).
#include "pocsim/systems/seasons.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pocsim/calibration/statistics.hpp"
#include "pocsim/output/outcomes.hpp"
#include "pocsim/scenario/loader.hpp"
#include "pocsim/simulation.hpp"
#include "support/paired.hpp"
#include "support/process.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

constexpr int season_seeds = 30;
constexpr double season_t = 3.0;
constexpr double season_visible_change = 0.20;

const char* const teaching_file = "teaching/seasons.yaml";

// Kilometres moved per unit and tick by the JNIM groups roaming across
// country, counted separately for steps that start on flooded ground (the
// inner delta or the river) and elsewhere.
struct Roaming {
  double dry_km = 0.0;
  double flooded_km = 0.0;
};

Roaming roaming(const std::shared_ptr<const world::World>& world, int seed,
                std::vector<std::string> overrides) {
  overrides.push_back("scenario.seed=" + std::to_string(seed));
  Simulation sim(test::load_shipped(teaching_file, overrides), world);
  const SimulationContext& ctx = sim.context();
  double dry_km = 0.0, flooded_km = 0.0;
  long dry_steps = 0, flooded_steps = 0;
  while (!sim.finished()) {
    std::vector<float> x(ctx.units.x.begin(), ctx.units.x.end());
    std::vector<float> y(ctx.units.y.begin(), ctx.units.y.end());
    std::vector<world::CellId> cell(ctx.units.cell.begin(), ctx.units.cell.end());
    std::vector<UnitTask> task(ctx.units.task.begin(), ctx.units.task.end());
    sim.step();
    for (std::size_t u = 0; u < ctx.units.size(); ++u) {
      const Faction& f = ctx.factions[ctx.units.faction[u]];
      if (f.config.mobility != scenario::Mobility::offroad || !ctx.units.active(u) ||
          task[u] != UnitTask::patrol || ctx.units.task[u] != UnitTask::patrol)
        continue;
      const double km = std::hypot(ctx.units.x[u] - x[u], ctx.units.y[u] - y[u]);
      const bool flooded =
          ctx.world.terrain[cell[u]] == world::Terrain::delta || ctx.world.on_river[cell[u]] != 0;
      (flooded ? flooded_km : dry_km) += km;
      ++(flooded ? flooded_steps : dry_steps);
    }
  }
  return {dry_steps ? dry_km / static_cast<double>(dry_steps) : 0.0,
          flooded_steps ? flooded_km / static_cast<double>(flooded_steps) : 0.0};
}

struct Paired {
  std::vector<double> as_written, changed;
};

void expect_falls(const Paired& p, const std::string& what) {
  const double a = calibration::mean(p.as_written), b = calibration::mean(p.changed);
  const double t = test::paired_z(p.as_written, p.changed);
  EXPECT_GT(t, season_t) << what << ": mean with the season " << a << ", without " << b;
  EXPECT_LT(a, (1.0 - season_visible_change) * b)
      << what << ": mean with the season " << a << ", without " << b;
}

std::shared_ptr<const world::World> teaching_world() {
  return std::make_shared<const world::World>(
      world::build_world(test::load_shipped(teaching_file)));
}

// The roaming of `season` runs against runs with no slowing at all, seed by
// seed: {dry ground, flooded ground}.
std::pair<Paired, Paired> roaming_against_no_slowing(const std::string& season) {
  const auto world = teaching_world();
  Paired dry, flooded;
  for (int seed = 1; seed <= season_seeds; ++seed) {
    const Roaming with = roaming(world, seed, {season});
    const Roaming none =
        roaming(world, seed,
                {"seasons.rainy.offroad_speed_factor=1", "seasons.rainy.flooded_speed_factor=1"});
    dry.as_written.push_back(with.dry_km);
    dry.changed.push_back(none.dry_km);
    flooded.as_written.push_back(with.flooded_km);
    flooded.changed.push_back(none.flooded_km);
  }
  return {dry, flooded};
}

}  // namespace

// The season's factor on the speed across country shortens every roaming step,
// on dry ground as on flooded ground.
TEST(Seasons, RainSlowsMovementAcrossCountry) {
  // The rain alone: the flood factor set to 1.
  const auto [dry, flooded] = roaming_against_no_slowing("seasons.rainy.flooded_speed_factor=1");
  expect_falls(dry, "km per step on dry ground");
  expect_falls(flooded, "km per step on flooded ground");
}

// The flood factor shortens the steps that start on the inner delta or the
// river, and leaves those on dry ground alone (within 5%: the groups roam the
// same targets, only more slowly across the flood).
TEST(Seasons, FloodSlowsOnlyFloodedGround) {
  const auto [dry, flooded] = roaming_against_no_slowing("seasons.rainy.offroad_speed_factor=1");
  expect_falls(flooded, "km per step on flooded ground");
  const double a = calibration::mean(dry.as_written), b = calibration::mean(dry.changed);
  EXPECT_NEAR(a, b, 0.05 * b) << "km per step on dry ground changed with the flood alone";
}

// A season acts between its dates only, both included; seasons that overlap
// compound.
TEST(Seasons, EffectsHoldBetweenTheDatesOnly) {
  // The run starts on 1 July; the season is moved to 10-19 July.
  Simulation sim(test::load_shipped(
      teaching_file, {"seasons.rainy.from=2022-07-10", "seasons.rainy.to=2022-07-19"}));
  const SimulationContext& ctx = sim.context();
  EXPECT_EQ(season_effects(ctx, 8).offroad_speed, 1.0);
  EXPECT_EQ(season_effects(ctx, 9).offroad_speed, 0.5);
  EXPECT_EQ(season_effects(ctx, 9).flooded_speed, 0.5);
  EXPECT_EQ(season_effects(ctx, 9).flights_grounded_share, 0.5);
  EXPECT_EQ(season_effects(ctx, 18).offroad_speed, 0.5);
  EXPECT_EQ(season_effects(ctx, 19).offroad_speed, 1.0);
  EXPECT_EQ(season_effects(ctx, 19).flights_grounded_share, 0.0);

  scenario::Scenario two = test::load_shipped(teaching_file);
  two.seasons.push_back(two.seasons.front());
  two.seasons.back().name = "flood";
  Simulation both(two);
  EXPECT_DOUBLE_EQ(season_effects(both.context(), 0).offroad_speed, 0.25);
  EXPECT_DOUBLE_EQ(season_effects(both.context(), 0).flooded_speed, 0.25);
  EXPECT_DOUBLE_EQ(season_effects(both.context(), 0).flights_grounded_share, 0.75);
}

// Over the season the weather grounds flights on about its share of days
// (0.5 as written; 60 days, 30 seeds: 1,800 days, so the share lies within
// 0.04 of it unless the draws are wrong, 3.4 standard errors), the same for
// every tick of a day, and on none when the share is 0.
TEST(Seasons, WeatherGroundsFlightsOnItsShareOfDays) {
  int grounded_days = 0, days = 0;
  for (int seed = 1; seed <= season_seeds; ++seed) {
    Simulation sim(test::load_shipped(teaching_file, {"scenario.seed=" + std::to_string(seed)}));
    const SimulationContext& ctx = sim.context();
    for (std::uint32_t day = 0; day < 60; ++day, ++days) {
      const std::uint32_t first = day * ctx.ticks_per_day;
      const bool grounded = weather_grounds_flights(ctx, first);
      grounded_days += grounded ? 1 : 0;
      for (std::uint32_t tick = first + 1; tick < first + ctx.ticks_per_day; ++tick)
        ASSERT_EQ(weather_grounds_flights(ctx, tick), grounded)
            << "day " << day << " tick " << tick;
    }
  }
  EXPECT_NEAR(static_cast<double>(grounded_days) / days, 0.5, 0.04);

  Simulation clear(test::load_shipped(teaching_file, {"seasons.rainy.flights_grounded_share=0"}));
  for (std::uint32_t day = 0; day < 60; ++day)
    EXPECT_FALSE(weather_grounds_flights(clear.context(), day * clear.context().ticks_per_day));
}

// Fewer flying days mean later arrivals: with the weather grounding helicopters
// one day in two, the first arrival at a raid comes later than under a clear
// sky, over 30 paired seeds.
TEST(Seasons, GroundedDaysDelayTheResponse) {
  const auto world = teaching_world();
  Paired hours;
  for (int seed = 1; seed <= season_seeds; ++seed) {
    for (const bool rain : {true, false}) {
      std::vector<std::string> o{"scenario.seed=" + std::to_string(seed)};
      if (!rain) o.push_back("seasons.rainy.flights_grounded_share=0");
      Simulation sim(test::load_shipped(teaching_file, o), world);
      sim.run();
      // Kept by name: number() points into the outcomes.
      const Outcomes outcomes = collect_outcomes(sim.result());
      const double* h = outcomes.number("protection.hours_to_first_arrival.mean");
      ASSERT_NE(h, nullptr);
      (rain ? hours.changed : hours.as_written).push_back(*h);
    }
  }
  // Here the season is the change: `changed` holds the rainy runs.
  const double a = calibration::mean(hours.as_written), b = calibration::mean(hours.changed);
  EXPECT_GT(test::paired_z(hours.as_written, hours.changed), season_t)
      << "hours to first arrival: clear sky " << a << ", rainy " << b;
  // Detection takes its hours whatever the weather, so the visible change is
  // smaller than on movement: at least 5%.
  EXPECT_GT(b, 1.05 * a) << "hours to first arrival: clear sky " << a << ", rainy " << b;
}

// No season, no change: a scenario without `seasons:` moves and flies as one
// whose season changes nothing (the weather's draws use a stream of their own).
TEST(Seasons, ANeutralSeasonChangesNothing) {
  const auto world = teaching_world();
  scenario::Scenario none = test::load_shipped(teaching_file);
  none.seasons.clear();
  scenario::Scenario neutral =
      test::load_shipped(teaching_file, {"seasons.rainy.offroad_speed_factor=1",
                                         "seasons.rainy.flooded_speed_factor=1",
                                         "seasons.rainy.flights_grounded_share=0"});
  Simulation a(none, world), b(neutral, world);
  a.run();
  b.run();
  const Outcomes oa = collect_outcomes(a.result()), ob = collect_outcomes(b.result());
  for (const char* name : {"civilian_deaths.total", "protection.hours_to_first_arrival.mean"})
    EXPECT_EQ(*oa.number(name), *ob.number(name)) << name;
}

// A season that ends before it starts, or a name used twice, is an error at
// its key, as bad input is everywhere (FILE:LINE:COL: error: KEY.PATH: ...).
TEST(Seasons, BadSeasonsAreErrorsAtTheirKeys) {
  const auto load = [](const std::vector<std::string>& sets) {
    std::vector<scenario::Override> overrides;
    for (const std::string& s : sets) overrides.push_back(*scenario::Override::parse(s));
    return scenario::load_scenario(test::source_path("scenarios/teaching/seasons.yaml"), overrides);
  };
  const auto backwards = load({"seasons.rainy.to=2022-06-30"});
  EXPECT_FALSE(backwards.scenario);
  ASSERT_EQ(backwards.diagnostics.items().size(), 1u);
  EXPECT_EQ(backwards.diagnostics.items()[0].key_path, "seasons.rainy.to");
  EXPECT_NE(backwards.diagnostics.items()[0].message.find("ends before it starts"),
            std::string::npos);
  EXPECT_TRUE(load({}).scenario);
}

}  // namespace pocsim
