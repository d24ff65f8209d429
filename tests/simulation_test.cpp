// SPDX-License-Identifier: Apache-2.0
#include "pocsim/simulation.hpp"

#include <gtest/gtest.h>

#include "pocsim/output/run_files.hpp"
#include "pocsim/systems/context.hpp"
#include "pocsim/systems/displacement.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

// The baseline made violent enough in a few weeks that people die, flee and
// return, so that conservation is tested where it can break.
scenario::Scenario violent_baseline(int days) {
  return test::load_shipped("mali_2022/baseline.yaml",
                            {"scenario.duration_days=" + std::to_string(days),
                             "civilians.people_per_agent=100", "factions.FAMa.abuse_rate=0.3",
                             "factions.Wagner.abuse_rate=1.0", "factions.JNIM.abuse_rate=0.2",
                             "civilians.return_probability=0.3", "combat.engage_probability=0.2"});
}

}  // namespace

TEST(Simulation, EveryCivilianIsAccountedForAtEveryStep) {
  Simulation sim(violent_baseline(20));
  const std::int64_t population = sim.population();
  EXPECT_EQ(population, 22'600'000);
  std::int64_t peak_displaced = 0, returned_days = 0, last_displaced = 0;
  while (!sim.finished()) {
    sim.step();
    const CivilianCensus c = sim.census();
    ASSERT_EQ(c.at_home() + c.displaced() + c.killed, population) << "tick " << sim.ticks_done();
    peak_displaced = std::max(peak_displaced, c.displaced());
    if (c.displaced() < last_displaced) ++returned_days;
    last_displaced = c.displaced();
  }
  const CivilianCensus end = sim.census();
  const RunResult result = sim.result();
  const RunTotals& totals = result.recorder.totals();
  std::int64_t recorded = totals.crossfire_deaths;
  for (std::int64_t d : totals.civilian_deaths_by_faction) recorded += d;
  // The scenario must exercise every flow, or the test proves nothing.
  EXPECT_GT(end.killed, 100);
  EXPECT_GT(peak_displaced, 1000);
  EXPECT_GT(returned_days, 0);
  EXPECT_EQ(recorded, end.killed);
  EXPECT_EQ(totals.displaced_end, end.displaced());
}

TEST(Simulation, SerialReferenceAndParallelPathGiveIdenticalResults) {
  const scenario::Scenario s = violent_baseline(30);
  Simulation serial(s, ExecutionMode::serial);
  Simulation parallel(s, ExecutionMode::parallel);
  serial.run();
  parallel.run();
  const RunResult a = serial.result(), b = parallel.result();
  EXPECT_GT(a.recorder.events().size(), 100u);
  EXPECT_EQ(summary_json(a), summary_json(b));
  EXPECT_EQ(events_csv(a), events_csv(b));
  EXPECT_EQ(timeseries_csv(a), timeseries_csv(b));
}

TEST(Simulation, UnitsDeployAndWithdrawOnTheirDates) {
  scenario::Scenario s = test::load_shipped(
      "mali_2022/baseline.yaml",
      {"scenario.duration_days=3", "civilians.people_per_agent=255",
       "factions.Barkhane.withdrawal_date=2022-01-02", "factions.Wagner.arrival_date=2022-01-03"});
  Simulation sim(s);
  auto deployed = [&](const std::string& name) {
    const SimulationContext& ctx = sim.context();
    int n = 0;
    for (std::size_t u = 0; u < ctx.units.size(); ++u)
      if (ctx.factions[ctx.units.faction[u]].config.name == name && ctx.units.deployed(u)) ++n;
    return n;
  };
  EXPECT_EQ(deployed("Barkhane"), 17);
  EXPECT_EQ(deployed("Wagner"), 0);
  for (int t = 0; t < 24; ++t) sim.step();  // end of 1 January
  EXPECT_EQ(deployed("Barkhane"), 0);
  EXPECT_EQ(deployed("Wagner"), 0);
  for (int t = 0; t < 24; ++t) sim.step();  // end of 2 January
  EXPECT_EQ(deployed("Wagner"), 10);
}

TEST(Simulation, RoadPatrolsStayOnRoadCells) {
  scenario::Scenario s = test::load_shipped(
      "mali_2022/baseline.yaml", {"scenario.duration_days=5", "civilians.people_per_agent=255"});
  Simulation sim(s);
  std::int64_t on_road = 0, off_road = 0;
  while (!sim.finished()) {
    sim.step();
    const SimulationContext& ctx = sim.context();
    for (std::size_t u = 0; u < ctx.units.size(); ++u) {
      const Faction& f = ctx.factions[ctx.units.faction[u]];
      // Units whose base has no road (Ber, Nara, Diré), and a road force's
      // off-road patrols (offroad_patrol_share), patrol across country.
      if (ctx.units.task[u] != UnitTask::patrol || f.config.mobility != scenario::Mobility::road ||
          ctx.world.road_links[ctx.units.base_town[u]].empty() || ctx.units.roams[u] != 0)
        continue;
      (ctx.world.on_road[ctx.units.cell[u]] ||
               ctx.world.terrain[ctx.units.cell[u]] == world::Terrain::town
           ? on_road
           : off_road)++;
    }
  }
  EXPECT_GT(on_road, 10000);
  // A straight leg between town centres can graze a cell the trace skipped.
  EXPECT_LT(static_cast<double>(off_road), 0.01 * static_cast<double>(on_road));
}

}  // namespace pocsim
