// SPDX-License-Identifier: Apache-2.0
#include "pocsim/simulation.hpp"

#include <cstdint>
#include <cstdlib>

#include "pocsim/core/scheduler.hpp"
#include "pocsim/systems/accord.hpp"
#include "pocsim/systems/combat.hpp"
#include "pocsim/systems/context.hpp"
#include "pocsim/systems/control.hpp"
#include "pocsim/systems/deployment.hpp"
#include "pocsim/systems/displacement.hpp"
#include "pocsim/systems/flights.hpp"
#include "pocsim/systems/hunting.hpp"
#include "pocsim/systems/ied.hpp"
#include "pocsim/systems/invariants.hpp"
#include "pocsim/systems/investigation.hpp"
#include "pocsim/systems/movement.hpp"
#include "pocsim/systems/operations.hpp"
#include "pocsim/systems/presence.hpp"
#include "pocsim/systems/recruitment.hpp"
#include "pocsim/systems/reinforcement.hpp"
#include "pocsim/systems/response.hpp"
#include "pocsim/systems/risk.hpp"
#include "pocsim/systems/violence.hpp"

namespace pocsim {
namespace {

std::uint64_t planted_slowdown() {
  const char* iterations = std::getenv("POCSIM_PLANTED_SLOWDOWN");
  return iterations ? std::strtoull(iterations, nullptr, 10) : 0;
}

// A loop the compiler cannot remove: each iteration stores to a volatile.
void spend(std::uint64_t iterations) {
  volatile std::uint64_t sink = 0;
  for (std::uint64_t i = 0; i < iterations; ++i) sink = sink + i;
}

}  // namespace

Simulation::Simulation(const scenario::Scenario& scenario, ExecutionMode mode)
    : Simulation(scenario, std::make_shared<const world::World>(world::build_world(scenario)),
                 mode) {}

Simulation::Simulation(const scenario::Scenario& scenario,
                       std::shared_ptr<const world::World> world, ExecutionMode mode)
    : scenario_(scenario), world_(std::move(world)), planted_slowdown_(planted_slowdown()) {
  ctx_ = std::make_unique<SimulationContext>(scenario_, *world_, mode);
  for (std::int64_t p : world_->population) population_ += p;
  create_units(*ctx_);
  update_deployment(*ctx_, 0);
  update_operations(*ctx_, 0);
  launch_hunts(*ctx_, 0);
  displace_initially(*ctx_);
  index_civilians(*ctx_);
  build_schedule();
}

Simulation::~Simulation() = default;

void Simulation::build_schedule() {
  scheduler_ = std::make_unique<Scheduler>();
  SimulationContext& ctx = *ctx_;
  const std::uint32_t day = ctx.ticks_per_day;
  scheduler_->add_phase("movement", 1, [&ctx](const TickInfo& t) { move_units(ctx, t); });
  scheduler_->add_phase("presence", 1, [&ctx](const TickInfo&) { mark_presence(ctx); });
  scheduler_->add_phase("ied", 1, [&ctx](const TickInfo& t) { strike_road_patrols(ctx, t); });
  scheduler_->add_phase("combat", 1, [&ctx](const TickInfo& t) { resolve_combat(ctx, t); });
  scheduler_->add_phase("violence", 1, [&ctx](const TickInfo& t) { advance_violence(ctx, t); });
  scheduler_->add_phase("response", 1, [&ctx](const TickInfo& t) { advance_responses(ctx, t); });
  scheduler_->add_phase("investigations", 1,
                        [&ctx](const TickInfo& t) { advance_investigations(ctx, t); });
  scheduler_->add_phase("risk", day, [&ctx](const TickInfo&) { update_risk(ctx); });
  // Displacement is the day's last change to the civilians, so the census it
  // counts on the way is the day's closing census; the same pass rebuilds the
  // index of the displaced and the residents of every cell.
  auto census = std::make_shared<CivilianCensus>();
  scheduler_->add_phase("displacement", day, [&ctx, census](const TickInfo& t) {
    *census = displace_civilians(ctx, t.day());
  });
  scheduler_->add_phase("recruitment", day,
                        [&ctx, census](const TickInfo& t) { recruit(ctx, t.day(), *census); });
  scheduler_->add_phase("reinforcement", day, [&ctx](const TickInfo&) { reinforce_units(ctx); });
  scheduler_->add_phase("control", day, [&ctx](const TickInfo&) { record_control(ctx); });
  scheduler_->add_phase("record day", day, [&ctx, census](const TickInfo& t) {
    ctx.recorder.helicopters_on_hand(helicopters_on_hand(ctx, t.tick));
    const Footprint mission = responder_footprint(ctx);
    ctx.recorder.responder_footprint(mission.troops, mission.bases);
    ctx.recorder.end_of_day(t.day(), census->displaced_by_region, census->at_home_by_region);
  });
#ifdef POCSIM_CHECK_INVARIANTS
  scheduler_->add_phase("invariants", day, [&ctx, population = population_](const TickInfo& t) {
    check_invariants(ctx, population, t.day());
  });
#endif
  scheduler_->add_phase("accord", day, [&ctx](const TickInfo& t) { update_accord(ctx, t.day()); });
  scheduler_->add_phase("presence fades", day, [&ctx](const TickInfo&) { fade_presence(ctx); });
  scheduler_->add_phase("deployment", day,
                        [&ctx](const TickInfo& t) { update_deployment(ctx, t.day() + 1); });
  scheduler_->add_phase("operations", day,
                        [&ctx](const TickInfo& t) { update_operations(ctx, t.day() + 1); });
  scheduler_->add_phase("hunts", day,
                        [&ctx](const TickInfo& t) { launch_hunts(ctx, t.day() + 1); });
}

std::uint32_t Simulation::total_ticks() const {
  return static_cast<std::uint32_t>(scenario_.scenario.duration_days) * ctx_->ticks_per_day;
}

void Simulation::step() {
  if (finished()) return;
  scheduler_->run_tick({tick_, ctx_->ticks_per_day});
  if (planted_slowdown_ != 0) spend(planted_slowdown_);
  ++tick_;
}

void Simulation::run(const std::function<void(std::uint32_t, std::uint32_t)>& progress,
                     const StopRequest* stop) {
  const auto days = static_cast<std::uint32_t>(scenario_.scenario.duration_days);
  while (!finished()) {
    throw_if_stop_requested(stop);
    step();
    if (progress && tick_ % ctx_->ticks_per_day == 0) progress(tick_ / ctx_->ticks_per_day, days);
  }
}

CivilianCensus Simulation::census() const { return take_census(*ctx_); }

RunResult Simulation::result() const {
  RunResult r;
  r.scenario = scenario_;
  r.world = world_;
  for (const Faction& f : ctx_->factions) {
    r.faction_names.push_back(f.config.name);
    r.faction_kinds.push_back(f.config.kind);
  }
  r.population = population_;
  r.recorder = ctx_->recorder;
  r.accord_tension = ctx_->accord.tension;
  r.accord_collapse_day = ctx_->accord.collapse_day;
  return r;
}

}  // namespace pocsim
