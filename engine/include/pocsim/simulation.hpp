// SPDX-License-Identifier: Apache-2.0
#pragma once
// The public entry point: build a run from a validated scenario, step or run
// it, and read its results. This class only wires the world, the state and the
// systems together; the computation lives in the systems.
#include <cstdint>
#include <functional>
#include <memory>

#include "pocsim/core/executor.hpp"
#include "pocsim/core/stop_request.hpp"
#include "pocsim/output/recorder.hpp"
#include "pocsim/scenario/scenario.hpp"
#include "pocsim/world/world.hpp"

namespace pocsim {

struct SimulationContext;
struct CivilianCensus;

struct RunResult {
  scenario::Scenario scenario;
  std::shared_ptr<const world::World> world;
  std::vector<std::string> faction_names;
  std::vector<scenario::FactionKind> faction_kinds;
  std::int64_t population = 0;
  Recorder recorder;
  double accord_tension = 0.0;            // at the end
  std::int64_t accord_collapse_day = -1;  // -1 while the accord holds
};

class Simulation {
 public:
  Simulation(const scenario::Scenario& scenario, ExecutionMode mode = ExecutionMode::parallel);
  Simulation(const scenario::Scenario& scenario, std::shared_ptr<const world::World> world,
             ExecutionMode mode = ExecutionMode::parallel);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  std::uint32_t total_ticks() const;
  std::uint32_t ticks_done() const { return tick_; }
  bool finished() const { return tick_ >= total_ticks(); }

  void step();  // one tick with every phase due on it
  // Runs to the end; progress(day, days) after each day. Throws Stopped
  // between two ticks once `stop` is requested.
  void run(const std::function<void(std::uint32_t, std::uint32_t)>& progress = {},
           const StopRequest* stop = nullptr);

  std::int64_t population() const { return population_; }
  CivilianCensus census() const;
  const SimulationContext& context() const { return *ctx_; }
  SimulationContext& context() { return *ctx_; }

  // The results so far (complete after run()).
  RunResult result() const;

 private:
  void build_schedule();

  scenario::Scenario scenario_;
  std::shared_ptr<const world::World> world_;
  std::unique_ptr<SimulationContext> ctx_;
  std::unique_ptr<class Scheduler> scheduler_;
  std::uint32_t tick_ = 0;
  std::int64_t population_ = 0;
  // Test-only: POCSIM_PLANTED_SLOWDOWN=N adds a loop of N iterations to every
  // tick, a regression planted on purpose to show that the benchmark
  // history's instruction-count check catches one (tests/bench_track/).
  std::uint64_t planted_slowdown_ = 0;
};

}  // namespace pocsim
