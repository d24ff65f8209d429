// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/presence.hpp"

#include <cmath>

#include "pocsim/scenario/sections/control.hpp"

namespace pocsim {

void mark_presence(SimulationContext& ctx) {
  const world::Grid& grid = ctx.world.grid;
  const auto unit_days = static_cast<float>(ctx.tick_hours / 24.0);
  const Units& units = ctx.units;
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (!units.active(u)) continue;
    // The faction's row of the presence table: a row of the disc is a run of it.
    float* presence = &ctx.presence(units.faction[u], 0);
    ctx.presence_footprint.for_each_row(grid, units.cell[u], units.x[u], units.y[u],
                                        [presence, unit_days](world::CellId first, int count) {
                                          for (float *p = presence + first, *end = p + count;
                                               p != end; ++p)
                                            *p += unit_days;
                                        });
  }
}

// Once a day: the memory is in days, whatever the tick.
void fade_presence(SimulationContext& ctx) {
  const auto keep = static_cast<float>(std::exp(-1.0 / ctx.scenario.control.presence_memory_days));
  for (float& p : ctx.cells.presence) p *= keep;
}

}  // namespace pocsim
