// Throughput of the Mali 2022 baseline at several agent counts and thread
// counts: whole hourly ticks (BM_MaliTick) and the daily civilian pass alone
// (BM_CivilianPhase).
//
// Benchmark names are meant to be compared across commits, so the arguments
// are named (civilians:N/threads:T) and their order is fixed. "civilians" is
// the requested agent count; every populated cell rounds its agents up, so the
// actual count is higher (most at 10^4, where many cells hold fewer people
// than one agent) and is reported as the "civilians" counter.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "pocsim/scenario/loader.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/systems/context.hpp"
#include "pocsim/systems/displacement.hpp"
#include "pocsim/world/world.hpp"

namespace pocsim {
namespace {

// Mali's population in 2022 as in the baseline; each size keeps it as closely
// as 1..255 people per agent allow, so the world and the violence look like
// the real run and only the agent granularity changes.
constexpr double mali_population = 22.6e6;

// Simulated days run before timing so that violence has raised risk above
// the flight threshold somewhere and displaced groups exist; an untouched
// first day would time an idle displacement pass.
constexpr std::uint32_t warmup_days = 7;

struct SizedScenario {
  scenario::Scenario scenario;
  std::shared_ptr<const world::World> world;
  int people_per_agent = 0;
};

// The baseline with N*P people in agents of P, its world built once per size
// and shared by every benchmark at that size (building the world spreads the
// population over the grid and is not what is being measured).
const SizedScenario& sized_scenario(std::int64_t agents) {
  static std::map<std::int64_t, SizedScenario> cache;
  if (auto it = cache.find(agents); it != cache.end()) return it->second;

  const auto per_agent = static_cast<int>(
      std::clamp(std::round(mali_population / static_cast<double>(agents)), 1.0, 255.0));
  const std::vector<scenario::Override> overrides = {
      {"civilians.people_per_agent", std::to_string(per_agent), "bench"},
      {"civilians.population", std::to_string(agents * per_agent), "bench"},
  };
  scenario::LoadResult loaded = scenario::load_scenario(
      std::string(POCSIM_SOURCE_DIR) + "/scenarios/mali_2022/baseline.yaml", overrides);
  if (!loaded.scenario) throw std::runtime_error("cannot load the Mali baseline for the bench");
  SizedScenario sized;
  sized.world = std::make_shared<const world::World>(world::build_world(*loaded.scenario));
  sized.scenario = std::move(*loaded.scenario);
  sized.people_per_agent = per_agent;
  return cache.emplace(agents, std::move(sized)).first->second;
}

// Google Benchmark calls a benchmark function several times while it sizes
// the iteration count. Keeping the last warmed-up simulation (one at a time,
// to bound memory at 10^7 agents) avoids repeating the warm-up on each call;
// the state just carries on into later days, which is what a run does too.
// The two benchmarks never share one: BM_CivilianPhase runs the civilian pass
// out of schedule, which leaves a state no real run reaches.
enum class Use { ticks, civilian_phase };

struct WarmSimulation {
  Use use = Use::ticks;
  std::int64_t agents = -1;
  int threads = 0;
  std::unique_ptr<Simulation> simulation;
};

Simulation& warm_simulation(Use use, std::int64_t agents, int threads) {
  static WarmSimulation warm;
  const std::uint32_t day_ticks =
      24 / static_cast<std::uint32_t>(sized_scenario(agents).scenario.scenario.tick_hours);
  // A finished simulation ignores step(), which would time nothing: start
  // again once less than a day is left.
  const bool near_end =
      warm.simulation && warm.simulation->total_ticks() - warm.simulation->ticks_done() < day_ticks;
  if (warm.use != use || warm.agents != agents || warm.threads != threads || near_end) {
    warm.simulation.reset();  // free the old agents before allocating new ones
    const SizedScenario& sized = sized_scenario(agents);
    warm.simulation = std::make_unique<Simulation>(
        sized.scenario, sized.world,
        threads == 1 ? ExecutionMode::serial : ExecutionMode::parallel);
    for (std::uint32_t t = 0; t < warmup_days * day_ticks; ++t) warm.simulation->step();
    warm.use = use;
    warm.agents = agents;
    warm.threads = threads;
  }
  return *warm.simulation;
}

void add_size_counters(benchmark::State& state, const SimulationContext& ctx, std::int64_t agents) {
  state.counters["civilians"] = static_cast<double>(ctx.civilians.size());
  state.counters["people_per_agent"] = sized_scenario(agents).people_per_agent;
  state.counters["bytes_per_civilian"] = static_cast<double>(Civilians::bytes_per_agent);
  state.counters["displaced"] = static_cast<double>(ctx.displaced.agent.size());
}

// One hourly tick, averaged over whole simulated days: iterations come in
// batches of a day's ticks starting at midnight, so the daily phases (risk,
// displacement, civilian index, census, ...) weigh in at one tick in 24, as
// in a real run. Reported time is wall time per tick.
void BM_MaliTick(benchmark::State& state) {
  const std::int64_t agents = state.range(0);
  const auto threads = static_cast<int>(state.range(1));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads));
  Simulation* simulation = &warm_simulation(Use::ticks, agents, threads);
  const auto day_ticks =
      static_cast<benchmark::IterationCount>(simulation->context().ticks_per_day);
  if (simulation->ticks_done() % day_ticks != 0) {
    state.SkipWithError("simulation not at a day boundary");
    return;
  }
  std::int64_t restarts = 0;
  while (state.KeepRunningBatch(day_ticks)) {
    // Long runs cycle through the year again from the warm-up rather than
    // time step() on a finished simulation; the rebuild is not timed.
    if (simulation->ticks_done() + static_cast<std::uint32_t>(day_ticks) >
        simulation->total_ticks()) {
      state.PauseTiming();
      simulation = &warm_simulation(Use::ticks, agents, threads);
      ++restarts;
      state.ResumeTiming();
    }
    for (benchmark::IterationCount t = 0; t < day_ticks; ++t) simulation->step();
  }

  const SimulationContext& ctx = simulation->context();
  add_size_counters(state, ctx, agents);
  state.counters["agent_ticks_per_s"] = benchmark::Counter(
      static_cast<double>(ctx.civilians.size()) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
  state.counters["sim_day"] = static_cast<double>(simulation->ticks_done() / day_ticks);
  state.counters["restarts"] = static_cast<double>(restarts);
}

// The daily civilian pass alone: flight and return, then the rebuild of the
// displaced index and the residents. The risk field stays as the warm-up left
// it, so after a few passes the groups in risky cells have all fled and the
// pass settles into its steady cost (scan every agent, sort the displaced).
// Each pass draws with a new day number, as successive days would.
void BM_CivilianPhase(benchmark::State& state) {
  const std::int64_t agents = state.range(0);
  const auto threads = static_cast<int>(state.range(1));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads));
  Simulation& simulation = warm_simulation(Use::civilian_phase, agents, threads);
  SimulationContext& ctx = simulation.context();
  // Counts on across the calls Google Benchmark makes on the same simulation.
  static std::uint32_t passes_before = 0;
  const std::uint32_t first_day = simulation.ticks_done() / ctx.ticks_per_day;
  for (auto _ : state) {
    displace_civilians(ctx, first_day + passes_before++);
    index_civilians(ctx);
  }
  add_size_counters(state, ctx, agents);
  const auto passes = static_cast<double>(state.iterations());
  const auto n = static_cast<double>(ctx.civilians.size());
  state.counters["agents_per_s"] = benchmark::Counter(n * passes, benchmark::Counter::kIsRate);
  state.SetBytesProcessed(
      static_cast<std::int64_t>(static_cast<std::size_t>(n) * Civilians::bytes_per_agent) *
      state.iterations());
}

// Sizes outer and threads inner, so each 2-thread line follows its 1-thread
// line in the output.
void ticks_args(benchmark::internal::Benchmark* b) {
  b->ArgNames({"civilians", "threads"});
  for (std::int64_t n : {10'000, 100'000, 1'000'000})
    for (std::int64_t threads : {1, 2}) b->Args({n, threads});
}

void phase_args(benchmark::internal::Benchmark* b) {
  b->ArgNames({"civilians", "threads"});
  for (std::int64_t n : {100'000, 1'000'000, 10'000'000})
    for (std::int64_t threads : {1, 2}) b->Args({n, threads});
}

BENCHMARK(BM_MaliTick)->Apply(ticks_args)->UseRealTime()->Unit(benchmark::kMillisecond);

BENCHMARK(BM_CivilianPhase)->Apply(phase_args)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pocsim

BENCHMARK_MAIN();
