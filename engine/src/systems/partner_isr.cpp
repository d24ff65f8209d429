// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/partner_isr.hpp"

#include "pocsim/agents/faction_traits.hpp"
#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/systems/flights.hpp"

namespace pocsim {

bool watched_by_partners(const SimulationContext& ctx, world::CellId cell, std::uint32_t tick) {
  if (grounded(ctx, tick, true)) return false;
  const auto region = static_cast<std::size_t>(ctx.world.region[cell]);
  const std::int64_t day = tick / ctx.ticks_per_day;
  for (const Faction& f : ctx.factions)
    if (f.config.kind == scenario::FactionKind::partner && f.watches[region] && f.present_on(day))
      return true;
  return false;
}

bool protected_by_partner_isr(scenario::FactionKind kind) { return faction_traits(kind).foreign; }

}  // namespace pocsim
