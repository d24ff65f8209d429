// SPDX-License-Identifier: Apache-2.0
// A stop request ends a run between two ticks and a sweep before its next
// run, without recording the unfinished runs as failed.
#include "pocsim/core/stop_request.hpp"

#include <gtest/gtest.h>

#include <atomic>

#include "pocsim/simulation.hpp"
#include "pocsim/sweep/sweep_runner.hpp"
#include "support/scenarios.hpp"
#include "support/temp_dir.hpp"

namespace pocsim {
namespace {

TEST(StopRequest, ARunStopsAtTheNextTick) {
  const scenario::Scenario s = test::load_shipped("teaching/first_run.yaml", {});
  Simulation simulation(s, ExecutionMode::serial);
  StopRequest stop;
  std::uint32_t days_seen = 0;
  EXPECT_THROW(simulation.run(
                   [&](std::uint32_t day, std::uint32_t) {
                     days_seen = day;
                     if (day == 2) stop.request();
                   },
                   &stop),
               Stopped);
  EXPECT_EQ(days_seen, 2u);
  EXPECT_EQ(simulation.ticks_done(), 2 * simulation.total_ticks() / s.scenario.duration_days);
  EXPECT_FALSE(simulation.finished());
}

TEST(StopRequest, ARunWithoutARequestGoesToTheEnd) {
  const scenario::Scenario s = test::load_shipped("teaching/first_run.yaml", {});
  Simulation simulation(s, ExecutionMode::serial);
  const StopRequest stop;
  simulation.run({}, &stop);
  EXPECT_TRUE(simulation.finished());
}

TEST(StopRequest, ASweepStartsNoRunAfterTheRequestAndRecordsNoneAsFailed) {
  sweep::SweepFile file;
  file.replications = 6;
  sweep::Axis axis;
  axis.name = "v";
  axis.levels = {{"a", {}}};
  file.axes = {axis};
  file.reference = {"a"};
  const sweep::SweepPlan plan = sweep::make_plan(file);
  std::vector<std::size_t> ids(plan.run_count());
  for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = i;
  StopRequest stop;
  std::atomic<int> made{0};
  // The third run asks to stop and is itself stopped, as a simulation would be.
  auto run_one = [&](const sweep::PlannedRun& run, ExecutionMode) -> sweep::RunRecord {
    if (++made == 3) stop.request();
    throw_if_stop_requested(&stop);
    return {run.run_id, true, "", {{"deaths", "1"}}};
  };
  test::TempDir tmp;
  {
    sweep::RunJournal journal(tmp.file("j"));
    EXPECT_THROW(sweep::run_sweep(plan, ids, 1, run_one, journal, {}, &stop), Stopped);
  }
  const sweep::RunJournal journal(tmp.file("j"));
  EXPECT_EQ(made.load(), 3);
  ASSERT_EQ(journal.existing().size(), 2u);
  for (const auto& [id, record] : journal.existing()) EXPECT_TRUE(record.ok) << id;
}

}  // namespace
}  // namespace pocsim
