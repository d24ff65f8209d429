// SPDX-License-Identifier: Apache-2.0
// Campaigns (engine/src/systems/campaigns.cpp, and their operations in
// operations.cpp): the expansion into operations (dates, every_days, the run's
// first day, towns of the regions, the seed), the units an operation takes,
// and, over 30 paired seeds of scenarios/teaching/campaign.yaml, what the
// campaign does to its own intermediate outcome.
//
// Statistics (docs/testing.md): the campaign against the same seeds without
// it, the paired 95% t interval of the differences (t_0.975,29 = 2.045) above
// zero; the number of episodes begun on the operations against the number the
// parameters give, within 4 standard errors of the mean over 30 seeds.
#include "pocsim/systems/campaigns.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "pocsim/calibration/statistics.hpp"
#include "pocsim/output/outcomes.hpp"
#include "pocsim/scenario/loader.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/systems/deployment.hpp"
#include "pocsim/systems/operations.hpp"
#include "support/paired.hpp"
#include "support/process.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

constexpr int campaign_seeds = 30;
const char* const campaign_file = "teaching/campaign.yaml";

std::shared_ptr<const world::World> campaign_world() {
  return std::make_shared<const world::World>(
      world::build_world(test::load_shipped(campaign_file)));
}

std::int64_t day_of(const scenario::Scenario& s, const char* date) {
  return Date::parse(date)->days_since_epoch() - s.scenario.start_date.days_since_epoch();
}

std::vector<std::int64_t> first_days(const std::vector<PlannedOperation>& ops) {
  std::vector<std::int64_t> days;
  for (const PlannedOperation& op : ops) days.push_back(op.first_day);
  return days;
}

// Civilians killed in episodes FAMa began in Mopti or Ségou from the
// campaign's first day (1 January, day 0) to the end of its last operation
// (31 March + 3 days, past the run's 90 days): the campaign's intermediate
// outcome, counted from the run's incidents whether or not the run has the
// campaign.
double fama_deaths_in_the_campaign_regions(const RunResult& r) {
  const auto& places = r.world->places;
  const int mopti = places.find_region("Mopti"), segou = places.find_region("Ségou");
  const auto fama = static_cast<std::uint16_t>(
      std::find(r.faction_names.begin(), r.faction_names.end(), "FAMa") - r.faction_names.begin());
  double deaths = 0.0;
  for (const Incident& i : r.recorder.incidents()) {
    const int region = r.world->region[i.cell];
    if (i.faction == fama && (region == mopti || region == segou))
      deaths += static_cast<double>(i.civilian_deaths);
  }
  return deaths;
}

// The teaching scenario with JNIM groups raiding Mopti besides: deaths and
// episodes of another faction in the campaign's regions and towns, which
// the campaign's outcomes must leave out. They do not fight FAMa.
scenario::Scenario with_jihadist_raiders(scenario::Scenario s) {
  scenario::FactionSection jnim;
  jnim.name = "JNIM";
  jnim.kind = scenario::FactionKind::jihadist;
  jnim.units = 10;
  jnim.unit_strength = 50;
  jnim.bases = {"Ténenkou", "Djenné", "Koro"};
  jnim.area = {"Mopti"};
  jnim.mobility = scenario::Mobility::offroad;
  jnim.offroad_speed_kmh = 12.0;
  jnim.abuse_rate = 0.1;
  jnim.abuse_base_share = 1.0;
  jnim.episode_hours = 6.0;
  jnim.destroy_probability = 0.0;
  s.factions.push_back(jnim);
  return s;
}

struct CampaignRun {
  double deaths_in_regions = 0.0;  // counted by the test
  Outcomes outcomes;
};

enum class Raiders : bool { absent, present };

CampaignRun run_campaign(const std::shared_ptr<const world::World>& world, int seed,
                         std::vector<std::string> overrides, bool without_campaign = false,
                         Raiders raiders = Raiders::absent) {
  overrides.push_back("scenario.seed=" + std::to_string(seed));
  scenario::Scenario s = test::load_shipped(campaign_file, overrides);
  if (without_campaign) s.campaigns.clear();
  if (raiders == Raiders::present) s = with_jihadist_raiders(s);
  Simulation sim(s, world);
  sim.run();
  const RunResult r = sim.result();
  return {fama_deaths_in_the_campaign_regions(r), collect_outcomes(r)};
}

double outcome(const Outcomes& o, const std::string& name) {
  const double* v = o.number(name);
  EXPECT_NE(v, nullptr) << name;
  return v ? *v : NAN;
}

}  // namespace

// An operation starts on `from` and every `every_days` days after, up to `to`
// included, within the run; each at a town of the campaign's regions.
TEST(CampaignExpansion, OperationsStartEveryFewDaysFromTheFirstToTheLastDay) {
  const scenario::Scenario s = test::load_shipped(campaign_file);
  const auto world = campaign_world();
  const std::vector<PlannedOperation> ops = campaign_operations(s, *world);
  // 1 January to 31 March, every 7 days: days 0, 7, ..., 84.
  std::vector<std::int64_t> expected;
  for (std::int64_t d = 0; d <= 89; d += 7) expected.push_back(d);
  EXPECT_EQ(first_days(ops), expected);
  const std::vector<int> towns = campaign_towns(s.campaigns[0], world->places);
  for (const PlannedOperation& op : ops) {
    EXPECT_EQ(op.campaign, 0);
    EXPECT_EQ(op.faction, 0);
    EXPECT_EQ(op.days, 3);
    EXPECT_EQ(op.units, 2);
    EXPECT_TRUE(op.cordon);
    EXPECT_EQ(op.choice, UnitChoice::nearest_to_town);
    const std::string& region = world->places.region_names[world->places.towns[op.town].region];
    EXPECT_TRUE(region == "Mopti" || region == "Ségou") << world->places.towns[op.town].name;
  }
  // The towns of Mopti and Ségou, and no other.
  for (std::size_t t = 0; t < world->places.towns.size(); ++t) {
    const std::string& region = world->places.region_names[world->places.towns[t].region];
    const bool listed = std::find(towns.begin(), towns.end(), static_cast<int>(t)) != towns.end();
    EXPECT_EQ(listed, region == "Mopti" || region == "Ségou") << world->places.towns[t].name;
  }

  // The last day is included: to = 29 January (day 28) gives day 28.
  const auto to_day_28 = campaign_operations(
      test::load_shipped(campaign_file, {"campaigns.central_mali.to=2022-01-29"}), *world);
  EXPECT_EQ(first_days(to_day_28), (std::vector<std::int64_t>{0, 7, 14, 21, 28}));
  const auto to_day_27 = campaign_operations(
      test::load_shipped(campaign_file, {"campaigns.central_mali.to=2022-01-28"}), *world);
  EXPECT_EQ(first_days(to_day_27), (std::vector<std::int64_t>{0, 7, 14, 21}));
  // every_days 14: days 0, 14, ..., 84.
  const auto fortnightly = campaign_operations(
      test::load_shipped(campaign_file, {"campaigns.central_mali.every_days=14"}), *world);
  EXPECT_EQ(first_days(fortnightly), (std::vector<std::int64_t>{0, 14, 28, 42, 56, 70, 84}));
  // A campaign that outlasts the run: only the operations that start within it.
  const auto short_run =
      campaign_operations(test::load_shipped(campaign_file, {"scenario.duration_days=15"}), *world);
  EXPECT_EQ(first_days(short_run), (std::vector<std::int64_t>{0, 7, 14}));
}

// Operations that would start before the run's first day are skipped, and
// the others keep their towns: an operation's town is drawn by its number
// counted from `from`, not from the run's start.
TEST(CampaignExpansion, OperationsBeforeTheRunAreSkippedAndTheOthersKeepTheirTowns) {
  const auto world = campaign_world();
  const scenario::Scenario from_new_year = test::load_shipped(campaign_file);
  const scenario::Scenario later =
      test::load_shipped(campaign_file, {"scenario.start_date=2022-01-10"});
  const auto all = campaign_operations(from_new_year, *world);
  const auto skipped = campaign_operations(later, *world);
  // Operations of 1 and 8 January are gone; that of 15 January is day 5.
  ASSERT_EQ(skipped.size(), all.size() - 2);
  EXPECT_EQ(skipped.front().first_day, day_of(later, "2022-01-15"));
  for (std::size_t k = 0; k < skipped.size(); ++k) {
    EXPECT_EQ(skipped[k].first_day, all[k + 2].first_day - 9);
    EXPECT_EQ(skipped[k].town, all[k + 2].town) << "operation " << k + 2;
  }
}

// The towns are a function of the seed: the same seed, the same towns; over
// many seeds every town of the regions is drawn about equally often.
// 400 seeds x 13 operations = 5,200 draws over the towns of Mopti and Ségou;
// each count is binomial(5200, 1/n) and must lie within 5 of its standard
// deviations of 5200/n (a false alarm of 6e-7 per town; a town drawn half
// as often as it should be is caught, about 8 standard deviations off).
TEST(CampaignExpansion, TownsAreDrawnUniformlyFromTheSeed) {
  const auto world = campaign_world();
  const scenario::Scenario s = test::load_shipped(campaign_file);
  const auto again = campaign_operations(s, *world);
  std::vector<int> towns_again;
  for (const auto& op : again) towns_again.push_back(op.town);
  std::vector<int> towns_first;
  for (const auto& op : campaign_operations(s, *world)) towns_first.push_back(op.town);
  EXPECT_EQ(towns_first, towns_again);

  const std::vector<int> towns = campaign_towns(s.campaigns[0], world->places);
  std::map<int, int> drawn;
  int draws = 0;
  bool seeds_differ = false;
  for (int seed = 1; seed <= 400; ++seed) {
    const auto ops = campaign_operations(
        test::load_shipped(campaign_file, {"scenario.seed=" + std::to_string(seed)}), *world);
    std::vector<int> these;
    for (const auto& op : ops) {
      ++drawn[op.town];
      ++draws;
      these.push_back(op.town);
    }
    seeds_differ = seeds_differ || these != towns_first;
  }
  EXPECT_TRUE(seeds_differ);
  const double p = 1.0 / static_cast<double>(towns.size());
  const double expected = draws * p, sd = std::sqrt(draws * p * (1.0 - p));
  for (int t : towns) EXPECT_NEAR(drawn[t], expected, 5.0 * sd) << world->places.towns[t].name;
}

// An operation of a campaign takes the faction's patrolling units nearest
// its town (ties by unit order), holds the town with them while it lasts
// and seals it, then returns them to patrol.
TEST(CampaignOperations, TakeTheNearestPatrollingUnitsAndHoldTheTownWhileTheyLast) {
  const scenario::Scenario s = test::load_shipped(campaign_file);
  const world::World world = world::build_world(s);
  SimulationContext ctx(s, world, ExecutionMode::serial);
  create_units(ctx);
  update_deployment(ctx, 0);
  ASSERT_FALSE(ctx.operations.empty());
  const PlannedOperation op = ctx.operations.front();
  const world::CellId town_cell = world.town_cell[op.town];
  const geo::PointKm town = world.grid.center(town_cell);
  // Units placed by hand around the town: 7 at 5 km, 3 and 9 at 20 km (a
  // tie, broken by unit order), every other unit 400 km away; 4 is nearer
  // than all but breaking off, so not patrolling.
  ASSERT_GE(ctx.units.size(), 10u);
  for (std::size_t u = 0; u < ctx.units.size(); ++u) {
    ctx.units.x[u] = static_cast<float>(town.x + 400.0);
    ctx.units.y[u] = static_cast<float>(town.y);
  }
  auto place = [&](std::size_t u, double dx, double dy) {
    ctx.units.x[u] = static_cast<float>(town.x + dx);
    ctx.units.y[u] = static_cast<float>(town.y + dy);
  };
  place(7, 5.0, 0.0);
  place(9, 0.0, -20.0);
  place(3, -20.0, 0.0);
  place(4, 1.0, 0.0);
  ctx.units.task[4] = UnitTask::breaking_off;

  update_operations(ctx, op.first_day);
  EXPECT_EQ(ctx.operation_units.front(), (std::vector<std::uint32_t>{7, 3}));
  for (std::size_t u = 0; u < ctx.units.size(); ++u) {
    const bool taken = u == 7 || u == 3;
    EXPECT_EQ(ctx.units.task[u] == UnitTask::operation, taken) << "unit " << u;
    if (taken) {
      EXPECT_EQ(ctx.units.cell[u], town_cell);
    }
  }
  for (std::int64_t day = op.first_day; day < op.first_day + op.days; ++day) {
    if (day > op.first_day) update_operations(ctx, day);
    EXPECT_NE(std::find(ctx.active_cordons.begin(), ctx.active_cordons.end(), town_cell),
              ctx.active_cordons.end())
        << "day " << day;
    EXPECT_EQ(ctx.units.task[7], UnitTask::operation) << "day " << day;
  }
  update_operations(ctx, op.first_day + op.days);
  EXPECT_EQ(std::find(ctx.active_cordons.begin(), ctx.active_cordons.end(), town_cell),
            ctx.active_cordons.end());
  EXPECT_EQ(ctx.units.task[7], UnitTask::patrol);
  EXPECT_EQ(ctx.units.task[3], UnitTask::patrol);
  EXPECT_TRUE(ctx.operation_units.front().empty());
}

// Scripted operations come first in the run's list and keep taking the
// first patrolling units in unit order; the campaign's follow.
TEST(CampaignOperations, FollowTheScriptedOperationsInTheRunsList) {
  scenario::Scenario s = test::load_shipped(campaign_file);
  scenario::OperationSection scripted;
  scripted.name = "Moura";
  scripted.faction = "FAMa";
  scripted.town = "Moura";
  scripted.from = s.scenario.start_date.plus_days(3);
  s.operations.push_back(scripted);
  const world::World world = world::build_world(s);
  SimulationContext ctx(s, world, ExecutionMode::serial);
  ASSERT_EQ(ctx.operations.size(), 1 + campaign_operations(s, world).size());
  EXPECT_EQ(ctx.operations.front().campaign, -1);
  EXPECT_EQ(ctx.operations.front().choice, UnitChoice::first_in_unit_order);
  EXPECT_EQ(ctx.operations.front().town, world.places.find_town("Moura"));
  EXPECT_EQ(ctx.operations.front().first_day, 3);
  EXPECT_EQ(ctx.operations[1].campaign, 0);
  EXPECT_EQ(ctx.operation_units.size(), ctx.operations.size());
}

// Each unit on an operation begins episodes at operation_abuse_rate, per day:
// 13 operations x 2 units x 3 days x 0.8 = 62.4 episodes a run in the towns
// while the operations hold them (patrols that pass through add a fraction
// of one: 10 other companies at 0.005 a day, in a town's cell a small share
// of their time; JNIM's raids there are not FAMa's and do not count). Over 30 seeds the mean lies
// within 4 standard errors of 62.4 (and at most 1 above, for the patrols), and the summary's
// operations count is 13 in every run.
TEST(CampaignTeaching, OperationsBeginEpisodesAtTheOperationRate) {
  const auto world = campaign_world();
  std::vector<double> incidents;
  for (int seed = 1; seed <= campaign_seeds; ++seed) {
    const CampaignRun run = run_campaign(world, seed, {}, false, Raiders::present);
    EXPECT_EQ(outcome(run.outcomes, "campaigns.central_mali.operations"), 13.0);
    incidents.push_back(outcome(run.outcomes, "campaigns.central_mali.incidents"));
  }
  const double expected = 13 * 2 * 3 * 0.8;
  const double m = calibration::mean(incidents);
  const double se = calibration::sample_sd(incidents) / std::sqrt(campaign_seeds);
  EXPECT_GT(m, expected - 4.0 * se) << "mean episodes on the operations " << m;
  EXPECT_LT(m, expected + 1.0 + 4.0 * se) << "mean episodes on the operations " << m;
}

// The campaign raises its own intermediate outcome: the civilians FAMa kills
// in Mopti and Ségou during the campaign, against the same seeds without it
// (JNIM raids Mopti in both, and its deaths are not the campaign's).
// The paired 95% interval of the difference must lie above zero, and the
// effect must be one a reader sees: the mean at least doubles (62 episodes
// of about 6 deaths each on the operations, against about 5 on patrol, are
// expected to multiply it several times). The summary's
// civilian_deaths_in_regions is the figure the test counts itself.
TEST(CampaignTeaching, TheCampaignRaisesDeathsByItsFactionInItsRegions) {
  const auto world = campaign_world();
  std::vector<double> without, with;
  for (int seed = 1; seed <= campaign_seeds; ++seed) {
    const CampaignRun a = run_campaign(world, seed, {}, true, Raiders::present);
    const CampaignRun b = run_campaign(world, seed, {}, false, Raiders::present);
    EXPECT_EQ(a.outcomes.number("campaigns.central_mali.civilian_deaths_in_regions"), nullptr);
    EXPECT_EQ(outcome(b.outcomes, "campaigns.central_mali.civilian_deaths_in_regions"),
              b.deaths_in_regions);
    EXPECT_LE(outcome(b.outcomes, "campaigns.central_mali.civilian_deaths"), b.deaths_in_regions);
    without.push_back(a.deaths_in_regions);
    with.push_back(b.deaths_in_regions);
  }
  std::vector<double> d(with.size());
  for (std::size_t i = 0; i < d.size(); ++i) d[i] = with[i] - without[i];
  const double mean_d = calibration::mean(d), sd_d = calibration::sample_sd(d);
  const double half_width =
      calibration::student_t_quantile(0.975, campaign_seeds - 1) * sd_d / std::sqrt(campaign_seeds);
  const double a = calibration::mean(without), b = calibration::mean(with);
  EXPECT_GT(mean_d - half_width, 0.0)
      << "paired difference " << mean_d << " +- " << half_width << " (effect size d_z "
      << mean_d / sd_d << "); without " << a << ", with " << b;
  EXPECT_GT(b, 2.0 * a) << "without the campaign " << a << ", with " << b;
  test::paired_z(without, with);  // logged for tools/test_power.py
}

// Operations every 14 days instead of 7: 7 operations instead of 13 in every
// run, and fewer deaths on them (paired t beyond -3 over 30 seeds, and the
// mean down by at least a quarter; about half is expected).
TEST(CampaignTeaching, FewerOperationsWhenTheyComeLessOften) {
  const auto world = campaign_world();
  std::vector<double> weekly, fortnightly;
  for (int seed = 1; seed <= campaign_seeds; ++seed) {
    const CampaignRun a = run_campaign(world, seed, {});
    const CampaignRun b = run_campaign(world, seed, {"campaigns.central_mali.every_days=14"});
    EXPECT_EQ(outcome(a.outcomes, "campaigns.central_mali.operations"), 13.0);
    EXPECT_EQ(outcome(b.outcomes, "campaigns.central_mali.operations"), 7.0);
    weekly.push_back(outcome(a.outcomes, "campaigns.central_mali.civilian_deaths"));
    fortnightly.push_back(outcome(b.outcomes, "campaigns.central_mali.civilian_deaths"));
  }
  const double a = calibration::mean(weekly), b = calibration::mean(fortnightly);
  EXPECT_LT(test::paired_z(weekly, fortnightly), -3.0) << "weekly " << a << ", fortnightly " << b;
  EXPECT_LT(b, 0.75 * a) << "weekly " << a << ", fortnightly " << b;
}

// The campaign's outcomes, recounted from the run's incidents and the
// operations the run held: its faction's episodes in an operation's town
// while that operation lasted, and in its regions during the campaign. FAMa
// patrols abuse often here (0.5 a day), so some of its episodes fall in the
// operations' towns outside their days, and JNIM raids the same towns: the
// recount must leave both out.
TEST(CampaignOutcomes, CountTheFactionsEpisodesInItsTownsWhileItsOperationsLast) {
  Simulation sim(with_jihadist_raiders(
      test::load_shipped(campaign_file, {"factions.FAMa.abuse_rate=0.5", "scenario.seed=3"})));
  sim.run();
  const RunResult r = sim.result();
  const SimulationContext& ctx = sim.context();
  const std::int64_t ticks_per_day = ctx.ticks_per_day;
  double incidents = 0, deaths = 0;
  int outside_their_days = 0;
  for (const Incident& i : r.recorder.incidents()) {
    if (i.faction != 0) continue;  // FAMa
    bool on = false, in_town = false;
    for (const PlannedOperation& op : ctx.operations) {
      if (ctx.world.town_cell[op.town] != i.cell) continue;
      in_town = true;
      on = on || (i.onset_tick >= op.first_day * ticks_per_day &&
                  i.onset_tick < (op.first_day + op.days) * ticks_per_day);
    }
    incidents += on ? 1 : 0;
    deaths += on ? static_cast<double>(i.civilian_deaths) : 0.0;
    outside_their_days += in_town && !on ? 1 : 0;
  }
  EXPECT_GT(outside_their_days, 0) << "no episode to leave out: the check cannot fail";
  const Outcomes o = collect_outcomes(r);
  EXPECT_EQ(outcome(o, "campaigns.central_mali.incidents"), incidents);
  EXPECT_EQ(outcome(o, "campaigns.central_mali.civilian_deaths"), deaths);
  EXPECT_EQ(outcome(o, "campaigns.central_mali.civilian_deaths_in_regions"),
            fama_deaths_in_the_campaign_regions(r));
}

// A scenario without campaigns writes no `campaigns` entry in summary.json.
TEST(CampaignOutcomes, AScenarioWithoutCampaignsReportsNone) {
  scenario::Scenario s = test::load_shipped(campaign_file, {"scenario.duration_days=2"});
  s.campaigns.clear();
  Simulation sim(s);
  sim.run();
  const Outcomes o = collect_outcomes(sim.result());
  for (const SummaryEntry& e : o.summary) EXPECT_NE(e.keys.front(), "campaigns");
}

}  // namespace pocsim
