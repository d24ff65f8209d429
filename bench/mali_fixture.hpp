// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Mali 2022 baseline resized to a requested number of civilian agents and
// warmed up, shared by the benchmarks of several files (ticks, the civilian
// pass, spatial queries, memory). The functions are inline so that every file
// sees the same cache: one warmed simulation at a time in the whole binary,
// which bounds memory at 10^7 agents.
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
#include "pocsim/world/world.hpp"

namespace pocsim::bench {

// Mali's population in 2022 as in the baseline; each size keeps it as closely
// as 1..255 people per agent allow, so the world and the violence look like
// the real run and only the agent granularity changes.
inline constexpr double mali_population = 22.6e6;

// Simulated days run before timing so that violence has raised risk above
// the flight threshold somewhere and displaced groups exist; an untouched
// first day would time an idle displacement pass.
inline constexpr std::uint32_t warmup_days = 7;

struct SizedScenario {
  scenario::Scenario scenario;
  std::shared_ptr<const world::World> world;
  int people_per_agent = 0;
};

// The baseline with N*P people in agents of P, its world built once per size
// and shared by every benchmark at that size (building the world spreads the
// population over the grid and is not what is being measured).
inline const SizedScenario& sized_scenario(std::int64_t agents) {
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

inline std::uint32_t ticks_per_day(std::int64_t agents) {
  return 24 / static_cast<std::uint32_t>(sized_scenario(agents).scenario.scenario.tick_hours);
}

// Google Benchmark calls a benchmark function several times while it sizes
// the iteration count. Keeping the last warmed-up simulation (one at a time,
// to bound memory at 10^7 agents) avoids repeating the warm-up on each call;
// the state just carries on into later days, which is what a run does too.
// Uses that leave states no real run reaches get a simulation of their own:
// BM_CivilianPhase runs the civilian pass out of schedule. Read-only uses
// (spatial queries) share the ticking one.
enum class Use { ticks, civilian_phase };

struct WarmSimulation {
  Use use = Use::ticks;
  std::int64_t agents = -1;
  int threads = 0;
  std::unique_ptr<Simulation> simulation;
};

inline WarmSimulation& warm_slot() {
  static WarmSimulation warm;
  return warm;
}

// Frees the kept simulation (the memory benchmark measures from a clean slate).
inline void release_warm_simulation() {
  WarmSimulation& warm = warm_slot();
  warm.simulation.reset();
  warm.agents = -1;
}

// A simulation of the sized baseline, constructed on the shared world and run
// for `days` simulated days. threads:1 is ExecutionMode::serial, more is
// ExecutionMode::parallel, as `pocsim run --threads` maps them (the caller
// holds the TBB thread limit).
inline std::unique_ptr<Simulation> run_sized(std::int64_t agents, int threads, std::uint32_t days) {
  const SizedScenario& sized = sized_scenario(agents);
  auto simulation = std::make_unique<Simulation>(
      sized.scenario, sized.world, threads == 1 ? ExecutionMode::serial : ExecutionMode::parallel);
  const std::uint32_t ticks = days * ticks_per_day(agents);
  for (std::uint32_t t = 0; t < ticks; ++t) simulation->step();
  return simulation;
}

inline Simulation& warm_simulation(Use use, std::int64_t agents, int threads) {
  WarmSimulation& warm = warm_slot();
  const std::uint32_t day_ticks = ticks_per_day(agents);
  // A finished simulation ignores step(), which would time nothing: start
  // again once less than a day is left.
  const bool near_end =
      warm.simulation && warm.simulation->total_ticks() - warm.simulation->ticks_done() < day_ticks;
  if (warm.use != use || warm.agents != agents || warm.threads != threads || near_end) {
    release_warm_simulation();  // free the old agents before allocating new ones
    warm.simulation = run_sized(agents, threads, warmup_days);
    warm.use = use;
    warm.agents = agents;
    warm.threads = threads;
  }
  return *warm.simulation;
}

}  // namespace pocsim::bench
