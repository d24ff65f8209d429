// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/plan.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "pocsim/sweep/number_text.hpp"
#include "pocsim/sweep/posterior_draws.hpp"

namespace pocsim::sweep {
namespace {

Axis axis(const std::string& name, const std::vector<std::string>& labels) {
  Axis a;
  a.name = name;
  for (const std::string& l : labels) a.levels.push_back({l, {{"k." + name, l, {}, ""}}});
  return a;
}

// Every run and every variant of the plan, made one by one.
std::vector<PlannedRun> planned_runs(const SweepPlan& plan) {
  std::vector<PlannedRun> out;
  for (std::size_t k = 0; k < plan.run_count(); ++k) out.push_back(plan.run(k));
  return out;
}

std::vector<Variant> planned_variants(const SweepPlan& plan) {
  std::vector<Variant> out;
  for (std::size_t id = 0; id < plan.variant_count(); ++id) out.push_back(plan.variant(id));
  return out;
}

SweepFile grid() {
  SweepFile s;
  s.replications = 3;
  s.seed = 100;
  s.axes = {axis("a", {"1", "2"}), axis("b", {"x", "y", "z"})};
  s.reference = {"2", "y"};
  return s;
}

TEST(SweepPlan, GridHasEveryCombinationWithTheLastAxisFastest) {
  const SweepPlan plan = make_plan(grid());
  ASSERT_EQ(plan.variant_count(), 6u);
  ASSERT_EQ(plan.run_count(), 18u);
  EXPECT_EQ(plan.variant(1).label, "a=1 b=y");
  EXPECT_EQ(plan.variant(3).label, "a=2 b=x");
  EXPECT_EQ(plan.variant(5).levels, (std::vector<std::string>{"2", "z"}));
  EXPECT_EQ(plan.variant(5).column_values, (std::vector<std::string>{"2", "z"}));
  EXPECT_EQ(plan.variant(4).levels, grid().reference) << "the reference variant";
  EXPECT_EQ(plan.reference_variant, 4u);
  EXPECT_EQ(plan.key_columns, (std::vector<std::string>{"k.a", "k.b"}));
  for (const PlannedRun& r : planned_runs(plan)) {
    EXPECT_EQ(r.run_id, r.variant_id * 3 + r.replicate);
    EXPECT_EQ(r.seed, 100 + r.replicate) << "common random numbers across variants";
  }
}

TEST(SweepPlan, ShardsPartitionTheRuns) {
  const SweepPlan plan = make_plan(grid());
  for (std::size_t n : {1u, 2u, 5u, 18u, 40u}) {
    std::multiset<std::size_t> all;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t id : shard_runs(plan, i, n)) all.insert(id);
    ASSERT_EQ(all.size(), plan.run_count()) << n;
    for (std::size_t id = 0; id < plan.run_count(); ++id) EXPECT_EQ(all.count(id), 1u);
  }
}

TEST(SweepPlan, SampledDesignScalesPointsIntoTheRanges) {
  SweepFile s;
  s.design = Design::latin_hypercube;
  s.points = 10;
  s.seed = 5;
  Parameter delay, count;
  delay.key_path = "p.x";
  delay.min = 10.0;
  delay.max = 20.0;
  count.key_path = "p.n";
  count.min = 1.0;
  count.max = 4.0;
  count.integer = true;
  s.parameters = {delay, count};
  const SweepPlan plan = make_plan(s);
  ASSERT_EQ(plan.variant_count(), 10u);
  std::set<int> strata;
  for (const Variant& v : planned_variants(plan)) {
    const double x = std::stod(v.settings[0].value);
    EXPECT_GE(x, 10.0);
    EXPECT_LT(x, 20.0);
    strata.insert(static_cast<int>(x - 10.0));
    EXPECT_EQ(v.settings[1].value.find('.'), std::string::npos) << "integer parameters";
  }
  EXPECT_EQ(strata.size(), 10u) << "one point per stratum";
}

TEST(SweepPlan, IntegerParametersTakeEveryWholeValueEquallyOften) {
  SweepFile s;
  s.design = Design::latin_hypercube;
  s.points = 400;
  s.seed = 9;
  Parameter count;
  count.key_path = "p.n";
  count.min = 1.0;
  count.max = 4.0;
  count.integer = true;
  s.parameters = {count};
  std::map<std::string, int> seen;
  for (const Variant& v : planned_variants(make_plan(s))) ++seen[v.settings[0].value];
  // A Latin hypercube of 400 points puts exactly 100 in each quarter of the
  // unit interval, and each quarter rounds to one whole value.
  EXPECT_EQ(seen, (std::map<std::string, int>{{"1", 100}, {"2", 100}, {"3", 100}, {"4", 100}}));
}

TEST(NumberText, WholeNumbersHaveNoPointAndOthersReadBack) {
  EXPECT_EQ(number_text(24.0), "24");
  EXPECT_EQ(number_text(-0.0), "0");
  EXPECT_EQ(number_text(0.1), "0.1");
  EXPECT_EQ(std::stod(number_text(1.0 / 3.0)), 1.0 / 3.0);
  EXPECT_EQ(number_text(std::nan("")), "");
}

}  // namespace
}  // namespace pocsim::sweep

namespace pocsim::sweep {
namespace {

// A grid over a posterior of 3 particles (ids 10, 11, 12) with 4 draws.
SweepFile grid_over_posterior() {
  SweepFile s = grid();
  PosteriorParameters p;
  p.draws = 4;
  p.posterior.keys = {"x.y"};
  for (std::uint64_t id : {10u, 11u, 12u})
    p.posterior.particles.push_back(
        {id, 1.0 / 3.0, {{std::to_string(id) + ".5", static_cast<double>(id) + 0.5, {}}}});
  s.posterior = p;
  return s;
}

TEST(SweepPlan, PosteriorRunsEveryVariantOverTheSameDrawsWithPairedSeeds) {
  const SweepFile sweep = grid_over_posterior();
  const SweepPlan plan = make_plan(sweep);
  ASSERT_EQ(plan.draws.size(), 4u);
  ASSERT_EQ(plan.run_count(), 6u * 4u * 3u) << "variant x draw x replicate";
  EXPECT_EQ(plan.runs_per_variant(), 12u);
  std::map<std::pair<std::size_t, std::size_t>, std::uint64_t> seed_of;  // (draw, replicate)
  std::set<std::uint64_t> seeds_of_variant0;
  for (const PlannedRun& r : planned_runs(plan)) {
    EXPECT_EQ(r.run_id, (r.variant_id * 4 + r.draw) * 3 + r.replicate);
    EXPECT_EQ(r.seed, 100 + r.draw * 3 + r.replicate);
    const auto [it, fresh] = seed_of.emplace(std::pair{r.draw, r.replicate}, r.seed);
    EXPECT_EQ(it->second, r.seed) << "the same draw and replicate has one seed in every variant";
    if (r.variant_id == 0) seeds_of_variant0.insert(r.seed);
  }
  EXPECT_EQ(seeds_of_variant0.size(), 12u) << "runs of one variant have distinct seeds";
  // The draws are those of systematic resampling from the sweep seed, and
  // set the drawn particle's values.
  std::vector<double> weights(3, 1.0 / 3.0);
  const auto indices = systematic_draws(weights, 4, 100);
  for (std::size_t d = 0; d < 4; ++d) {
    EXPECT_EQ(plan.draws[d].particle, 10 + indices[d]);
    ASSERT_EQ(plan.draws[d].settings.size(), 1u);
    EXPECT_EQ(plan.draws[d].settings[0].key_path, "x.y");
    EXPECT_EQ(plan.draws[d].settings[0].value, std::to_string(10 + indices[d]) + ".5");
  }
}

TEST(SweepPlan, PosteriorColumnsNameTheDrawAndItsValues) {
  const SweepPlan plan = make_plan(grid_over_posterior());
  EXPECT_EQ(plan_csv_header(plan),
            "run_id,variant_id,variant,draw,particle,replicate,seed,a,b,k.a,k.b,x.y");
  const PlannedRun run = plan.run(5);  // variant 0, draw 1, replicate 2
  const std::string particle = std::to_string(plan.draws[1].particle);
  EXPECT_EQ(plan_csv_row(plan, run),
            "5,0,a=1 b=x,1," + particle + ",2,105,1,x,1,x," + particle + ".5");
  // Without a posterior the columns are those of before.
  EXPECT_EQ(plan_csv_header(make_plan(grid())),
            "run_id,variant_id,variant,replicate,seed,a,b,k.a,k.b");
}

// A million runs are planned without being held: any run and any variant
// is made when asked for, the last as the first.
TEST(SweepPlan, AMillionRunsArePlannedWithoutHoldingThem) {
  SweepFile s;
  s.replications = 1;
  s.seed = 7;
  std::vector<std::string> labels;
  for (int k = 0; k < 1000; ++k) labels.push_back(std::to_string(k));
  s.axes = {axis("a", labels), axis("b", labels)};
  const SweepPlan plan = make_plan(s);
  ASSERT_EQ(plan.run_count(), 1'000'000u);
  EXPECT_EQ(plan.variant(999'999).label, "a=999 b=999");
  EXPECT_EQ(plan.variant(1'234).label, "a=1 b=234");
  const PlannedRun last = plan.run(999'999);
  EXPECT_EQ(last.run_id, 999'999u);
  EXPECT_EQ(last.variant_id, 999'999u);
  EXPECT_EQ(last.seed, 7u);
  EXPECT_THROW(plan.run(1'000'000), std::out_of_range);
  EXPECT_THROW(plan.variant(1'000'000), std::out_of_range);
}

// plan.csv is written a row at a time: the header, then each run's row.
TEST(SweepPlan, ThePlanFileHoldsEveryRunsRowInRunOrder) {
  for (const SweepPlan& plan : {make_plan(grid()), make_plan(grid_over_posterior())}) {
    std::ostringstream written;
    write_plan_csv(plan, written);
    std::string expected = plan_csv_header(plan) + "\n";
    for (const PlannedRun& run : planned_runs(plan)) expected += plan_csv_row(plan, run) + "\n";
    EXPECT_EQ(written.str(), expected);
  }
}

// A calibration lists its points' variants; its runs continue the run ids
// of its earlier batches, each with seed + run id.
TEST(SweepPlan, AListedPlanNumbersItsRunsFromTheFirstAndSeedsEachItsOwn) {
  SweepPlan plan;
  plan.source = SweepPlan::Source::listed;
  plan.replications = 2;
  plan.first_run = 10;
  plan.seed = 1000;
  plan.seed_per_run = true;
  EXPECT_EQ(plan.run_count(), 0u) << "no point, no run";
  for (const char* label : {"point 5", "point 6", "point 7"}) {
    Variant v;
    v.id = plan.listed.size();
    v.label = label;
    plan.listed.push_back(v);
  }
  ASSERT_EQ(plan.run_count(), 6u);
  const PlannedRun run = plan.run(3);  // point 6, its second replicate
  EXPECT_EQ(run.run_id, 13u);
  EXPECT_EQ(run.variant_id, 1u);
  EXPECT_EQ(run.replicate, 1u);
  EXPECT_EQ(run.seed, 1013u);
  EXPECT_EQ(plan.variant(1).label, "point 6");
}

}  // namespace
}  // namespace pocsim::sweep
