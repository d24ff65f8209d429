// SPDX-License-Identifier: Apache-2.0
// The first teaching scenario end to end, as `pocsim run
// scenarios/teaching/first_run.yaml` does it: load and check the file, build
// the world, place the agents, run the month and make the four result files'
// text. The README says it runs "well under a second"; this is where that
// claim is measured (the tests check what the run produces, never how long
// it takes).
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <string>

#include "pocsim/output/run_files.hpp"
#include "pocsim/scenario/loader.hpp"
#include "pocsim/simulation.hpp"

namespace pocsim {
namespace {

// threads:1 is ExecutionMode::serial with TBB limited to one thread,
// threads:2 ExecutionMode::parallel with a limit of two, as `pocsim run
// --threads` maps them.
void BM_FirstRunTeaching(benchmark::State& state) {
  const auto threads = static_cast<std::size_t>(state.range(0));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const ExecutionMode mode = threads == 1 ? ExecutionMode::serial : ExecutionMode::parallel;
  const std::string file = std::string(POCSIM_SOURCE_DIR) + "/scenarios/teaching/first_run.yaml";
  std::int64_t civilian_deaths = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    scenario::LoadResult loaded = scenario::load_scenario(file);
    if (!loaded.scenario) throw std::runtime_error("cannot load " + file);
    Simulation simulation(*loaded.scenario, mode);
    simulation.run();
    const RunResult result = simulation.result();
    const std::string files[] = {resolved_scenario_yaml(result), summary_json(result),
                                 timeseries_csv(result), events_csv(result)};
    benchmark::DoNotOptimize(files);
    bytes = 0;
    for (const std::string& f : files) bytes += f.size();
    const RunTotals& totals = result.recorder.totals();
    civilian_deaths = std::accumulate(totals.civilian_deaths_by_faction.begin(),
                                      totals.civilian_deaths_by_faction.end(), std::int64_t{0}) +
                      totals.crossfire_deaths;
  }
  // The scenario fixes its seed, so these are the same every iteration.
  state.counters["civilian_deaths"] = static_cast<double>(civilian_deaths);
  state.counters["result_bytes"] = static_cast<double>(bytes);
}

BENCHMARK(BM_FirstRunTeaching)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pocsim
