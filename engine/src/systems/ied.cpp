// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/ied.hpp"

#include "pocsim/agents/faction_traits.hpp"
#include "pocsim/scenario/sections/common.hpp"
#include "pocsim/scenario/sections/control.hpp"
#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/scenario/sections/ied.hpp"
#include "pocsim/scenario/sections/response.hpp"
#include "pocsim/systems/medevac.hpp"
#include "pocsim/systems/partner_isr.hpp"
#include "pocsim/systems/reinforcement.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace pocsim {

namespace {

// The jihadist faction most present in the cell is taken to have laid the
// device; -1 (unidentified) where none has been.
std::int32_t likely_layer(const SimulationContext& ctx, world::CellId cell) {
  std::int32_t best = -1;
  float most = 0.0f;
  for (std::size_t f = 0; f < ctx.factions.size(); ++f)
    if (faction_traits(ctx.factions[f].config.kind).lays_ieds && ctx.presence(f, cell) > most) {
      most = ctx.presence(f, cell);
      best = static_cast<std::int32_t>(f);
    }
  return best;
}

bool drives_on_roads(const SimulationContext& ctx, std::size_t u) {
  const Faction& f = ctx.factions[ctx.units.faction[u]];
  return f.config.mobility == scenario::Mobility::road &&
         faction_traits(f.config.kind).patrols_exposed_to_ieds &&
         !ctx.world.road_links[ctx.units.base_town[u]].empty();
}

}  // namespace

double ied_strike_chance(const SimulationContext& ctx, world::CellId cell, double km,
                         std::uint16_t driver, std::uint32_t tick) {
  const auto& cfg = ctx.scenario.ied;
  double jihadist = 0.0;
  for (std::size_t f = 0; f < ctx.factions.size(); ++f)
    if (faction_traits(ctx.factions[f].config.kind).lays_ieds) jihadist += ctx.presence(f, cell);
  const double presence = std::min(1.0, jihadist / ctx.scenario.control.presence_saturation);
  double per_km = cfg.per_km * (1.0 + (cfg.jihadist_factor - 1.0) * presence);
  if (cfg.isr_clearance > 0.0 && protected_by_partner_isr(ctx.factions[driver].config.kind) &&
      watched_by_partners(ctx, cell, tick))
    per_km *= 1.0 - cfg.isr_clearance;
  return 1.0 - std::exp(-per_km * km);
}

std::uint32_t ied_strike(SimulationContext& ctx, std::uint32_t tick, world::CellId cell,
                         std::uint16_t victim, int unit, double u) {
  std::uint32_t deaths = poisson_from_uniform(ctx.scenario.ied.deaths, u);
  if (unit >= 0) {
    auto& strength = ctx.units.strength[static_cast<std::size_t>(unit)];
    deaths = std::min(deaths, static_cast<std::uint32_t>(strength));
    strength -= static_cast<std::int32_t>(deaths);
    if (strength == 0) regroup_at_base(ctx, static_cast<std::size_t>(unit));
  }
  ctx.recorder.ied_strike(tick / ctx.ticks_per_day, cell, likely_layer(ctx, cell), victim, deaths);
  // Convoys are told apart from units by a salt beyond every unit index.
  const std::uint32_t source =
      unit >= 0 ? static_cast<std::uint32_t>(unit)
                : static_cast<std::uint32_t>(ctx.units.size()) + static_cast<std::uint32_t>(cell);
  call_medevac(ctx, victim, cell, ctx.scenario.ied.deaths, tick, 2 * source + 1);
  return deaths;
}

namespace {

// The highest strike chance over `km` anywhere: full jihadist presence, no
// clearance (ied_strike_chance), plus a margin for the rounding of exp.
double highest_strike_chance(const SimulationContext& ctx, double km) {
  const auto& cfg = ctx.scenario.ied;
  const double per_km = cfg.per_km * std::max(1.0, cfg.jihadist_factor);
  return 1.0 - std::exp(-per_km * km) + 1e-12;
}

}  // namespace

void strike_road_patrols(SimulationContext& ctx, const TickInfo& tick) {
  Units& units = ctx.units;
  // Nearly every draw is above the highest chance a unit's leg can have:
  // then the presence around it is not read.
  const double convoy_km = ctx.scenario.response.ground_speed_kmh * ctx.tick_hours;
  const double convoy_highest = highest_strike_chance(ctx, convoy_km);
  std::array<double, scenario::max_factions> patrol_highest;
  patrol_highest.fill(-1.0);  // not computed yet
  AgentBlocks& draws = ctx.ied_blocks;
  draws.draw(ctx.rng, Purpose::ied, units.size(), tick.tick, 1);
  for (std::size_t u = 0; u < units.size(); ++u) {
    // A detachment sent to an incident goes by road whatever its faction's
    // patrols do; patrols on the roads run the risk too, those across country not.
    const bool convoy = units.task[u] == UnitTask::responding;
    if (convoy
            ? !faction_traits(ctx.factions[units.faction[u]].config.kind).patrols_exposed_to_ieds
            : units.task[u] != UnitTask::patrol || units.roams[u] != 0 || !drives_on_roads(ctx, u))
      continue;
    const double km =
        convoy ? convoy_km : ctx.factions[units.faction[u]].config.road_speed_kmh * ctx.tick_hours;
    const auto draw = draws.uniform2(u);
    double& highest = patrol_highest[units.faction[u]];
    if (!convoy && highest < 0.0) highest = highest_strike_chance(ctx, km);
    if (draw[0] >= (convoy ? convoy_highest : highest)) continue;
    if (draw[0] >= ied_strike_chance(ctx, units.cell[u], km, units.faction[u], tick.tick)) continue;
    ied_strike(ctx, tick.tick, units.cell[u], units.faction[u], static_cast<int>(u), draw[1]);
    // A struck detachment stops to evacuate its wounded and turns back: the
    // response it was sent on fails.
    if (convoy && units.task[u] == UnitTask::responding) units.task[u] = UnitTask::breaking_off;
  }
}

}  // namespace pocsim
