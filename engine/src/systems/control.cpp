// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/control.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include "pocsim/agents/faction_traits.hpp"
#include "pocsim/core/vector_clones.hpp"
#include "pocsim/scenario/sections/control.hpp"
#include "pocsim/scenario/sections/faction.hpp"

namespace pocsim {

namespace {

// Which side holds a town's cell, and its most present faction (the first on
// a tie): the factions strong there, none of them hostile to another, all of
// the state's side (with foreign forces beside them) or all armed groups.
void record_town_holder(SimulationContext& ctx, int town, float threshold) {
  const world::CellId c = ctx.world.town_cell[static_cast<std::size_t>(town)];
  std::uint64_t strong = 0;
  bool state = false, armed_group = false;
  std::int32_t state_holder = no_actor, group_holder = no_actor;
  float state_best = 0.0f, group_best = 0.0f;
  for (std::size_t f = 0; f < ctx.factions.size(); ++f) {
    const float p = ctx.presence(f, c);
    if (p < threshold) continue;
    strong |= std::uint64_t{1} << f;
    const FactionKindTraits& traits = faction_traits(ctx.factions[f].config.kind);
    if (traits.state_side) {
      state = true;
      if (p > state_best) state_best = p, state_holder = static_cast<std::int32_t>(f);
    } else if (!traits.foreign) {
      armed_group = true;
      if (p > group_best) group_best = p, group_holder = static_cast<std::int32_t>(f);
    }
  }
  bool contested = false;
  for (std::uint64_t rest = strong; rest != 0; rest &= rest - 1)
    contested |=
        (ctx.factions[static_cast<std::size_t>(std::countr_zero(rest))].hostile & strong) != 0;
  TownSide side = TownSide::none;
  if (!contested && state != armed_group) side = state ? TownSide::state : TownSide::armed_group;
  ctx.recorder.town_held(town, c, side, side == TownSide::state ? state_holder : group_holder);
}

// Sets `bit` in the word of every cell whose presence reaches the
// threshold. 32-bit words beside 32-bit floats: the loop vectorizes.
POCSIM_VECTOR_CLONES void mark_strong(std::uint32_t* __restrict words,
                                      const float* __restrict presence, float threshold,
                                      std::uint32_t bit, std::size_t cells) {
  for (std::size_t c = 0; c < cells; ++c) words[c] |= presence[c] >= threshold ? bit : 0u;
}

// Bit f of a land cell's word: faction f is strong there (0 off land, more
// than half of the grid's box, which no count reads). Built faction by
// faction along the faction-major presence table rather than cell by cell
// across the factions' rows, which was most of this daily phase's cost.
std::vector<std::uint64_t> strong_factions(const SimulationContext& ctx, float threshold) {
  const std::uint32_t cells = ctx.world.grid.cell_count();
  const std::size_t factions = ctx.factions.size();
  const auto& runs = ctx.world.land_runs;
  std::vector<std::uint64_t> strong(cells, 0);
  std::vector<std::uint32_t> words(cells);
  for (std::size_t base = 0; base < factions; base += 32) {
    std::fill(words.begin(), words.end(), 0u);
    for (std::size_t f = base; f < std::min(factions, base + 32); ++f)
      for (const auto& [first, end] : runs)
        mark_strong(words.data() + first, &ctx.cells.presence[f * cells + first], threshold,
                    std::uint32_t{1} << (f - base), end - first);
    for (const auto& [first, end] : runs)
      for (world::CellId c = first; c < end; ++c) strong[c] |= std::uint64_t{words[c]} << base;
  }
  return strong;
}

}  // namespace

void record_control(SimulationContext& ctx) {
  constexpr std::size_t kinds = scenario::faction_kind_count;
  const std::size_t regions = ctx.world.places.region_names.size();
  const std::size_t factions = ctx.factions.size();
  const auto threshold = static_cast<float>(ctx.scenario.control.hold_presence);
  std::vector<std::uint32_t> held(regions * kinds, 0), contested(regions * kinds, 0),
      held_by_faction(factions, 0);
  const std::vector<std::uint64_t> strong_by_cell = strong_factions(ctx, threshold);
  for (world::CellId c : ctx.world.land_cells) {
    const std::uint64_t strong = strong_by_cell[c];
    if (strong == 0) continue;
    unsigned held_kinds = 0, contested_kinds = 0;
    for (std::uint64_t rest = strong; rest != 0; rest &= rest - 1) {
      const auto f = static_cast<std::size_t>(std::countr_zero(rest));
      const auto kind = static_cast<unsigned>(ctx.factions[f].config.kind);
      if (ctx.factions[f].hostile & strong) {
        contested_kinds |= 1u << kind;
      } else {
        held_kinds |= 1u << kind;
        ++held_by_faction[f];
      }
    }
    // A kind that holds the cell through one faction does not also contest it.
    contested_kinds &= ~held_kinds;
    const auto r = static_cast<std::size_t>(ctx.world.region[c]);
    for (std::size_t k = 0; k < kinds; ++k) {
      held[r * kinds + k] += (held_kinds >> k) & 1u;
      contested[r * kinds + k] += (contested_kinds >> k) & 1u;
    }
  }
  ctx.recorder.control(held, contested, held_by_faction);
  for (std::size_t t = 0; t < ctx.world.town_cell.size(); ++t)
    record_town_holder(ctx, static_cast<int>(t), threshold);
}

}  // namespace pocsim
