// SPDX-License-Identifier: Apache-2.0
// Throughput of the Mali 2022 baseline at several agent counts and thread
// counts: whole hourly ticks (BM_MaliTick) and the daily civilian pass alone
// (BM_CivilianPhase), the latter also as a fraction of the STREAM bound.
//
// Benchmark names are meant to be compared across commits, so the arguments
// are named (civilians:N/threads:T) and their order is fixed. "civilians" is
// the requested agent count; every populated cell rounds its agents up, so the
// actual count is higher (most at 10^4, where many cells hold fewer people
// than one agent) and is reported as the "civilians" counter.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "mali_fixture.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/systems/context.hpp"
#include "pocsim/systems/displacement.hpp"
#include "stream_triad.hpp"

namespace pocsim {
namespace {

using bench::sized_scenario;
using bench::Use;
using bench::warm_simulation;

double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
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

// Bytes the daily civilian pass must move per agent, counted as STREAM counts
// (each array read once and each array written once per pass, no
// write-allocate traffic; the per-cell tables risk, refuge, region and
// residents stay in cache and are not counted). displace_civilians walks the
// agents in runs of one home cell (a few hundred agents, a few kB per array)
// and does everything to a run while it is in the first-level cache: it reads
// and writes grievance (4 + 4, the daily fading) and reads status, alive and
// killed (1 + 1 + 1) for the census, the residents and the displaced. home is
// read once per block of agents, cell only for the groups in risky cells and
// those that have just fled, and cell and status are written only for the
// groups that move: none of that is counted. So 7 bytes read and 4 written:
// 11 per agent and pass. (Until December 2026 the index was a second pass
// that read status and alive again, 13 bytes; before that the count was 21,
// as if cell and home were read for every agent.)
constexpr std::size_t civilian_pass_bytes_per_agent = 2 * sizeof(float) + 3 * sizeof(std::uint8_t);
static_assert(civilian_pass_bytes_per_agent == 11);

// What the civilian pass reads and writes besides the risk field: a copy
// taken once per size and put back before every timed pass, so
// that every pass does the same day's work. Left to run on, the pass would
// send the displaced home a few hundred a day (the risk field stays as the
// warm-up left it), and the more passes a run made the less work each would
// find: a faster build or more threads would be flattered. The warm-up gives
// the same state at any thread count, so one copy serves every simulation of
// the size.
struct CivilianPassState {
  std::int64_t agents = -1;
  Civilians civilians;
  DisplacedIndex displaced;
  CivilianIndexScratch scratch;
  std::vector<std::int64_t> residents;

  void take(const SimulationContext& ctx, std::int64_t size) {
    agents = size;
    civilians = ctx.civilians;
    displaced = ctx.displaced;
    scratch = ctx.index_scratch;
    residents = ctx.cells.residents;
  }
  void restore(SimulationContext& ctx) const {
    ctx.civilians = civilians;
    ctx.displaced = displaced;
    ctx.index_scratch = scratch;
    ctx.cells.residents = residents;
  }
};

// Untimed passes after the warm-up before the state is kept: by then the
// groups of the risky cells have fled (half of them a day) and the pass is at
// its steady cost.
constexpr std::uint32_t settling_passes = 8;

// The daily civilian pass alone: flight and return, the rebuild of the
// displaced index and the residents, and the census. Every timed pass starts
// from the same state (CivilianPassState, above) and draws with a new day
// number, as successive days would.
//
// bandwidth_fraction is the bytes the pass must move per second (11 per agent,
// above) over the STREAM triad's bytes per second on as many threads: before
// every pass, untimed, one triad runs over its own arrays (192 MiB, which also
// evicts the agents that restoring the state left in cache), and the figure
// is the median over the passes of the pass's rate over the triad's before
// it. Pairing them so cancels the swings of a shared machine's memory
// bandwidth, which would otherwise decide the ratio of two figures taken
// seconds apart; stream_triad_bytes_per_s is the median triad.
void BM_CivilianPhase(benchmark::State& state) {
  const std::int64_t agents = state.range(0);
  const auto threads = static_cast<int>(state.range(1));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads));
  bench::TriadArrays triad(static_cast<std::size_t>(threads));
  Simulation& simulation = warm_simulation(Use::civilian_phase, agents, threads);
  SimulationContext& ctx = simulation.context();
  const auto n = static_cast<double>(ctx.civilians.size());
  const double moved_per_pass = n * static_cast<double>(civilian_pass_bytes_per_agent);
  const std::uint32_t first_day = simulation.ticks_done() / ctx.ticks_per_day;
  static CivilianPassState kept;
  if (kept.agents != agents) {
    for (std::uint32_t d = 0; d < settling_passes; ++d) displace_civilians(ctx, first_day + d);
    kept.take(ctx, agents);
  }
  // Counts on across the calls Google Benchmark makes on the same simulation.
  static std::uint32_t passes_before = 0;
  std::vector<double> fractions, triad_rates;
  for (auto _ : state) {
    state.PauseTiming();
    kept.restore(ctx);
    const double triad_rate = bench::TriadArrays::bytes_per_pass / triad.time_one_pass();
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    displace_civilians(ctx, first_day + settling_passes + passes_before++);
    const std::chrono::duration<double> pass = std::chrono::steady_clock::now() - start;
    triad_rates.push_back(triad_rate);
    fractions.push_back(moved_per_pass / pass.count() / triad_rate);
  }
  add_size_counters(state, ctx, agents);
  const auto passes = static_cast<double>(state.iterations());
  state.counters["agents_per_s"] = benchmark::Counter(n * passes, benchmark::Counter::kIsRate);
  // Kept at 15 bytes per agent (the storage) so that bytes_per_second compares
  // with earlier measurements; moved_bytes_per_s is the honest traffic.
  state.SetBytesProcessed(
      static_cast<std::int64_t>(static_cast<std::size_t>(n) * Civilians::bytes_per_agent) *
      state.iterations());
  state.counters["moved_bytes_per_civilian"] = static_cast<double>(civilian_pass_bytes_per_agent);
  state.counters["moved_bytes_per_s"] =
      benchmark::Counter(moved_per_pass * passes, benchmark::Counter::kIsRate);
  state.counters["stream_triad_bytes_per_s"] = median(triad_rates);
  state.counters["bandwidth_fraction"] = median(fractions);
}

// Sizes outer and threads inner, so each 2-thread line follows its 1-thread
// line in the output.
void ticks_args(benchmark::internal::Benchmark* b) {
  b->ArgNames({"civilians", "threads"});
  for (std::int64_t n : {10'000, 100'000, 1'000'000, 10'000'000})
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
