// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/hunting.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include "pocsim/agents/faction_traits.hpp"
#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/systems/flights.hpp"

namespace pocsim {

namespace {

// The nearest active hostile jihadist unit within the hunter's reach of its
// base, in a region its faction's ISR watches, and not already hunted today
// (hunters spread over the groups they see); units.size() if none.
std::size_t quarry_of(const SimulationContext& ctx, std::size_t hunter,
                      const std::vector<std::uint8_t>& hunted) {
  const Units& units = ctx.units;
  const Faction& f = ctx.factions[units.faction[hunter]];
  const geo::PointKm base = ctx.world.grid.center(ctx.world.town_cell[units.base_town[hunter]]);
  const double reach = f.config.hunt_radius_km;
  std::size_t best = units.size();
  double nearest = std::numeric_limits<double>::infinity();
  for (std::size_t v = 0; v < units.size(); ++v) {
    if (hunted[v] || !units.active(v) || !f.hostile_to(units.faction[v]) ||
        !faction_traits(ctx.factions[units.faction[v]].config.kind).hunted)
      continue;
    if (std::hypot(units.x[v] - base.x, units.y[v] - base.y) > reach) continue;
    if (!f.watches[static_cast<std::size_t>(ctx.world.region[units.cell[v]])]) continue;
    const double d = std::hypot(units.x[v] - units.x[hunter], units.y[v] - units.y[hunter]);
    if (d < nearest) {
      nearest = d;
      best = v;
    }
  }
  return best;
}

}  // namespace

void launch_hunts(SimulationContext& ctx, std::int64_t day) {
  Units& units = ctx.units;
  // Drones that do not fly see no quarry.
  const bool blind = grounded(ctx, static_cast<std::uint32_t>(day * ctx.ticks_per_day), true);
  std::vector<std::uint8_t> hunted(units.size(), 0);
  for (std::size_t u = 0; u < units.size(); ++u) {
    const Faction& f = ctx.factions[units.faction[u]];
    if (f.config.hunt_radius_km <= 0.0) continue;
    if (units.task[u] != UnitTask::patrol && units.task[u] != UnitTask::hunting) continue;
    const std::size_t quarry = blind ? units.size() : quarry_of(ctx, u, hunted);
    if (quarry == units.size()) {
      // Nothing in sight: back to base, and from there to its patrols.
      if (units.task[u] == UnitTask::hunting) units.task[u] = UnitTask::breaking_off;
      continue;
    }
    ctx.recorder.hunt_day(units.faction[u]);
    units.task[u] = UnitTask::hunting;
    units.quarry[u] = static_cast<std::uint32_t>(quarry);
    hunted[quarry] = 1;
  }
}

}  // namespace pocsim
