// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/civilian_harm.hpp"

namespace pocsim {

std::uint32_t harm_civilians_in_cell(SimulationContext& ctx, world::CellId cell,
                                     double kill_probability, Purpose purpose, std::uint32_t tick,
                                     std::uint32_t salt, float grievance) {
  if (kill_probability <= 0.0 && grievance <= 0.0f) return 0;
  Civilians& civ = ctx.civilians;
  std::uint32_t total = 0;
  BinomialDraws killed(kill_probability);
  for_each_group_in_cell(ctx, cell, [&](std::uint32_t a) {
    const double u = ctx.rng.uniform(purpose, a, tick, salt);
    const std::uint32_t k = killed(civ.alive[a], u);
    civ.alive[a] = static_cast<std::uint8_t>(civ.alive[a] - k);
    civ.killed[a] = static_cast<std::uint8_t>(civ.killed[a] + k);
    civ.grievance[a] += grievance;
    ctx.index_scratch.touched[civ.home[a]] = 1;
    total += k;
  });
  ctx.cells.deaths_today[cell] += total;
  return total;
}

}  // namespace pocsim
