// SPDX-License-Identifier: Apache-2.0
// One whole replication of the Mali 2022 baseline at its own resolution (the
// scenario file as it stands: 365 days of hourly ticks, 25 people per agent),
// the unit a parameter sweep repeats (BM_BaselineYear), and the world
// construction it starts from (BM_BuildWorld); and the same year with the
// whole population of Mali as one agent each (BM_WholePopulation).
//
// Issue #3 budget: a one-year baseline replication at the default resolution
// takes at most 5 s on one core, i.e. BM_BaselineYear/threads:1.
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sys/resource.h>
#include <tbb/global_control.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "mali_fixture.hpp"
#include "pocsim/scenario/loader.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/systems/context.hpp"
#include "pocsim/world/world.hpp"

namespace pocsim {
namespace {

const scenario::Scenario& baseline_scenario() {
  static const scenario::Scenario scenario = [] {
    scenario::LoadResult loaded = scenario::load_scenario(std::string(POCSIM_SOURCE_DIR) +
                                                          "/scenarios/mali_2022/baseline.yaml");
    if (!loaded.scenario) throw std::runtime_error("cannot load the Mali baseline for the bench");
    return std::move(*loaded.scenario);
  }();
  return scenario;
}

// Built once and shared by every replication, as a sweep does.
const std::shared_ptr<const world::World>& baseline_world() {
  static const std::shared_ptr<const world::World> world =
      std::make_shared<const world::World>(world::build_world(baseline_scenario()));
  return world;
}

// The baseline with one person per agent (`--set civilians.people_per_agent=1`:
// 22.6 million civilian agents) and its world, built the first time
// BM_WholePopulation runs rather than at program start, so that other
// benchmarks do not pay for it.
struct WholePopulation {
  scenario::Scenario scenario;
  std::shared_ptr<const world::World> world;
};

const WholePopulation& whole_population() {
  static const WholePopulation whole = [] {
    const std::vector<scenario::Override> overrides = {
        {"civilians.people_per_agent", "1", "bench"}};
    scenario::LoadResult loaded = scenario::load_scenario(
        std::string(POCSIM_SOURCE_DIR) + "/scenarios/mali_2022/baseline.yaml", overrides);
    if (!loaded.scenario) throw std::runtime_error("cannot load the Mali baseline for the bench");
    WholePopulation w;
    w.world = std::make_shared<const world::World>(world::build_world(*loaded.scenario));
    w.scenario = std::move(*loaded.scenario);
    return w;
  }();
  return whole;
}

std::int64_t civilian_deaths_of(const RunResult& result) {
  const RunTotals& totals = result.recorder.totals();
  return std::accumulate(totals.civilian_deaths_by_faction.begin(),
                         totals.civilian_deaths_by_faction.end(), std::int64_t{0}) +
         totals.crossfire_deaths;
}

// Building the world from the loaded scenario: the grid from the outline, the
// places, the population spread over the cells.
void BM_BuildWorld(benchmark::State& state) {
  const scenario::Scenario& scenario = baseline_scenario();
  for (auto _ : state) {
    world::World world = world::build_world(scenario);
    benchmark::DoNotOptimize(world);
  }
}

// One replication: construct the simulation on the shared world (this places
// the civilian agents and the units), run every tick of the year and take the
// result. threads:1 is ExecutionMode::serial with TBB limited to one thread,
// threads:2 ExecutionMode::parallel with a limit of two, as `pocsim run
// --threads` maps them.
void BM_BaselineYear(benchmark::State& state) {
  const auto threads = static_cast<std::size_t>(state.range(0));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const ExecutionMode mode = threads == 1 ? ExecutionMode::serial : ExecutionMode::parallel;
  const scenario::Scenario& scenario = baseline_scenario();
  const std::shared_ptr<const world::World>& world = baseline_world();

  std::size_t civilians = 0;
  std::uint32_t days = 0;
  std::int64_t civilian_deaths = 0;
  for (auto _ : state) {
    Simulation simulation(scenario, world, mode);
    simulation.run();
    const RunResult result = simulation.result();
    benchmark::DoNotOptimize(result);

    civilians = simulation.context().civilians.size();
    days = result.recorder.days_recorded();
    civilian_deaths = civilian_deaths_of(result);
  }
  // Every replication uses the same seed, so these are the same each time.
  state.counters["civilians"] = static_cast<double>(civilians);
  state.counters["simulated_days"] = static_cast<double>(days);
  state.counters["civilian_deaths"] = static_cast<double>(civilian_deaths);
}

// One replication of the whole population: as BM_BaselineYear, on 22.6
// million agents. The simulation other benchmarks keep (mali_fixture.hpp, up
// to 10^7 agents) is freed first. peak_rss_MB is the process's high-water
// mark (getrusage): the run's own peak when the benchmark runs alone
// (--benchmark_filter=BM_WholePopulation), the largest of any earlier
// benchmark otherwise.
void BM_WholePopulation(benchmark::State& state) {
  const auto threads = static_cast<std::size_t>(state.range(0));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const ExecutionMode mode = threads == 1 ? ExecutionMode::serial : ExecutionMode::parallel;
  bench::release_warm_simulation();
  malloc_trim(0);
  const WholePopulation& whole = whole_population();

  std::size_t civilians = 0;
  std::int64_t civilian_deaths = 0;
  for (auto _ : state) {
    Simulation simulation(whole.scenario, whole.world, mode);
    simulation.run();
    const RunResult result = simulation.result();
    benchmark::DoNotOptimize(result);
    civilians = simulation.context().civilians.size();
    civilian_deaths = civilian_deaths_of(result);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["civilians"] = static_cast<double>(civilians);
  state.counters["civilian_deaths"] = static_cast<double>(civilian_deaths);
  state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) * 1024.0 / 1e6;
}

BENCHMARK(BM_BuildWorld)->UseRealTime()->Unit(benchmark::kMillisecond);

BENCHMARK(BM_BaselineYear)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Iterations(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

BENCHMARK(BM_WholePopulation)
    ->ArgName("threads")
    ->Arg(2)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pocsim
