// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/sweep_runner.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "pocsim/output/csv.hpp"
#include "pocsim/sweep/outcome_statistics.hpp"
#include "pocsim/sweep/sweep_tables.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::sweep {
namespace {

SweepPlan plan_of(std::size_t variants, std::size_t replications) {
  SweepFile s;
  s.replications = replications;
  s.seed = 1;
  Axis axis;
  axis.name = "v";
  for (std::size_t i = 0; i < variants; ++i) axis.levels.push_back({std::to_string(i), {}});
  s.axes = {axis};
  s.reference = {"0"};
  return make_plan(s);
}

// A stand-in for a simulation: the outcome is a function of the run.
RunRecord fake_run(const PlannedRun& run, ExecutionMode) {
  if (run.run_id == 3 && run.replicate == 3)
    throw std::runtime_error("the world could not be built");
  return {run.run_id, true, "", {{"deaths", std::to_string(run.variant_id * 10 + run.replicate)}}};
}

TEST(SweepRunner, AFailingRunIsRecordedAndTheOthersGoOn) {
  const SweepPlan plan = plan_of(3, 4);
  test::TempDir tmp;
  std::vector<std::size_t> ids(plan.run_count());
  for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = i;
  std::size_t done = 0;
  {
    RunJournal journal(tmp.file("j"));
    run_sweep(plan, ids, 2, fake_run, journal, [&] { ++done; });
  }
  EXPECT_EQ(done, ids.size());
  const RunJournal journal(tmp.file("j"));
  ASSERT_EQ(journal.existing().size(), ids.size());
  EXPECT_FALSE(journal.existing().at(3).ok);
  EXPECT_EQ(journal.existing().at(3).error, "the world could not be built");
  EXPECT_TRUE(journal.existing().at(4).ok);
  const OutcomeTable table = outcome_table(plan, journal.existing());
  ASSERT_EQ(table.names, (std::vector<std::string>{"deaths"}));
  EXPECT_TRUE(std::isnan(table.values[0][3])) << "a failed run has no outcome";
  EXPECT_EQ(table.values[0][5], 11.0);
}

TEST(SweepTables, DoNotDependOnTheOrderRunsFinished) {
  const SweepPlan plan = plan_of(2, 3);
  std::map<std::size_t, RunRecord> forward, backward;
  for (std::size_t id = 0; id < plan.run_count(); ++id)
    forward[id] = fake_run(plan.run(id), ExecutionMode::serial);
  for (std::size_t id = plan.run_count(); id-- > 0;)
    backward.emplace(id, fake_run(plan.run(id), ExecutionMode::serial));
  EXPECT_EQ(runs_csv(plan, forward), runs_csv(plan, backward));
  const std::string diffs = differences_csv(plan, outcome_table(plan, forward));
  // Variant 1's replicates are 10 above variant 0's: a paired difference of
  // exactly 10 with no spread.
  EXPECT_NE(diffs.find("1,v=1,0,deaths,3,10,0,10,10"), std::string::npos) << diffs;
}

// Rows of a CSV table as fields, by line.
std::vector<std::vector<std::string>> table_rows(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  std::size_t start = 0;
  while (start < csv.size()) {
    const std::size_t end = csv.find('\n', start);
    rows.push_back(csv_fields(csv.substr(start, end - start)));
    start = end + 1;
  }
  return rows;
}

TEST(SweepTables, EachVariantIsOneFamilyOfTheAdjustment) {
  // Three variants, four outcomes: variant 1 differs from the reference on
  // "a" and "b" by different amounts with noise, variant 2 on "c" only. Each
  // variant's p_adjusted is Benjamini-Hochberg over its own p-values.
  const SweepPlan plan = plan_of(3, 4);
  std::map<std::size_t, RunRecord> records;
  for (std::size_t k = 0; k < plan.run_count(); ++k) {
    const PlannedRun run = plan.run(k);
    const double r = static_cast<double>(run.replicate);
    const double noise = (run.replicate % 2 ? 1.0 : -1.0) * (1.0 + 0.3 * r);
    const double v = static_cast<double>(run.variant_id);
    auto text = [](double x) { return std::to_string(x); };
    records[run.run_id] = {run.run_id,
                           true,
                           "",
                           {{"a", text(10 + r + (v == 1) * (2 + noise))},
                            {"b", text(20 + r + (v == 1) * (8 + noise))},
                            {"c", text(30 + r + (v == 2) * (1 + noise))},
                            {"d", text(40 + r + 0.1 * noise * v)}}};
  }
  const auto rows = table_rows(differences_csv(plan, outcome_table(plan, records)));
  ASSERT_EQ(rows.front().size(), 11u);
  EXPECT_EQ(rows.front()[9], "p_value");
  EXPECT_EQ(rows.front()[10], "p_adjusted");
  for (const std::string variant : {"1", "2"}) {
    std::vector<double> p, adjusted;
    for (const auto& row : rows)
      if (row[0] == variant) {
        // An outcome the variant leaves alone has no test: empty fields.
        p.push_back(row[9].empty() ? std::nan("") : std::stod(row[9]));
        adjusted.push_back(row[10].empty() ? std::nan("") : std::stod(row[10]));
      }
    ASSERT_EQ(p.size(), 4u);
    const std::vector<double> expected = benjamini_hochberg(p);
    std::size_t tests = 0;
    for (std::size_t o = 0; o < p.size(); ++o) {
      EXPECT_EQ(std::isnan(adjusted[o]), std::isnan(p[o]));
      if (std::isnan(p[o])) continue;
      ++tests;
      EXPECT_NEAR(adjusted[o], expected[o], 1e-12) << "variant " << variant << ", outcome " << o;
      EXPECT_GE(adjusted[o], p[o] * (1 - 1e-12)) << "never below the p-value";
    }
    EXPECT_EQ(tests, variant == "1" ? 3u : 2u) << "a, b, d; c, d";
  }
}

TEST(SweepTables, CountsGetIntervalsAboveZeroAndMeasuresSymmetricOnes) {
  // One replicate of four holds the whole count: the symmetric interval of
  // the same values, which a measure without bounds keeps, goes below zero;
  // hours stay above zero too, and a share within [0, 1].
  const SweepPlan plan = plan_of(1, 4);
  std::map<std::size_t, RunRecord> records;
  for (std::size_t k = 0; k < plan.run_count(); ++k) {
    const PlannedRun run = plan.run(k);
    const std::string value = run.replicate == 0 ? "12" : "0";
    records[run.run_id] = {
        run.run_id,
        true,
        "",
        {{"civilian_deaths.by_region.Gao", value},
         {"protection.detection_hours.mean", value},
         {"protection.share_reached_within_6h", run.replicate == 0 ? "0.9" : "0"},
         {"undeclared.measure", value}}};
  }
  const auto rows = table_rows(summary_csv(plan, outcome_table(plan, records)));
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[1][2], "civilian_deaths.by_region.Gao");
  EXPECT_GT(std::stod(rows[1][6]), 0.0) << "ci_low of a count";
  EXPECT_EQ(rows[2][2], "protection.detection_hours.mean");
  EXPECT_GT(std::stod(rows[2][6]), 0.0) << "ci_low of hours";
  EXPECT_EQ(rows[3][2], "protection.share_reached_within_6h");
  EXPECT_GT(std::stod(rows[3][6]), 0.0) << "ci_low of a share";
  EXPECT_LT(std::stod(rows[3][7]), 1.0) << "ci_high of a share";
  EXPECT_GT(std::stod(rows[3][7]), 0.9) << "ci_high of a share";
  EXPECT_EQ(rows[4][2], "undeclared.measure");
  EXPECT_LT(std::stod(rows[4][6]), 0.0) << "ci_low of a measure without bounds";
  EXPECT_EQ(rows[1][4], rows[4][4]) << "the same mean";
}

// Sample run folders are kept for the first 1,000 variants only: a million
// variants would fill the disk with them.
TEST(ScenarioRuns, KeepSamplesOfTheFirstThousandVariantsOnly) {
  SweepFile sweep;
  sweep.scenario = test::source_path("scenarios/teaching/first_run.yaml");
  sweep.common = {{"scenario.duration_days", "1", {}, "set"}};
  Axis axis;
  axis.name = "flee";
  for (std::size_t k = 0; k <= max_kept_samples; ++k)
    axis.levels.push_back({std::to_string(k), {{"civilians.flee_risk", "0.0003", {}, ""}}});
  sweep.axes = {axis};
  sweep.reference = {"0"};
  const SweepPlan plan = make_plan(sweep);
  ASSERT_EQ(plan.variant_count(), max_kept_samples + 1);
  const test::TempDir tmp;
  ScenarioRuns runs(sweep, plan, tmp.file("samples"));
  for (const std::size_t variant : {max_kept_samples - 1, max_kept_samples})
    ASSERT_TRUE(runs(plan.run(variant), ExecutionMode::serial).ok);
  EXPECT_TRUE(std::filesystem::exists(tmp.file("samples/999/summary.json")));
  EXPECT_FALSE(std::filesystem::exists(tmp.file("samples/1000")));
}

}  // namespace
}  // namespace pocsim::sweep
