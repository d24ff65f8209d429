// SPDX-License-Identifier: Apache-2.0
// Ticks with many units sharing cells (BM_CrowdedUnits): the first teaching
// scenario (25 km cells over Mopti) with FAMa's `units` set to N, one
// thread. One iteration is one hourly tick (Simulation::step): movement,
// presence, the IED strikes on road patrols and the contact search of
// combat, whose costs grow with the units, and the phases that do not. At
// 100,000 units most cells of the area hold hundreds of units, so the cost
// per unit shows whether a phase stays linear in the units.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "pocsim/scenario/loader.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {
namespace {

void BM_CrowdedUnits(benchmark::State& state) {
  const auto units = static_cast<std::size_t>(state.range(0));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
  const std::string file = std::string(POCSIM_SOURCE_DIR) + "/scenarios/teaching/first_run.yaml";
  const std::vector<scenario::Override> overrides = {
      {"factions.FAMa.units", std::to_string(units), "bench"}};
  scenario::LoadResult loaded = scenario::load_scenario(file, overrides);
  if (!loaded.scenario) throw std::runtime_error("cannot load " + file);
  // A simulated day first, untimed, so that the units have left their bases.
  auto start = [&] {
    auto fresh = std::make_unique<Simulation>(*loaded.scenario, ExecutionMode::serial);
    for (std::uint32_t t = 0; t < fresh->context().ticks_per_day; ++t) fresh->step();
    return fresh;
  };
  std::unique_ptr<Simulation> simulation = start();
  for (auto _ : state) {
    if (simulation->finished()) {  // the month is over: start it again, untimed
      state.PauseTiming();
      simulation = start();
      state.ResumeTiming();
    }
    simulation->step();
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(simulation->context().units.size()));
  state.counters["units"] = static_cast<double>(simulation->context().units.size());
}

BENCHMARK(BM_CrowdedUnits)
    ->ArgName("units")
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pocsim
