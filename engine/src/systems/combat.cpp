// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/combat.hpp"

#include <algorithm>
#include <array>
#include <bit>
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

// The active units by (cell, unit): listed in unit order, then sorted by
// cell a byte at a time, least significant first; each pass is stable, so a
// cell's units keep their order. Linear in the units however they move: an
// insertion sort from the last tick's order paid a shift for every pair of
// units that changed places, and most units cross a cell edge every hour.
// A crowded cell's run of them is grouped by faction in by_cell_faction
// (same positions) when a unit first looks for enemies there.
const std::vector<CellUnit>& index_active_units(const Units& units, std::size_t cells,
                                                CombatScratch& scratch) {
  auto& active = scratch.active_by_cell;
  auto& buffer = scratch.sort_buffer;
  active.clear();
  for (std::size_t u = 0; u < units.size(); ++u)
    if (units.active(u)) active.emplace_back(units.cell[u], static_cast<std::uint32_t>(u));
  buffer.resize(active.size());
  const auto cell_bits = static_cast<int>(std::bit_width(cells > 0 ? cells - 1 : 0));
  for (int shift = 0; shift < cell_bits; shift += 8) {
    std::array<std::uint32_t, 257> start{};
    for (const CellUnit entry : active) ++start[(entry.cell() >> shift & 0xFFu) + 1];
    for (std::size_t digit = 1; digit < start.size(); ++digit) start[digit] += start[digit - 1];
    for (const CellUnit entry : active) buffer[start[entry.cell() >> shift & 0xFFu]++] = entry;
    active.swap(buffer);
  }
  scratch.by_cell_faction.resize(active.size());
  scratch.skip.resize(active.size());
  scratch.run_begin.resize(cells);
  scratch.run_size.resize(cells);
  scratch.run_stamp.resize(cells, 0);
  scratch.group_stamp.resize(cells, 0);
  ++scratch.stamp;
  return active;
}

// Runs of at most this many units are searched unit by unit, as cheap as
// any index for a few units; longer ones through their faction groups.
constexpr std::size_t small_run = 16;

// The positions [begin, end) of the cell's units in active_by_cell, found on
// the first call of the tick.
std::pair<std::size_t, std::size_t> run_of(CombatScratch& scratch, world::CellId cell) {
  if (scratch.run_stamp[cell] != scratch.stamp) {
    const auto& active = scratch.active_by_cell;
    const auto first = std::lower_bound(active.begin(), active.end(), CellUnit(cell, 0));
    const auto begin = static_cast<std::size_t>(first - active.begin());
    std::size_t end = begin;
    while (end < active.size() && active[end].cell() == cell) ++end;
    scratch.run_begin[cell] = static_cast<std::uint32_t>(begin);
    scratch.run_size[cell] = static_cast<std::uint32_t>(end - begin);
    scratch.run_stamp[cell] = scratch.stamp;
  }
  return {scratch.run_begin[cell], scratch.run_begin[cell] + scratch.run_size[cell]};
}

// Copies the run [begin, end) into by_cell_faction by faction, each
// faction's units in their order (a counting sort), with no unit skipped.
void group_by_faction(const Units& units, CombatScratch& scratch, std::size_t begin,
                      std::size_t end) {
  const auto& active = scratch.active_by_cell;
  auto& count = scratch.faction_count;
  std::uint64_t present = 0;
  for (std::size_t i = begin; i < end; ++i) {
    const std::uint16_t f = units.faction[active[i].unit()];
    ++count[f];
    present |= std::uint64_t{1} << f;
  }
  auto at = static_cast<std::uint32_t>(begin);
  for (std::uint64_t rest = present; rest != 0; rest &= rest - 1) {
    const int f = __builtin_ctzll(rest);
    const std::uint32_t n = count[f];
    count[f] = at;
    at += n;
  }
  for (std::size_t i = begin; i < end; ++i) {
    const std::uint32_t u = active[i].unit();
    scratch.by_cell_faction[count[units.faction[u]]++] = u;
  }
  for (std::uint64_t rest = present; rest != 0; rest &= rest - 1) count[__builtin_ctzll(rest)] = 0;
  for (std::size_t i = begin; i < end; ++i) scratch.skip[i] = static_cast<std::uint32_t>(i + 1);
}

// The first position in [at, end) of by_cell_faction whose unit is not
// engaged, or end; the engaged units passed over are skipped next time.
std::size_t first_free(CombatScratch& scratch, std::size_t at, std::size_t end) {
  const auto& unit = scratch.by_cell_faction;
  auto& skip = scratch.skip;
  std::size_t free = at;
  while (free < end && scratch.engaged[unit[free]]) free = skip[free];
  for (std::size_t i = at; i < free;) {
    const std::size_t next = skip[i];
    skip[i] = static_cast<std::uint32_t>(free);
    i = next;
  }
  return free;
}

// The lowest-numbered unit in `cell` of a faction in `hostile` (a bit per
// faction) not engaged yet, or units.size().
std::size_t first_free_enemy(const Units& units, CombatScratch& scratch, world::CellId cell,
                             std::uint64_t hostile) {
  const auto [begin, end] = run_of(scratch, cell);
  const auto& active = scratch.active_by_cell;
  if (end - begin <= small_run) {
    for (std::size_t i = begin; i < end; ++i) {
      const std::uint32_t v = active[i].unit();
      if ((hostile >> units.faction[v] & 1u) != 0 && !scratch.engaged[v]) return v;
    }
    return units.size();
  }
  if (scratch.group_stamp[cell] != scratch.stamp) {
    group_by_faction(units, scratch, begin, end);
    scratch.group_stamp[cell] = scratch.stamp;
  }
  const auto& unit = scratch.by_cell_faction;
  const auto run_end = unit.begin() + static_cast<std::ptrdiff_t>(end);
  std::size_t enemy = units.size();
  for (; hostile != 0; hostile &= hostile - 1) {
    const auto faction = static_cast<std::uint16_t>(__builtin_ctzll(hostile));
    const auto first =
        std::partition_point(unit.begin() + static_cast<std::ptrdiff_t>(begin), run_end,
                             [&](std::uint32_t v) { return units.faction[v] < faction; });
    const auto last = std::partition_point(
        first, run_end, [&](std::uint32_t v) { return units.faction[v] == faction; });
    const auto last_at = static_cast<std::size_t>(last - unit.begin());
    const std::size_t free =
        first_free(scratch, static_cast<std::size_t>(first - unit.begin()), last_at);
    if (free < last_at) enemy = std::min<std::size_t>(enemy, unit[free]);
  }
  return enemy;
}

}  // namespace

void resolve_combat(SimulationContext& ctx, const TickInfo& tick) {
  Units& units = ctx.units;
  const world::Grid& grid = ctx.world.grid;
  const int reach = ctx.scenario.combat.contact_cells;
  const double chance =
      1.0 - std::pow(1.0 - ctx.scenario.combat.engage_probability, ctx.tick_hours);

  // Active units ordered by cell, so that contacts are found by looking up
  // the neighbouring cells rather than by comparing every pair, and by
  // faction within a cell, so that a unit's enemies are found without
  // walking the units of its own side.
  CombatScratch& scratch = ctx.combat_scratch;
  const auto& by_cell = index_active_units(units, grid.cell_count(), scratch);
  auto& engaged = scratch.engaged;
  engaged.assign(units.size(), 0);
  // Which factions stand in each cell: most neighbourhoods hold no enemy,
  // and one look at a cell's bits spares the search.
  auto& factions_in = ctx.cells.unit_factions;
  for (const CellUnit entry : by_cell)
    factions_in[entry.cell()] |= std::uint64_t{1} << units.faction[entry.unit()];

  for (const CellUnit entry : by_cell) {
    const world::CellId cell = entry.cell();
    const std::size_t u = entry.unit();
    // A unit engaged this tick is the only kind whose activity changes here;
    // no faction is hostile to itself (the loader refuses it), so u is never
    // its own enemy.
    if (engaged[u] || !units.active(u)) continue;
    const Faction& fu = ctx.factions[units.faction[u]];
    if (fu.hostile == 0) continue;
    const int c0 = grid.column(cell), r0 = grid.row(cell);
    const int first_row = std::max(0, r0 - reach),
              last_row = std::min(grid.height() - 1, r0 + reach);
    const int first_column = std::max(0, c0 - reach),
              last_column = std::min(grid.width() - 1, c0 + reach);
    // Most units have no enemy within reach: one look at the neighbourhood's
    // factions, without a branch per cell, spares them the search.
    std::uint64_t near = 0;
    for (int r = first_row; r <= last_row; ++r)
      for (int c = first_column; c <= last_column; ++c) near |= factions_in[grid.cell(c, r)];
    if ((near & fu.hostile) == 0) continue;
    std::size_t enemy = units.size();
    for (int r = first_row; r <= last_row; ++r)
      for (int c = first_column; c <= last_column; ++c) {
        const world::CellId n = grid.cell(c, r);
        const std::uint64_t hostile = factions_in[n] & fu.hostile;
        if (hostile != 0) enemy = std::min(enemy, first_free_enemy(units, scratch, n, hostile));
      }
    if (enemy == units.size()) continue;
    engaged[u] = engaged[enemy] = 1;
    if (ctx.rng.uniform(Purpose::combat_engage, static_cast<std::uint32_t>(u), tick.tick,
                        static_cast<std::uint32_t>(enemy)) >= chance)
      continue;
    engage(ctx, u, enemy, tick);
  }
  for (const CellUnit entry : by_cell) factions_in[entry.cell()] = 0;
}

}  // namespace pocsim
