#include "pocsim/systems/reinforcement.hpp"

#include <cmath>

namespace pocsim {

void reinforce_units(SimulationContext& ctx) {
  Units& units = ctx.units;
  const double share = ctx.scenario.combat.replenish_per_day;
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (!units.deployed(u)) continue;
    const std::int32_t missing = units.full_strength[u] - units.strength[u];
    if (missing > 0) units.strength[u] += static_cast<std::int32_t>(std::ceil(share * missing));
    if (units.task[u] == UnitTask::recovering && 2 * units.strength[u] >= units.full_strength[u])
      units.task[u] = UnitTask::patrol;
  }
}

}  // namespace pocsim
