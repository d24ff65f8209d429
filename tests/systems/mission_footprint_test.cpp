// SPDX-License-Identifier: Apache-2.0
// The mission's footprint (issue 22): bases opened by strength and closed on
// their dates (systems/deployment.cpp, agents/factions.cpp), off-road
// patrols of a road force (systems/movement.cpp), and the quick-reaction
// force as a real detachment sent by road (systems/response.cpp), each alone
// on scenarios/teaching/mission_footprint.yaml.
//
// Statistics: paired over 30 seeds (the file as written against one change),
// the paired t statistic beyond 3 in the expected direction (one-sided,
// P(t_29 > 3) = 0.27% with no effect), and a change one can see: at least 5%
// of the mean as written.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "pocsim/calibration/statistics.hpp"
#include "pocsim/output/outcomes.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/systems/context.hpp"
#include "pocsim/world/world.hpp"
#include "support/paired.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

constexpr int footprint_seeds = 30;
constexpr double footprint_t = 3.0;
constexpr double footprint_visible_change = 0.05;
const char* const footprint_file = "teaching/mission_footprint.yaml";

std::shared_ptr<const world::World> footprint_world() {
  static const auto world =
      std::make_shared<const world::World>(world::build_world(test::load_shipped(footprint_file)));
  return world;
}

// One outcome of summary.json over the seeds, with the overrides.
std::vector<double> over_seeds(const std::string& outcome, std::vector<std::string> overrides) {
  std::vector<double> values;
  overrides.push_back("");
  for (int seed = 1; seed <= footprint_seeds; ++seed) {
    overrides.back() = "scenario.seed=" + std::to_string(seed);
    Simulation sim(test::load_shipped(footprint_file, overrides), footprint_world());
    sim.run();
    const Outcomes outcomes = collect_outcomes(sim.result());  // kept: number() points into it
    const double* value = outcomes.number(outcome);
    values.push_back(value ? *value : NAN);
  }
  return values;
}

// The change raises (direction +1) or lowers (-1) the outcome, beyond the
// noise and by a visible amount.
void expect_moves(const std::string& outcome, const std::string& change, int direction) {
  const auto as_written = over_seeds(outcome, {});
  const auto changed = over_seeds(outcome, {change});
  const double a = calibration::mean(as_written), b = calibration::mean(changed);
  EXPECT_GT(direction * test::paired_z(as_written, changed), footprint_t)
      << outcome << " with " << change << ": " << a << " -> " << b;
  EXPECT_GT(direction * (b - a), footprint_visible_change * a)
      << outcome << " with " << change << ": " << a << " -> " << b;
}

std::vector<std::string> base_names(const SimulationContext& ctx, const std::vector<int>& towns) {
  std::vector<std::string> names;
  for (int t : towns) names.push_back(ctx.world.places.towns[static_cast<std::size_t>(t)].name);
  return names;
}

}  // namespace

// One base per units_per_base units, from the bases and then the temporary
// bases in their order, never more than are listed; 0 keeps every listed base.
TEST(MissionFootprint, BasesFollowTheUnits) {
  auto bases_with = [&](std::vector<std::string> overrides) {
    Simulation sim(test::load_shipped(footprint_file, overrides), footprint_world());
    return base_names(sim.context(), sim.context().factions[0].bases);
  };
  using names = std::vector<std::string>;
  EXPECT_EQ(bases_with({}),
            (names{"Sévaré", "Douentza", "Bandiagara", "Bankass", "Koro", "Djenné"}));
  EXPECT_EQ(bases_with({"factions.MINUSMA.units=3"}), (names{"Sévaré", "Douentza"}));
  EXPECT_EQ(bases_with({"factions.MINUSMA.units=1"}), (names{"Sévaré"}));
  EXPECT_EQ(bases_with({"factions.MINUSMA.units=100"}).size(), 8u);
  EXPECT_EQ(
      bases_with({"factions.MINUSMA.units_per_base=0", "factions.MINUSMA.temporary_bases=[]"}),
      (names{"Sévaré", "Douentza", "Bandiagara"}));
}

// The share of off-road patrollers is spread through the units; they stay
// within their patrol radius of their base (plus one tick's move).
TEST(MissionFootprint, OffroadPatrolsRoamAroundTheirBase) {
  Simulation sim(test::load_shipped(footprint_file), footprint_world());
  const SimulationContext& ctx = sim.context();
  int roaming = 0;
  for (std::size_t u = 0; u < ctx.units.size(); ++u)
    if (ctx.units.faction[u] == 0) roaming += ctx.units.roams[u];
  EXPECT_EQ(roaming, 6);  // half of 12
  double farthest = 0.0;
  bool left_the_road = false;
  for (int tick = 0; tick < 24 * 10; ++tick) {
    sim.step();
    for (std::size_t u = 0; u < ctx.units.size(); ++u) {
      if (ctx.units.faction[u] != 0 || ctx.units.roams[u] == 0 ||
          ctx.units.task[u] != UnitTask::patrol)
        continue;
      const geo::PointKm base = ctx.world.grid.center(ctx.world.town_cell[ctx.units.base_town[u]]);
      farthest = std::max(farthest, geo::distance_km(base, {ctx.units.x[u], ctx.units.y[u]}));
      left_the_road |= ctx.units.from_town[u] == ctx.units.to_town[u] &&
                       geo::distance_km(base, {ctx.units.x[u], ctx.units.y[u]}) > 5.0;
    }
  }
  EXPECT_LE(farthest, 40.0 + 8.0);
  EXPECT_TRUE(left_the_road);
}

// Fewer, larger bases: patrols cover less of the region and more raids start.
TEST(MissionFootprint, MoreBasesDeterMoreRaids) {
  expect_moves("incidents.violent_episodes", "factions.MINUSMA.units_per_base=6", +1);
}

// Patrols kept on the roads leave the villages between them to the raiders.
TEST(MissionFootprint, OffroadPatrolsDeterRaids) {
  expect_moves("incidents.violent_episodes", "factions.MINUSMA.offroad_patrol_share=0", +1);
}

// Without a detachment within reach, nothing is reached by road.
TEST(MissionFootprint, TheQuickReactionForceAnswersByRoad) {
  const auto none = over_seeds("protection.reached", {"response.ground_range_km=0"});
  EXPECT_EQ(calibration::mean(none), 0.0);
  expect_moves("protection.reached", "response.ground_range_km=0", -1);
}

// The force is the units actually there: a smaller mission reaches fewer
// incidents (its detachments are farther away and more often busy).
TEST(MissionFootprint, ASmallerMissionReachesFewerIncidents) {
  expect_moves("protection.reached", "factions.MINUSMA.units=4", -1);
}

// A detachment is a unit on the road: IEDs on the way stop some of them.
TEST(MissionFootprint, IedsStopDetachments) {
  expect_moves("protection.reached", "ied.per_km=0.0005", -1);
}

// A detachment drives at the convoy speed, one unit per ground response.
TEST(MissionFootprint, ADetachmentDrivesAtTheConvoySpeed) {
  Simulation sim(test::load_shipped(footprint_file), footprint_world());
  const SimulationContext& ctx = sim.context();
  int responding_ticks = 0;
  while (!sim.finished()) {
    std::vector<float> x(ctx.units.x.begin(), ctx.units.x.end());
    std::vector<float> y(ctx.units.y.begin(), ctx.units.y.end());
    std::vector<UnitTask> task(ctx.units.task.begin(), ctx.units.task.end());
    sim.step();
    for (std::size_t u = 0; u < ctx.units.size(); ++u) {
      if (task[u] != UnitTask::responding || ctx.units.task[u] != UnitTask::responding) continue;
      ++responding_ticks;
      EXPECT_LE(std::hypot(ctx.units.x[u] - x[u], ctx.units.y[u] - y[u]), 25.0 + 1e-3);
    }
  }
  EXPECT_GT(responding_ticks, 0);
}

// Bases open and close on their dates: units wait for their base to open;
// on a handover the units move to the nearest base still open, the camp
// becomes a base of the faction that takes it, and a faction whose last base
// closes leaves.
TEST(MissionFootprint, BasesOpenAndCloseOnTheirDates) {
  scenario::Scenario s = test::load_shipped(footprint_file);
  scenario::FactionSection& mission = s.factions[0];
  mission.units = 6;  // three bases: Sévaré, Douentza, Bandiagara
  mission.base_dates = {
      {.town = "Douentza", .opens = std::nullopt, .closes = Date{2022, 3, 5}, .handed_to = "FAMa"},
      {.town = "Bandiagara",
       .opens = Date{2022, 3, 10},
       .closes = Date{2022, 3, 25},
       .handed_to = std::nullopt},
      {.town = "Sévaré",
       .opens = std::nullopt,
       .closes = Date{2022, 3, 20},
       .handed_to = std::nullopt}};
  scenario::FactionSection army = mission;
  army.name = "FAMa";
  army.kind = scenario::FactionKind::state_forces;
  army.units = 2;
  army.bases = {"Mopti"};
  army.units_per_base = 0;
  army.temporary_bases.clear();
  army.base_dates.clear();
  army.offroad_patrol_share = 0.0;
  s.factions.push_back(army);
  Simulation sim(s, footprint_world());
  const SimulationContext& ctx = sim.context();
  const int douentza = ctx.world.places.find_town("Douentza");
  const int bandiagara = ctx.world.places.find_town("Bandiagara");
  auto based_at = [&](std::uint16_t f, int town) {
    int n = 0;
    for (std::size_t u = 0; u < ctx.units.size(); ++u)
      n += ctx.units.faction[u] == f && ctx.units.base_town[u] == town &&
           ctx.units.task[u] != UnitTask::withdrawn;
    return n;
  };
  auto waiting = [&](std::uint16_t f) {
    int n = 0;
    for (std::size_t u = 0; u < ctx.units.size(); ++u)
      n += ctx.units.faction[u] == f && ctx.units.task[u] == UnitTask::waiting;
    return n;
  };
  const int sevare = ctx.world.places.find_town("Sévaré");
  int day_now = 0;
  auto run_to_day = [&](int day) {  // day 0 is 1 March
    for (; day_now < day; ++day_now)
      for (std::uint32_t t = 0; t < ctx.ticks_per_day; ++t) sim.step();
  };
  auto withdrawn = [&](std::uint16_t f) {
    int n = 0;
    for (std::size_t u = 0; u < ctx.units.size(); ++u)
      n += ctx.units.faction[u] == f && ctx.units.task[u] == UnitTask::withdrawn;
    return n;
  };
  EXPECT_EQ(based_at(0, douentza), 2);
  EXPECT_EQ(waiting(0), 2);  // Bandiagara's two wait for 10 March
  run_to_day(6);             // 7 March: Douentza was handed over on the 5th
  EXPECT_EQ(based_at(0, douentza), 0);
  EXPECT_EQ(based_at(0, sevare), 4);    // the nearest base still open
  EXPECT_EQ(based_at(2, douentza), 1);  // the army's nearest company took the camp
  EXPECT_EQ(waiting(0), 2);
  run_to_day(11);  // 12 March
  EXPECT_EQ(waiting(0), 0);
  EXPECT_EQ(based_at(0, bandiagara), 2);
  run_to_day(21);  // 22 March: Sévaré closed on the 20th, nobody took it
  EXPECT_EQ(based_at(0, sevare), 0);
  EXPECT_EQ(based_at(0, bandiagara), 6);
  EXPECT_EQ(based_at(2, sevare), 0);
  EXPECT_EQ(withdrawn(0), 0);
  run_to_day(26);  // 27 March: the last base closed on the 25th: the mission left
  EXPECT_EQ(withdrawn(0), 6);
  EXPECT_EQ(withdrawn(2), 0);
}

}  // namespace pocsim
