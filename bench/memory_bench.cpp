// SPDX-License-Identifier: Apache-2.0
// Memory per civilian agent of the Mali model (issue #5: at most 64 bytes per
// civilian at 10^6 and 10^7 agents): the peak resident set of a run over its
// civilian agents (BM_BytesPerCivilian), next to what the agent arrays alone
// take (Civilians::bytes_per_agent).
//
// The peak is the kernel's high-water mark (VmHWM in /proc/self/status),
// reset to the current resident set just before the simulation is built by
// writing 5 to /proc/self/clear_refs (Linux 4.0 and later), so that the
// larger models of earlier benchmarks in the same process do not count.
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <tbb/global_control.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>

#include "mali_fixture.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {
namespace {

// A "Key:   123 kB" line of /proc/self/status in bytes; 0 if absent.
double status_bytes(const std::string& key) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.compare(0, key.size() + 1, key + ":") == 0)
      return std::stod(line.substr(key.size() + 1)) * 1024.0;
  return 0.0;
}

// True when the high-water mark was reset to the current resident set.
bool reset_peak_rss() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
  clear_refs.close();
  return !clear_refs.fail();
}

// One iteration: build the simulation of the baseline at N civilian agents
// (as in BM_MaliTick) on its prebuilt world, run the warm-up days and one more
// (every daily phase has run, the civilian index has been rebuilt), and read
// the peak resident set. Serial, one thread. The world of the size is built
// before the reset, and every simulation kept by other benchmarks is freed
// and the heap trimmed first.
//
// Counters:
// - storage_bytes_per_civilian: Civilians::bytes_per_agent, the agent arrays.
// - peak_rss_bytes_per_civilian: the peak resident set of the whole process
//   over the civilian agents: everything, including the program, its
//   libraries, the world and the per-cell fields. Whole-process only when the
//   benchmark runs alone (--benchmark_filter=BM_BytesPerCivilian); in a full
//   run it also holds what earlier benchmarks keep (the Epstein model, about
//   300 MB at 4000 x 4000).
// - added_rss_bytes_per_civilian: the peak minus the resident set just before
//   the simulation is built, over the agents: what the simulation itself
//   adds (agents, per-cell fields, recorder, TBB and allocator overhead), the
//   same in a full run.
// - peak_reset: 1 if the high-water mark could be reset; with 0 the peak is
//   the lifetime peak of the process and peak_rss_bytes_per_civilian is only
//   an upper bound (added_rss_bytes_per_civilian too).
void BM_BytesPerCivilian(benchmark::State& state) {
  const std::int64_t agents = state.range(0);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
  bench::release_warm_simulation();
  bench::sized_scenario(agents);  // the world, outside the measurement
  malloc_trim(0);
  const bool reset = reset_peak_rss();
  const double rss_before = status_bytes("VmRSS");
  double peak = 0.0, civilians = 0.0;
  for (auto _ : state) {
    std::unique_ptr<Simulation> simulation = bench::run_sized(agents, 1, bench::warmup_days + 1);
    peak = status_bytes("VmHWM");
    civilians = static_cast<double>(simulation->context().civilians.size());
  }
  state.counters["civilians"] = civilians;
  state.counters["storage_bytes_per_civilian"] = static_cast<double>(Civilians::bytes_per_agent);
  state.counters["peak_rss_bytes_per_civilian"] = peak / civilians;
  state.counters["added_rss_bytes_per_civilian"] = (peak - rss_before) / civilians;
  state.counters["peak_rss_MB"] = peak / 1e6;
  state.counters["rss_before_MB"] = rss_before / 1e6;
  state.counters["peak_reset"] = reset ? 1.0 : 0.0;
}

BENCHMARK(BM_BytesPerCivilian)
    ->ArgName("civilians")
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pocsim
