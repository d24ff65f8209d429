// SPDX-License-Identifier: Apache-2.0
// Epstein's civil-violence model on the engine core (BM_EpsteinStep), the
// counter-based random numbers every model draws from (BM_PhiloxDraws, one
// block at a time; BM_PhiloxDrawsForAgents, a run at once), and a
// STREAM triad (BM_StreamTriad), the memory-bandwidth bound against which
// the throughput of a pass over agents can be judged.
//
// Names are fixed for comparison across commits: side:S is the grid's side
// (S x S torus, Mesa's densities, so about 0.774 S^2 agents),
// activation:0 random sequential, activation:1 synchronous; threads:T as in
// `pocsim run --threads` (1 = serial path).
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "pocsim/classic/epstein.hpp"
#include "pocsim/core/rng.hpp"
#include "stream_triad.hpp"

namespace pocsim {
namespace {

// One model at a time (4000 x 4000 holds about 300 MB), kept across the
// calls Google Benchmark makes while it sizes the iteration count; the run
// just carries on, as a longer run would.
struct CachedModel {
  std::int64_t side = 0, activation = 0, threads = 0;
  std::unique_ptr<classic::EpsteinModel> model;
};

classic::EpsteinModel& epstein_model(std::int64_t side, std::int64_t activation,
                                     std::int64_t threads) {
  static CachedModel cached;
  if (!cached.model || cached.side != side || cached.activation != activation ||
      cached.threads != threads) {
    cached.model.reset();
    classic::EpsteinScenario s;  // Mesa's model defaults
    s.grid.width = s.grid.height = static_cast<int>(side);
    s.activation =
        activation == 0 ? classic::Activation::random_sequential : classic::Activation::synchronous;
    cached = {side, activation, threads,
              std::make_unique<classic::EpsteinModel>(
                  s, threads == 1 ? ExecutionMode::serial : ExecutionMode::parallel)};
    // Past the opening burst of rebellion, into the usual regime.
    for (int i = 0; i < 5; ++i) cached.model->step();
  }
  return *cached.model;
}

void BM_EpsteinStep(benchmark::State& state) {
  const std::int64_t side = state.range(0), activation = state.range(1), threads = state.range(2);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads));
  classic::EpsteinModel& model = epstein_model(side, activation, threads);
  for (auto _ : state) model.step();
  const classic::EpsteinCounts c = model.counts();
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(model.agents()));
  state.counters["agents"] = model.agents();
  state.counters["active"] = c.active;
  state.counters["jailed"] = c.jailed;
}

void epstein_args(benchmark::internal::Benchmark* b) {
  b->ArgNames({"side", "activation", "threads"});
  for (std::int64_t side : {40, 400}) b->Args({side, 0, 1});
  for (std::int64_t side : {40, 400, 4000})
    for (std::int64_t threads : {1, 2}) b->Args({side, 1, threads});
}

BENCHMARK(BM_EpsteinStep)->Apply(epstein_args)->UseRealTime()->Unit(benchmark::kMillisecond);

// 128-bit Philox blocks per second, one thread, keyed as the models key them.
void BM_PhiloxDraws(benchmark::State& state) {
  const CounterRng rng(2022);
  std::uint32_t agent = 0, sink = 0;
  for (auto _ : state) {
    for (int i = 0; i < 1024; ++i) sink ^= rng.bits(Purpose::benchmark, agent++, 7)[0];
    benchmark::DoNotOptimize(sink);
  }
  state.SetItemsProcessed(state.iterations() * 1024);
}

BENCHMARK(BM_PhiloxDraws)->UseRealTime();

// The same blocks drawn for runs of 1024 agents at once (bits_for_agents:
// eight per AVX2 register where the processor has AVX2).
void BM_PhiloxDrawsForAgents(benchmark::State& state) {
  const CounterRng rng(2022);
  std::vector<std::uint32_t> out(4 * 1024);
  std::uint32_t first = 0;
  for (auto _ : state) {
    rng.bits_for_agents(Purpose::benchmark, first, 1024, 7, 0, out.data());
    first += 1024;
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * 1024);
}

BENCHMARK(BM_PhiloxDrawsForAgents)->UseRealTime();

// STREAM's triad a = b + s * c over arrays far larger than the caches,
// counted as STREAM counts it: 24 bytes per element (two reads, one write).
void BM_StreamTriad(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0)) << 20;
  const auto threads = static_cast<std::size_t>(state.range(1));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  std::vector<double> a(n, 0.0), b(n, 1.0), c(n, 2.0);
  for (auto _ : state) {
    bench::stream_triad(a, b, c, 3.0, threads);
    benchmark::DoNotOptimize(a.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(n * 3 * sizeof(double)));
}

BENCHMARK(BM_StreamTriad)
    ->ArgNames({"Melements", "threads"})
    ->Args({8, 1})
    ->Args({8, 2})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pocsim
