// SPDX-License-Identifier: Apache-2.0
#include "pocsim/core/scheduler.hpp"

namespace pocsim {

void Scheduler::add_phase(std::string name, std::uint32_t cadence_ticks, PhaseFn fn) {
  phases_.push_back({std::move(name), cadence_ticks == 0 ? 1 : cadence_ticks, std::move(fn)});
}

void Scheduler::run_tick(const TickInfo& tick) const {
  for (const Phase& phase : phases_)
    if ((tick.tick + 1) % phase.cadence == 0) phase.fn(tick);
}

std::vector<std::string> Scheduler::phase_names() const {
  std::vector<std::string> names;
  for (const Phase& phase : phases_) names.push_back(phase.name);
  return names;
}

}  // namespace pocsim
