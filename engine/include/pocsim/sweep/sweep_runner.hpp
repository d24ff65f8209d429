// SPDX-License-Identifier: Apache-2.0
#pragma once
// Running the runs of a sweep plan in parallel. Runs are whole tasks on TBB:
// with more runs than workers each run takes the serial path and the cores
// are shared between runs (a run's fine-grained loops would only add
// overhead); with fewer, the runs use the parallel path and share the cores
// inside. Either way the results are the same, since a run's results do not
// depend on its threads. Every finished run goes to the journal at once.
#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "pocsim/core/stop_request.hpp"
#include "pocsim/output/outcomes.hpp"
#include "pocsim/scenario/scenario.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/sweep/plan.hpp"
#include "pocsim/sweep/run_journal.hpp"
#include "pocsim/world/world.hpp"

namespace pocsim::sweep {

// Makes one run; an exception marks the run failed with its message.
using RunFunction = std::function<RunRecord(const PlannedRun&, ExecutionMode)>;

// Makes one run; a run that throws gives a failed record with the message,
// but Stopped goes through.
RunRecord run_recorded(const PlannedRun& run, const RunFunction& run_one, ExecutionMode mode);

// Runs `run_ids` of the plan on at most `jobs` threads, appending each
// result to the journal; `done()` after each. A run that throws is recorded
// as failed and the others go on. Once `stop` is requested no run starts,
// and the call throws Stopped when the runs under way have stopped too
// (given the same request); the journal keeps every run finished before.
void run_sweep(const SweepPlan& plan, const std::vector<std::size_t>& run_ids, std::size_t jobs,
               const RunFunction& run_one, RunJournal& journal,
               const std::function<void()>& done = {}, const StopRequest* stop = nullptr);

// The run function of real sweeps: the variant's scenario (the base with the
// sweep's common settings, then the variant's, then the draw's in a sweep
// over a posterior) with the run's seed.
// Worlds are built once per distinct world and shared. When `samples` is
// not empty, replicate 0 (of draw 0) of each variant also writes its run folder to
// samples/<variant_id>; when the sweep keeps every run's daily series, each
// run writes its piece into `folder` (sweep/kept_series.hpp). A run stops
// between two ticks once `stop` is requested. `measure`, when given, makes
// the record's outcomes instead of run_outcomes (a calibration records its
// targets' metrics, which need the run's daily series).
class ScenarioRuns {
 public:
  using Measure = std::function<std::vector<std::pair<std::string, std::string>>(const Outcomes&)>;
  ScenarioRuns(const SweepFile& sweep, const SweepPlan& plan, std::filesystem::path samples,
               std::filesystem::path folder = {}, const StopRequest* stop = nullptr,
               Measure measure = {});
  RunRecord operator()(const PlannedRun& run, ExecutionMode mode);

 private:
  struct Prepared {
    std::shared_ptr<const scenario::Scenario> scenario;
    std::shared_ptr<const world::World> world;
  };
  Prepared prepare(std::size_t variant, std::size_t draw);

  const SweepFile& sweep_;
  const SweepPlan& plan_;
  std::filesystem::path samples_;
  std::filesystem::path folder_;
  const StopRequest* stop_;
  Measure measure_;
  std::mutex mutex_;
  // The variants and worlds prepared last, by (variant, draw) and by the
  // sections a world is built from, the oldest first forgotten beyond a few
  // hundred: a variant's runs are consecutive and started in order, and a
  // sweep of a million variants kept every one (10 MB a second, gigabytes).
  // A forgotten one that is asked for again is made again, the same.
  std::map<std::pair<std::size_t, std::size_t>, Prepared> variants_;
  std::deque<std::pair<std::size_t, std::size_t>> variants_in_order_;
  std::map<std::string, std::shared_ptr<const world::World>> worlds_;
  std::deque<std::string> worlds_in_order_;
};

// The outcomes of a run as runs.csv holds them: every number of the summary
// by name, in summary.json's order, but the seed and the days (the plan's
// columns say which run it is).
std::vector<std::pair<std::string, std::string>> run_outcomes(const Outcomes& outcomes);

}  // namespace pocsim::sweep
