// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/deployment.hpp"

#include "pocsim/scenario/sections/faction.hpp"

namespace pocsim {

namespace {
void place_at_base(SimulationContext& ctx, std::size_t u) {
  Units& units = ctx.units;
  const int base = units.base_town[u];
  const geo::PointKm p = ctx.world.grid.center(ctx.world.town_cell[base]);
  units.x[u] = static_cast<float>(p.x);
  units.y[u] = static_cast<float>(p.y);
  units.target_x[u] = units.x[u];
  units.target_y[u] = units.y[u];
  units.cell[u] = ctx.world.town_cell[base];
  units.from_town[u] = units.to_town[u] = static_cast<std::int16_t>(base);
  units.leg_done_km[u] = 0.0f;
}
}  // namespace

void create_units(SimulationContext& ctx) {
  for (std::size_t f = 0; f < ctx.factions.size(); ++f) {
    const Faction& faction = ctx.factions[f];
    for (int i = 0; i < faction.config.units; ++i) {
      const int base = faction.bases[static_cast<std::size_t>(i) % faction.bases.size()];
      ctx.units.add(static_cast<std::uint16_t>(f), static_cast<std::int16_t>(base),
                    faction.config.unit_strength);
      place_at_base(ctx, ctx.units.size() - 1);
    }
  }
}

void update_deployment(SimulationContext& ctx, std::int64_t day) {
  Units& units = ctx.units;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const Faction& f = ctx.factions[units.faction[u]];
    if (day >= f.withdraw_day) {
      units.task[u] = UnitTask::withdrawn;
    } else if (units.task[u] == UnitTask::waiting && day >= f.deploy_day) {
      place_at_base(ctx, u);
      units.task[u] = UnitTask::patrol;
    }
  }
}

}  // namespace pocsim
