// SPDX-License-Identifier: Apache-2.0
// Runs per second of a sweep made in one process (BM_SweepRuns), through the
// sweep runner that `pocsim sweep` uses: run_sweep with the real ScenarioRuns.
//
// One iteration is a fresh sweep of replicate 0 of each of the demo sweep's
// variants (scenarios/sweeps/demo.yaml: 3 flight policies x 2 withdrawal
// sets, 6 one-year runs of the Mali 2022 baseline), `jobs` runs at a time
// (with more runs than jobs each run takes the serial path, as in the demo's
// 30), each finished run appended to a journal on disk. A fresh ScenarioRuns
// per iteration, so each iteration also prepares every variant's scenario
// and builds the world the variants share, as a new sweep does. Loading the sweep
// file and making the plan are left out, and so are the run folders of
// samples/ and the kept daily series (the demo's `keep_timeseries: all`):
// what is measured is the runs, not the files written beside them.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "pocsim/sweep/plan.hpp"
#include "pocsim/sweep/run_journal.hpp"
#include "pocsim/sweep/sweep_directory.hpp"
#include "pocsim/sweep/sweep_file.hpp"
#include "pocsim/sweep/sweep_runner.hpp"

namespace pocsim {
namespace {

namespace fs = std::filesystem;

const sweep::SweepFile& demo_sweep() {
  static const sweep::SweepFile demo = [] {
    sweep::SweepLoadResult loaded =
        sweep::load_sweep(std::string(POCSIM_SOURCE_DIR) + "/scenarios/sweeps/demo.yaml");
    if (!loaded.sweep) throw std::runtime_error("cannot load the demo sweep for the bench");
    sweep::SweepFile file = std::move(*loaded.sweep);
    file.keep_timeseries = false;  // no series pieces: the runs alone
    return file;
  }();
  return demo;
}

// A new folder under the system's temporary directory (mkdtemp, so that two
// bench processes never share one).
fs::path fresh_folder() {
  std::string name = (fs::temp_directory_path() / "pocsim_sweep_bench.XXXXXX").string();
  if (!::mkdtemp(name.data())) throw std::runtime_error("cannot create a folder for the journal");
  return name;
}

void BM_SweepRuns(benchmark::State& state) {
  const auto jobs = static_cast<std::size_t>(state.range(0));
  const sweep::SweepFile& file = demo_sweep();
  const sweep::SweepPlan plan = sweep::make_plan(file);
  // Run ids are positions in the plan; replicate 0 (of draw 0) of each variant.
  std::vector<std::size_t> run_ids;
  for (std::size_t k = 0; k < plan.run_count(); ++k)
    if (const sweep::PlannedRun run = plan.run(k); run.replicate == 0 && run.draw == 0)
      run_ids.push_back(k);

  for (auto _ : state) {
    state.PauseTiming();
    const fs::path folder = fresh_folder();
    {
      sweep::RunJournal journal(folder / sweep::journal_name);
      state.ResumeTiming();
      sweep::ScenarioRuns runs(file, plan, /*samples=*/{}, folder);
      sweep::run_sweep(plan, run_ids, jobs, std::ref(runs), journal);
      state.PauseTiming();
    }
    // A failed run (say, a variant that no longer loads) ends early and would
    // inflate the rate: the journal must hold every run, each successful.
    std::size_t ok = 0;
    {
      const sweep::RunJournal written(folder / sweep::journal_name);
      for (const auto& [id, record] : written.existing()) ok += record.ok ? 1 : 0;
    }
    fs::remove_all(folder);
    if (ok != run_ids.size()) state.SkipWithError("a run of the sweep failed or is missing");
    state.ResumeTiming();
  }
  state.counters["runs"] = static_cast<double>(run_ids.size());
  // kIsRate over the wall time of the iteration (UseRealTime).
  state.counters["runs_per_second"] = benchmark::Counter(
      static_cast<double>(run_ids.size()), benchmark::Counter::kIsIterationInvariantRate);
}

BENCHMARK(BM_SweepRuns)
    ->ArgName("jobs")
    ->Arg(1)
    ->Arg(2)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pocsim
