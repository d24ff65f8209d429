// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/presence.hpp"

#include <algorithm>
#include <cmath>

#include "pocsim/scenario/sections/control.hpp"

namespace pocsim {

void mark_presence(SimulationContext& ctx) {
  const world::Grid& grid = ctx.world.grid;
  const int reach = ctx.scenario.control.presence_cells;
  const auto unit_days = static_cast<float>(ctx.tick_hours / 24.0);
  const Units& units = ctx.units;
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (!units.active(u)) continue;
    const int c0 = grid.column(units.cell[u]), r0 = grid.row(units.cell[u]);
    for (int r = std::max(0, r0 - reach); r <= std::min(grid.height() - 1, r0 + reach); ++r)
      for (int c = std::max(0, c0 - reach); c <= std::min(grid.width() - 1, c0 + reach); ++c)
        ctx.presence(units.faction[u], grid.cell(c, r)) += unit_days;
  }
}

void fade_presence(SimulationContext& ctx) {
  const auto keep = static_cast<float>(std::exp(-1.0 / ctx.scenario.control.presence_memory_days));
  for (float& p : ctx.cells.presence) p *= keep;
}

}  // namespace pocsim
