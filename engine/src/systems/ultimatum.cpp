// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/ultimatum.hpp"

#include <algorithm>

#include "pocsim/scenario/sections/civilians.hpp"
#include "pocsim/scenario/sections/faction.hpp"

namespace pocsim {

bool give_ultimatum(SimulationContext& ctx, const Faction& f, std::uint32_t unit,
                    world::CellId cell, const TickInfo& tick) {
  if (f.config.ultimatum_share <= 0.0 || tick.day() < f.ultimatum_day) return false;
  if (ctx.rng.uniform(Purpose::ultimatum, unit, tick.tick) >= f.config.ultimatum_share)
    return false;
  // Twice the threshold [assume]: above it for risk_memory_days x ln 2 days,
  // so that most of the village has gone before its fear fades.
  const float ordered_out = 2.0f * static_cast<float>(ctx.scenario.civilians.flee_risk);
  ctx.cells.risk[cell] = std::max(ctx.cells.risk[cell], ordered_out);
  ctx.recorder.ultimatum_issued();
  return true;
}

}  // namespace pocsim
