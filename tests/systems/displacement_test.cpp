// SPDX-License-Identifier: Apache-2.0
// Displacement over many seeds, on the teaching scenario that isolates it
// (scenarios/teaching/displacement.yaml).
#include "pocsim/systems/displacement.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "pocsim/core/executor.hpp"
#include "pocsim/scenario/sections/civilians.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/systems/civilian_harm.hpp"
#include "pocsim/systems/context.hpp"
#include "pocsim/world/geo.hpp"
#include "support/levers.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

// A month of the 2022 baseline with heavy abuse and quick returns: people
// are killed at home and away, flee, come back and gain grievance.
static scenario::Scenario violent_month() {
  return test::load_shipped("mali_2022/baseline.yaml",
                            {"scenario.duration_days=30", "civilians.people_per_agent=100",
                             "factions.FAMa.abuse_rate=0.3", "factions.Wagner.abuse_rate=1.0",
                             "factions.JNIM.abuse_rate=0.2", "civilians.return_probability=0.3"});
}

// 20 paired seeds: a lower risk threshold (the file's flee_risk, against ten
// times higher) displaces more people at the peak; paired mean difference
// more than 3 standard errors above zero.
TEST(DisplacementTeaching, ALowerRiskThresholdDisplacesMorePeople) {
  const int seeds = 20;
  const auto high = test::summaries_over_seeds("teaching/displacement.yaml",
                                               {"civilians.flee_risk=0.003"}, seeds);
  const auto low = test::summaries_over_seeds("teaching/displacement.yaml", {}, seeds);
  EXPECT_GT(test::paired_z(test::figure(high, "/population/displaced_peak"),
                           test::figure(low, "/population/displaced_peak")),
            3.0);
}

// The daily pass reads the agent arrays in runs, words and vectors to go
// faster, and takes the cell of a group still away from the day before's list;
// every day of a violent month (people are killed at home and away, flee, return and
// gain grievance) its index, residents and census must equal a plain recount,
// one agent at a time, the grievance sums to the bit (same additions in the
// same order: agent order within blocks of Executor::default_block, blocks in
// order).
TEST(DisplacementIndex, EqualsAPlainRecountEveryDay) {
  Simulation sim(violent_month());
  const SimulationContext& ctx = sim.context();
  const Civilians& civ = ctx.civilians;
  const std::size_t regions = ctx.world.places.region_names.size();
  std::size_t days_with_displaced = 0, days_with_grievance = 0;
  std::size_t fled = 0, returned = 0, killed_away = 0;
  std::vector<CivilianStatus> status_before = civ.status;
  std::vector<std::uint8_t> alive_before = civ.alive;
  while (!sim.finished()) {
    sim.step();
    if (sim.ticks_done() % ctx.ticks_per_day != 0) continue;

    std::vector<std::pair<world::CellId, std::uint32_t>> displaced;
    std::vector<std::int64_t> residents(ctx.world.grid.cell_count(), 0);
    std::vector<std::int64_t> at_home(regions, 0), away(regions, 0);
    std::vector<double> grievance(regions, 0.0);
    std::vector<std::vector<double>> grievance_by_block(Executor::block_count(civ.size()),
                                                        std::vector<double>(regions, 0.0));
    std::int64_t killed = 0;
    bool any_grievance = false;
    for (std::size_t a = 0; a < civ.size(); ++a) {
      const auto r = static_cast<std::size_t>(ctx.world.region[civ.home[a]]);
      residents[civ.cell[a]] += civ.alive[a];
      if (civ.status[a] == CivilianStatus::at_home) {
        at_home[r] += civ.alive[a];
      } else {
        away[r] += civ.alive[a];
        if (civ.alive[a] > 0) displaced.emplace_back(civ.cell[a], static_cast<std::uint32_t>(a));
      }
      killed += civ.killed[a];
      grievance_by_block[a / Executor::default_block][r] +=
          static_cast<double>(civ.grievance[a]) * civ.alive[a];
      any_grievance = any_grievance || civ.grievance[a] > 0.0f;
    }
    for (const auto& block : grievance_by_block)
      for (std::size_t r = 0; r < regions; ++r) grievance[r] += block[r];
    std::sort(displaced.begin(), displaced.end());
    for (std::size_t a = 0; a < civ.size(); ++a) {
      const bool was_away = status_before[a] == CivilianStatus::displaced;
      const bool is_away = civ.status[a] == CivilianStatus::displaced;
      fled += !was_away && is_away ? 1 : 0;
      returned += was_away && !is_away ? 1 : 0;
      killed_away += was_away && is_away && civ.alive[a] < alive_before[a] ? 1 : 0;
    }
    status_before = civ.status;
    alive_before = civ.alive;

    ASSERT_EQ(ctx.displaced.cell.size(), displaced.size()) << "tick " << sim.ticks_done();
    for (std::size_t k = 0; k < displaced.size(); ++k) {
      ASSERT_EQ(ctx.displaced.cell[k], displaced[k].first);
      ASSERT_EQ(ctx.displaced.agent[k], displaced[k].second);
    }
    ASSERT_EQ(ctx.cells.residents, residents) << "tick " << sim.ticks_done();
    // The day's census as the pass counted it (some homes' counts kept from
    // the day before), as recorded, and a fresh one.
    const auto& rows = ctx.recorder.region_days();
    ASSERT_GE(rows.size(), regions);
    for (std::size_t r = 0; r < regions; ++r) {
      ASSERT_EQ(rows[rows.size() - regions + r].at_home, at_home[r]) << "tick " << sim.ticks_done();
      ASSERT_EQ(rows[rows.size() - regions + r].displaced, away[r]) << "tick " << sim.ticks_done();
    }
    const CivilianCensus census = take_census(ctx);
    ASSERT_EQ(census.at_home_by_region, at_home);
    ASSERT_EQ(census.displaced_by_region, away);
    ASSERT_EQ(census.killed, killed);
    ASSERT_EQ(census.grievance_by_region, grievance);  // bit for bit
    days_with_displaced += displaced.empty() ? 0 : 1;
    days_with_grievance += any_grievance ? 1 : 0;
  }
  // The recount was tested where it can break.
  EXPECT_GE(days_with_displaced, 20u);
  EXPECT_GE(days_with_grievance, 20u);
  EXPECT_GT(fled, 0u);
  EXPECT_GT(returned, 0u);
  EXPECT_GT(killed_away, 0u);
}

// The two runs' groups (people alive and killed, status, cell, grievance to
// the bit), index of the displaced and residents are the same.
void expect_same_agents_and_index(const SimulationContext& a, const SimulationContext& b) {
  EXPECT_EQ(a.civilians.alive, b.civilians.alive);
  EXPECT_EQ(a.civilians.killed, b.civilians.killed);
  EXPECT_EQ(a.civilians.status, b.civilians.status);
  EXPECT_EQ(a.civilians.cell, b.civilians.cell);
  EXPECT_EQ(a.civilians.grievance, b.civilians.grievance);
  EXPECT_EQ(a.displaced.cell, b.displaced.cell);
  EXPECT_EQ(a.displaced.agent, b.displaced.agent);
  EXPECT_EQ(a.cells.residents, b.cells.residents);
}

// Without the day before's list of the groups away (cleared, as after
// displace_initially), the pass scans the statuses and reads the cells
// instead: the same moves, index, residents and census.
TEST(DisplacementIndex, SameWithoutTheListOfTheDayBefore) {
  const auto scenario = test::load_shipped(
      "mali_2022/baseline.yaml", {"scenario.duration_days=30", "civilians.people_per_agent=100",
                                  "factions.FAMa.abuse_rate=0.3", "factions.Wagner.abuse_rate=1.0",
                                  "civilians.return_probability=0.3"});
  Simulation with_list(scenario), without_list(scenario);
  const std::uint32_t ticks = 10 * with_list.context().ticks_per_day;
  for (std::uint32_t t = 0; t < ticks; ++t) {
    with_list.step();
    without_list.step();
  }
  SimulationContext& a = with_list.context();
  SimulationContext& b = without_list.context();
  ASSERT_FALSE(a.index_scratch.known.empty());
  b.index_scratch.known.clear();
  const std::uint32_t day = ticks / a.ticks_per_day;
  const CivilianCensus census_a = displace_civilians(a, day);
  const CivilianCensus census_b = displace_civilians(b, day);
  EXPECT_GT(a.displaced.agent.size(), 0u);
  expect_same_agents_and_index(a, b);
  EXPECT_EQ(census_a.at_home_by_region, census_b.at_home_by_region);
  EXPECT_EQ(census_a.displaced_by_region, census_b.displaced_by_region);
  EXPECT_EQ(census_a.grievance_by_region, census_b.grievance_by_region);
  EXPECT_EQ(census_a.killed, census_b.killed);
}

// The pass keeps each home's counts and whether its grievances are all zero
// from one day to the next, and reads a home's agents again only where
// something changed them. Every day of a violent month it must give what a
// pass without that memory (and without the list of the groups away) gives:
// the same agents, index, residents, recorded census and grievances, bit
// for bit.
TEST(DisplacementIndex, SameAsAPassThatRemembersNothing) {
  const auto scenario = violent_month();
  Simulation remembering(scenario), forgetting(scenario);
  SimulationContext& a = remembering.context();
  SimulationContext& b = forgetting.context();
  const std::uint32_t day = a.ticks_per_day;
  while (!remembering.finished()) {
    // The daily phases run on a day's last tick.
    if ((remembering.ticks_done() + 1) % day == 0) {
      b.index_scratch.known.clear();
      b.index_scratch.home_runs.clear();
    }
    remembering.step();
    forgetting.step();
    if (remembering.ticks_done() % day != 0) continue;
    expect_same_agents_and_index(a, b);
    ASSERT_FALSE(HasFailure()) << "day " << remembering.ticks_done() / day;
    const auto& rows_a = a.recorder.region_days();
    const auto& rows_b = b.recorder.region_days();
    ASSERT_EQ(rows_a.size(), rows_b.size());
    for (std::size_t k = 0; k < rows_a.size(); ++k) {
      ASSERT_EQ(rows_a[k].at_home, rows_b[k].at_home) << "row " << k;
      ASSERT_EQ(rows_a[k].displaced, rows_b[k].displaced) << "row " << k;
    }
    ASSERT_EQ(a.recorder.totals().recruits_by_faction, b.recorder.totals().recruits_by_faction);
  }
  // The month tested what it should: killing, flight, return, recruits.
  std::int64_t deaths = 0;
  for (std::int64_t d : a.recorder.totals().civilian_deaths_by_region) deaths += d;
  EXPECT_GT(deaths, 0);
  EXPECT_GT(a.displaced.agent.size(), 0u);
  std::int64_t recruits = 0;
  for (std::int64_t r : a.recorder.totals().recruits_by_faction) recruits += r;
  EXPECT_GT(recruits, 0);
}

// A group away from a safe home comes back on the day's pass exactly when
// its own draw, uniform(return_home, group, day), falls below
// return_probability, however the pass batches the draws (a block's draws
// are made together before its homes are visited); away from a home that is
// not safe, it stays. Every day of a violent month, for every group away and
// alive at the pass; some listed by the last pass die before this one.
TEST(DisplacementReturn, EachGroupComesBackOnItsOwnDrawWhenHomeIsSafe) {
  Simulation sim(violent_month());
  const SimulationContext& ctx = sim.context();
  const Civilians& civ = ctx.civilians;
  const auto& cfg = ctx.scenario.civilians;
  std::size_t back = 0, stayed_safe = 0, stayed_unsafe = 0, killed_before_the_pass = 0;
  while (!sim.finished()) {
    // The daily phases run at the end of a day's last tick.
    if ((sim.ticks_done() + 1) % ctx.ticks_per_day != 0) {
      sim.step();
      continue;
    }
    const std::uint32_t day = sim.ticks_done() / ctx.ticks_per_day;
    // Every fifth day, everyone in the cell holding the most groups away dies
    // before the pass: the last pass listed them, and no draw is theirs.
    if (day % 5 == 4 && !ctx.displaced.cell.empty()) {
      std::map<world::CellId, std::size_t> groups_in;
      for (world::CellId c : ctx.displaced.cell) ++groups_in[c];
      const auto most = std::max_element(groups_in.begin(), groups_in.end(),
                                         [](auto a, auto b) { return a.second < b.second; });
      const std::uint32_t killed = harm_civilians_in_cell(
          sim.context(), most->first, 1.0, Purpose::violence_kill, sim.ticks_done(), 0);
      // Booked as a battle's crossfire, so that the run's count of the dead
      // (checked every day in the builds with invariants) still balances.
      sim.context().recorder.battle(day, most->first, 0, 1, 0, 0, killed);
      killed_before_the_pass += killed > 0 ? 1 : 0;
    }
    const std::vector<CivilianStatus> before = civ.status;
    sim.step();
    for (std::size_t a = 0; a < civ.size(); ++a) {
      if (before[a] != CivilianStatus::displaced || civ.alive[a] == 0) continue;
      const bool safe = ctx.cells.risk[civ.home[a]] < static_cast<float>(cfg.return_risk);
      const bool draws_back = ctx.rng.uniform(Purpose::return_home, static_cast<std::uint32_t>(a),
                                              day) < cfg.return_probability;
      const bool is_back = civ.status[a] == CivilianStatus::at_home;
      ASSERT_EQ(is_back, safe && draws_back) << "group " << a << ", day " << day;
      back += is_back ? 1 : 0;
      stayed_safe += safe && !is_back ? 1 : 0;
      stayed_unsafe += safe ? 0 : 1;
    }
  }
  // Each case was met many times.
  EXPECT_GT(back, 100u);
  EXPECT_GT(stayed_safe, 100u);
  EXPECT_GT(stayed_unsafe, 100u);
  EXPECT_GE(killed_before_the_pass, 4u);
}

}  // namespace pocsim

namespace pocsim {

// Return, dose and response: JNIM's raids stop on day 20 (its withdrawal)
// and the run goes on to day 90; people come home once their cell's
// remembered risk has faded below return_risk, so the shorter the memory,
// the more are home by the end. Over 20 paired seeds and three memories
// (5, 15, 45 days), the share of the peak still displaced at the end rises
// with the memory, each step by more than 3 paired standard errors; with a
// 5-day memory at least 30% of the peak has come home (return_probability
// 0.02 a day over some 60 days brings back 1 - 0.98^60 = 70% of those whose
// cells are safe), and with 45 days at most half has.
TEST(DisplacementTeaching, PeopleGoHomeSoonerWhenRiskIsForgottenSooner) {
  const int seeds = 20;
  std::vector<std::vector<double>> still_away;
  for (const int memory : {5, 15, 45}) {
    const auto runs = test::summaries_over_seeds(
        "teaching/displacement.yaml",
        {"factions.JNIM.withdrawal_date=2022-03-21", "scenario.duration_days=90",
         "civilians.risk_memory_days=" + std::to_string(memory)},
        seeds);
    const auto end = test::figure(runs, "/population/displaced_end");
    const auto peak = test::figure(runs, "/population/displaced_peak");
    std::vector<double> share;
    for (int s = 0; s < seeds; ++s) share.push_back(peak[s] > 0 ? end[s] / peak[s] : NAN);
    still_away.push_back(share);
  }
  auto mean = [](const std::vector<double>& v) {
    double sum = 0.0;
    for (double x : v) sum += x;
    return sum / static_cast<double>(v.size());
  };
  EXPECT_GT(test::paired_z(still_away[0], still_away[1]), 3.0);
  EXPECT_GT(test::paired_z(still_away[1], still_away[2]), 3.0);
  EXPECT_LT(mean(still_away[0]), 0.7);
  EXPECT_GT(mean(still_away[2]), 0.5);
}

}  // namespace pocsim

namespace pocsim {

// The people displaced before the first day (civilians.initially_displaced,
// IOM's stock at the end of 2021 in the 2022 baseline): on three seeds, each
// listed region has as many people away as the scenario asks, within four
// standard deviations of the draw (each group of its rural cells goes with
// probability people / rural population, so the variance is the sum over its
// groups of size^2 p (1 - p)), and no other region has any; every group away
// lives in a rural cell and waits in the nearest town of its home region.
TEST(DisplacementInitially, TheStockAtTheStartIsTheScenariosWithinTheDraw) {
  for (const char* seed : {"scenario.seed=11", "scenario.seed=12", "scenario.seed=13"}) {
    const Simulation sim(test::load_shipped("mali_2022/baseline.yaml", {seed}));
    const SimulationContext& ctx = sim.context();
    const world::World& w = ctx.world;
    const Civilians& civ = ctx.civilians;
    const std::size_t regions = w.places.region_names.size();

    std::vector<double> asked(regions, 0.0), share(regions, 0.0), variance(regions, 0.0);
    std::vector<std::int64_t> rural(regions, 0);
    for (world::CellId c : w.land_cells)
      if (w.terrain[c] != world::Terrain::town)
        rural[static_cast<std::size_t>(w.region[c])] += w.population[c];
    for (const auto& entry : ctx.scenario.civilians.initially_displaced) {
      const auto r = static_cast<std::size_t>(w.places.find_region(entry.region));
      asked[r] = static_cast<double>(entry.people);
      share[r] = std::min(1.0, asked[r] / static_cast<double>(rural[r]));
    }
    std::vector<std::int64_t> away(regions, 0);
    std::size_t groups_away = 0;
    for (std::size_t a = 0; a < civ.size(); ++a) {
      const world::CellId home = civ.home[a];
      const auto r = static_cast<std::size_t>(w.region[home]);
      const double size = civ.alive[a];
      if (w.terrain[home] != world::Terrain::town)
        variance[r] += size * size * share[r] * (1.0 - share[r]);
      if (civ.status[a] != CivilianStatus::displaced) continue;
      ++groups_away;
      away[r] += civ.alive[a];
      ASSERT_NE(w.terrain[home], world::Terrain::town) << "agent " << a;
      ASSERT_EQ(w.terrain[civ.cell[a]], world::Terrain::town) << "agent " << a;
      double nearest = std::numeric_limits<double>::infinity();
      for (std::size_t t = 0; t < w.places.towns.size(); ++t)
        if (static_cast<std::size_t>(w.places.towns[t].region) == r)
          nearest = std::min(nearest,
                             geo::distance_km(w.grid.center(home), w.grid.center(w.town_cell[t])));
      ASSERT_DOUBLE_EQ(geo::distance_km(w.grid.center(home), w.grid.center(civ.cell[a])), nearest)
          << "agent " << a;
    }
    EXPECT_GT(groups_away, 1000u);
    double total_asked = 0.0, total_variance = 0.0;
    std::int64_t total_away = 0;
    for (std::size_t r = 0; r < regions; ++r) {
      const double expected = share[r] * static_cast<double>(rural[r]);
      EXPECT_NEAR(static_cast<double>(away[r]), expected, 4.0 * std::sqrt(variance[r]) + 0.5)
          << w.places.region_names[r] << ", " << seed;
      total_asked += asked[r];
      total_variance += variance[r];
      total_away += away[r];
    }
    // The baseline asks for no more than any region's rural people have, so
    // the whole stock is the figure the scenario cites.
    EXPECT_NEAR(static_cast<double>(total_away), total_asked, 4.0 * std::sqrt(total_variance))
        << seed;
  }
}

}  // namespace pocsim
