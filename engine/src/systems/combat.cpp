// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/combat.hpp"

#include <algorithm>
#include <cmath>

#include "pocsim/scenario/sections/combat.hpp"
#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/systems/civilian_harm.hpp"
#include "pocsim/systems/medevac.hpp"
#include "pocsim/systems/partner_isr.hpp"
#include "pocsim/systems/reinforcement.hpp"

namespace pocsim {

namespace {

double defence(const SimulationContext& ctx, world::CellId c) {
  switch (ctx.world.terrain[c]) {
    case world::Terrain::town:
      return ctx.scenario.combat.town_defence;
    case world::Terrain::delta:
      return ctx.scenario.combat.delta_defence;
    default:
      return 1.0;
  }
}

// Lanchester's laws over one tick (expected_losses), the realised losses
// Poisson around them.
void engage(SimulationContext& ctx, std::size_t u, std::size_t v, const TickInfo& tick) {
  Units& units = ctx.units;
  const Faction& fu = ctx.factions[units.faction[u]];
  const Faction& fv = ctx.factions[units.faction[v]];
  const double su = units.strength[u], sv = units.strength[v];
  const auto& cfg = ctx.scenario.combat;
  const double mean_u = expected_losses(cfg, fv.config.firepower, fv.config.fire, sv, su,
                                        defence(ctx, units.cell[u]), ctx.tick_hours) *
                        warned_loss_share(ctx, u, tick.tick);
  const double mean_v = expected_losses(cfg, fu.config.firepower, fu.config.fire, su, sv,
                                        defence(ctx, units.cell[v]), ctx.tick_hours) *
                        warned_loss_share(ctx, v, tick.tick);
  const auto ku = static_cast<std::uint32_t>(u), kv = static_cast<std::uint32_t>(v);
  const auto loss_u = static_cast<std::int32_t>(std::min<std::uint32_t>(
      poisson_from_uniform(mean_u, ctx.rng.uniform(Purpose::combat_losses, ku, tick.tick, kv)),
      static_cast<std::uint32_t>(units.strength[u])));
  const auto loss_v = static_cast<std::int32_t>(std::min<std::uint32_t>(
      poisson_from_uniform(mean_v, ctx.rng.uniform(Purpose::combat_losses, kv, tick.tick, ku)),
      static_cast<std::uint32_t>(units.strength[v])));
  units.strength[u] -= loss_u;
  units.strength[v] -= loss_v;

  const world::CellId cell = units.cell[u];
  const double crossfire =
      crossfire_probability(cfg, fu.config.fire, fv.config.fire, ctx.tick_hours);
  const std::uint32_t civilians =
      harm_civilians_in_cell(ctx, cell, crossfire, Purpose::combat_crossfire, tick.tick, ku);
  ctx.recorder.battle(tick.day(), cell, units.faction[u], units.faction[v],
                      static_cast<std::uint32_t>(loss_u), static_cast<std::uint32_t>(loss_v),
                      civilians);
  call_medevac(ctx, units.faction[u], units.cell[u], mean_u, tick.tick, 2 * ku);
  call_medevac(ctx, units.faction[v], units.cell[v], mean_v, tick.tick, 2 * kv);

  const double ratio = ctx.scenario.combat.break_off_ratio;
  for (std::size_t w : {u, v}) {
    const std::size_t other = w == u ? v : u;
    if (units.strength[w] == 0) {
      regroup_at_base(ctx, w);
    } else if (units.strength[w] < ratio * units.strength[other]) {
      units.task[w] = UnitTask::breaking_off;
    }
  }
}

}  // namespace

double expected_losses(const scenario::CombatSection& cfg, double enemy_firepower,
                       scenario::FireMode enemy_fire, double enemy_strength, double own,
                       double defence, double hours) {
  // Area fire hits whoever stands in the area: the denser the target, the
  // more it kills (linear law); aimed fire needs a shooter per kill (square law).
  const double density =
      enemy_fire == scenario::FireMode::area ? own / cfg.area_fire_reference_strength : 1.0;
  return enemy_firepower * enemy_strength * density * hours / defence;
}

double warned_loss_share(const SimulationContext& ctx, std::size_t u, std::uint32_t tick) {
  const double warning = ctx.scenario.combat.isr_warning;
  if (warning <= 0.0) return 1.0;
  const Faction& f = ctx.factions[ctx.units.faction[u]];
  return protected_by_partner_isr(f.config.kind) &&
                 watched_by_partners(ctx, ctx.units.cell[u], tick)
             ? 1.0 - warning
             : 1.0;
}

double crossfire_probability(const scenario::CombatSection& cfg, scenario::FireMode a,
                             scenario::FireMode b, double hours) {
  auto factor = [&](scenario::FireMode m) {
    return m == scenario::FireMode::area ? cfg.area_fire_crossfire_factor : 1.0;
  };
  const double hourly =
      std::min(1.0, cfg.crossfire_kill_probability * (factor(a) + factor(b)) / 2.0);
  return 1.0 - std::pow(1.0 - hourly, hours);
}

namespace {

// The active units by (cell, unit), from last tick's order of all units:
// insertion sort costs one pass plus a step for each pair of units whose
// order changed, where sorting from scratch cost n log n every tick.
const std::vector<std::pair<world::CellId, std::uint32_t>>& active_units_by_cell(
    const Units& units, CombatScratch& scratch) {
  auto& all = scratch.units_by_cell;
  for (auto& [cell, u] : all) cell = units.cell[u];
  for (auto u = static_cast<std::uint32_t>(all.size()); u < units.size(); ++u)
    all.emplace_back(units.cell[u], u);
  for (std::size_t i = 1; i < all.size(); ++i) {
    const auto moving = all[i];
    std::size_t j = i;
    for (; j > 0 && moving < all[j - 1]; --j) all[j] = all[j - 1];
    all[j] = moving;
  }
  auto& active = scratch.active_by_cell;
  active.clear();
  for (const auto& entry : all)
    if (units.active(entry.second)) active.push_back(entry);
  return active;
}

}  // namespace

void resolve_combat(SimulationContext& ctx, const TickInfo& tick) {
  Units& units = ctx.units;
  const world::Grid& grid = ctx.world.grid;
  const int reach = ctx.scenario.combat.contact_cells;
  const double chance =
      1.0 - std::pow(1.0 - ctx.scenario.combat.engage_probability, ctx.tick_hours);

  // Active units ordered by cell, so that contacts are found by looking up
  // the neighbouring cells rather than by comparing every pair.
  const auto& by_cell = active_units_by_cell(units, ctx.combat_scratch);
  auto& engaged = ctx.combat_scratch.engaged;
  engaged.assign(units.size(), 0);
  // Which factions stand in each cell: most neighbourhoods hold no enemy,
  // and one look at a cell's bits spares the search of the sorted list.
  auto& factions_in = ctx.cells.unit_factions;
  for (const auto& [cell, u] : by_cell) factions_in[cell] |= std::uint64_t{1} << units.faction[u];

  for (const auto& [cell, u32] : by_cell) {
    const std::size_t u = u32;
    if (engaged[u] || !units.active(u)) continue;
    const Faction& fu = ctx.factions[units.faction[u]];
    if (fu.hostile == 0) continue;
    std::size_t enemy = units.size();
    const int c0 = grid.column(cell), r0 = grid.row(cell);
    for (int r = std::max(0, r0 - reach); r <= std::min(grid.height() - 1, r0 + reach); ++r)
      for (int c = std::max(0, c0 - reach); c <= std::min(grid.width() - 1, c0 + reach); ++c) {
        const world::CellId n = grid.cell(c, r);
        if ((factions_in[n] & fu.hostile) == 0) continue;
        auto it = std::lower_bound(by_cell.begin(), by_cell.end(), std::make_pair(n, 0u));
        for (; it != by_cell.end() && it->first == n; ++it) {
          const std::size_t v = it->second;
          if (v != u && !engaged[v] && units.active(v) && fu.hostile_to(units.faction[v]) &&
              v < enemy)
            enemy = v;
        }
      }
    if (enemy == units.size()) continue;
    engaged[u] = engaged[enemy] = 1;
    if (ctx.rng.uniform(Purpose::combat_engage, static_cast<std::uint32_t>(u), tick.tick,
                        static_cast<std::uint32_t>(enemy)) >= chance)
      continue;
    engage(ctx, u, enemy, tick);
  }
  for (const auto& [cell, u] : by_cell) factions_in[cell] = 0;
}

}  // namespace pocsim
