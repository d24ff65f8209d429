// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/reinforcement.hpp"

#include <cmath>

#include "pocsim/scenario/sections/combat.hpp"

namespace pocsim {

void regroup_at_base(SimulationContext& ctx, std::size_t u) {
  Units& units = ctx.units;
  const world::CellId base = ctx.world.town_cell[units.base_town[u]];
  const geo::PointKm at = ctx.world.grid.center(base);
  units.task[u] = UnitTask::recovering;
  units.x[u] = static_cast<float>(at.x);
  units.y[u] = static_cast<float>(at.y);
  units.cell[u] = base;
  units.from_town[u] = units.to_town[u] = units.base_town[u];
  units.leg_done_km[u] = 0.0f;
}

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
