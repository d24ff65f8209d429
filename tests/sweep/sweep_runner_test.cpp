// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/sweep_runner.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "pocsim/sweep/sweep_tables.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::sweep {
namespace {

SweepPlan plan_of(std::size_t variants, std::size_t replications) {
  SweepFile s;
  s.replications = replications;
  s.seed = 1;
  Axis a;
  a.name = "v";
  for (std::size_t i = 0; i < variants; ++i) a.levels.push_back({std::to_string(i), {}});
  s.axes = {a};
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
  std::vector<std::size_t> ids(plan.runs.size());
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
  for (std::size_t id = 0; id < plan.runs.size(); ++id)
    forward[id] = fake_run(plan.runs[id], ExecutionMode::serial);
  for (std::size_t id = plan.runs.size(); id-- > 0;)
    backward.emplace(id, fake_run(plan.runs[id], ExecutionMode::serial));
  EXPECT_EQ(runs_csv(plan, forward), runs_csv(plan, backward));
  const std::string diffs = differences_csv(plan, outcome_table(plan, forward));
  // Variant 1's replicates are 10 above variant 0's: a paired difference of
  // exactly 10 with no spread.
  EXPECT_NE(diffs.find("1,v=1,0,deaths,3,10,0,10,10"), std::string::npos) << diffs;
}

}  // namespace
}  // namespace pocsim::sweep
