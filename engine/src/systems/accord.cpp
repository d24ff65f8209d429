// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/accord.hpp"

#include <algorithm>

#include "pocsim/agents/faction_traits.hpp"
#include "pocsim/scenario/sections/accord.hpp"
#include "pocsim/scenario/sections/faction.hpp"

namespace pocsim {

void note_provocation(SimulationContext& ctx, const Faction& perpetrator, world::CellId cell) {
  if (!faction_traits(perpetrator.config.kind).state_side) return;
  const auto region = static_cast<std::size_t>(ctx.world.region[cell]);
  for (const Faction& f : ctx.factions)
    if (faction_traits(f.config.kind).signs_accord && f.in_area[region]) {
      ++ctx.accord.provocations_today;
      return;
    }
}

void update_accord(SimulationContext& ctx, std::uint32_t day) {
  AccordState& accord = ctx.accord;
  if (accord.collapse_day >= 0) return;
  const auto& cfg = ctx.scenario.accord;
  double held_back = 0.0;
  bool dialogue = false;
  for (std::size_t f = 0; f < ctx.factions.size(); ++f) {
    const Faction& faction = ctx.factions[f];
    if (!faction.present_on(day)) continue;
    held_back += faction.config.escalation_deterrence;
    if (static_cast<int>(f) == ctx.responder)
      for (const Faction& other : ctx.factions)
        if (faction_traits(other.config.kind).signs_accord)
          for (std::size_t r = 0; r < other.in_area.size(); ++r)
            dialogue = dialogue || (other.in_area[r] && faction.in_area[r]);
  }
  accord.tension += cfg.drift_per_day * (1.0 - std::min(1.0, held_back)) +
                    cfg.tension_per_provocation * accord.provocations_today -
                    (dialogue ? cfg.dialogue_per_day : 0.0);
  accord.tension = std::max(0.0, accord.tension);
  accord.provocations_today = 0;
  if (accord.tension < cfg.collapse_at) return;
  accord.collapse_day = day;
  // The state's side and the signatories now fight on contact, and the state
  // carries its operations into the signatories' regions to retake the north.
  for (std::size_t a = 0; a < ctx.factions.size(); ++a)
    for (std::size_t b = 0; b < ctx.factions.size(); ++b) {
      Faction& state = ctx.factions[a];
      const Faction& signatory = ctx.factions[b];
      if (!faction_traits(state.config.kind).state_side ||
          !faction_traits(signatory.config.kind).signs_accord)
        continue;
      state.hostile |= std::uint64_t{1} << b;
      ctx.factions[b].hostile |= std::uint64_t{1} << a;
      for (std::size_t r = 0; r < state.in_area.size(); ++r)
        state.in_area[r] = state.in_area[r] || signatory.in_area[r] ? 1 : 0;
    }
}

}  // namespace pocsim
