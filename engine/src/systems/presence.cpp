// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/presence.hpp"

#include <cmath>

#include "pocsim/scenario/sections/control.hpp"

namespace pocsim {

void mark_presence(SimulationContext& ctx) {
  const world::Grid& grid = ctx.world.grid;
  const double reach_km = ctx.scenario.control.presence_km;
  const auto unit_days = static_cast<float>(ctx.tick_hours / 24.0);
  const Units& units = ctx.units;
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (!units.active(u)) continue;
    const std::size_t f = units.faction[u];
    for_each_cell_within_km(
        grid, units.x[u], units.y[u], reach_km,
        [&ctx, f, unit_days](world::CellId c) { ctx.presence(f, c) += unit_days; });
  }
}

// Once a day: the memory is in days, whatever the tick.
void fade_presence(SimulationContext& ctx) {
  const auto keep = static_cast<float>(std::exp(-1.0 / ctx.scenario.control.presence_memory_days));
  for (float& p : ctx.cells.presence) p *= keep;
}

}  // namespace pocsim
