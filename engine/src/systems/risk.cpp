// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/risk.hpp"

#include <cmath>

#include "pocsim/scenario/sections/civilians.hpp"

namespace pocsim {

void update_risk(SimulationContext& ctx) {
  const auto keep = static_cast<float>(std::exp(-1.0 / ctx.scenario.civilians.risk_memory_days));
  CellFields& cells = ctx.cells;
  for (world::CellId c : ctx.world.land_cells) {
    const double residents = static_cast<double>(std::max<std::int64_t>(cells.residents[c], 1));
    cells.risk[c] = cells.risk[c] * keep + static_cast<float>(cells.deaths_today[c] / residents);
    cells.deaths_today[c] = 0;
  }
}

}  // namespace pocsim
