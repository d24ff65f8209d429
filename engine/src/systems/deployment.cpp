// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/deployment.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pocsim/scenario/sections/faction.hpp"

namespace pocsim {

namespace {
void place_at_base(SimulationContext& ctx, std::size_t u) {
  Units& units = ctx.units;
  const int base = units.base_town[u];
  const geo::PointKm p = ctx.world.grid.center(ctx.world.town_cell[base]);
  units.x[u] = static_cast<float>(p.x);
  units.y[u] = static_cast<float>(p.y);
  units.target_x[u] = units.x[u];
  units.target_y[u] = units.y[u];
  units.cell[u] = ctx.world.town_cell[base];
  units.from_town[u] = units.to_town[u] = static_cast<std::int16_t>(base);
  units.leg_done_km[u] = 0.0f;
}

bool base_open(const Faction& f, int town) {
  return std::find(f.open_bases.begin(), f.open_bases.end(), town) != f.open_bases.end();
}

// The open base nearest to a unit, or -1 when the faction has none left.
int nearest_open_base(const SimulationContext& ctx, const Faction& f, std::size_t u) {
  const geo::PointKm at{ctx.units.x[u], ctx.units.y[u]};
  int best = -1;
  double best_km = std::numeric_limits<double>::infinity();
  for (int town : f.open_bases) {
    const double km = geo::distance_km(at, ctx.world.grid.center(ctx.world.town_cell[town]));
    if (km < best_km) best = town, best_km = km;
  }
  return best;
}

// A unit goes to another base across country, as after a lost fight; it
// patrols from there once it has arrived and regrouped.
void move_to_base(SimulationContext& ctx, std::size_t u, int town) {
  ctx.units.base_town[u] = static_cast<std::int16_t>(town);
  ctx.units.task[u] = UnitTask::breaking_off;
}

std::uint16_t faction_index(const SimulationContext& ctx, const Faction& f) {
  return static_cast<std::uint16_t>(&f - ctx.factions.data());
}

// Bases open and close on their dates; a camp handed over becomes a base of
// the faction that takes it, and its patrolling unit nearest the camp moves in.
void open_and_close_bases(SimulationContext& ctx, std::int64_t day) {
  for (Faction& f : ctx.factions) {
    std::erase_if(f.open_bases, [&](int town) {
      return std::any_of(f.sites.begin(), f.sites.end(), [&](const BaseSite& site) {
        return site.town == town && site.close_day <= day;
      });
    });
    for (const BaseSite& site : f.sites) {
      if (!site.open_on(day) || base_open(f, site.town)) continue;
      f.open_bases.push_back(site.town);
      // Bases open from the start are open before the first day (factions.cpp):
      // only one opened on its date comes here, and is an event.
      ctx.recorder.base_established(static_cast<std::uint32_t>(day), ctx.world.town_cell[site.town],
                                    faction_index(ctx, f), site.town);
    }
  }
  for (const Faction& f : ctx.factions)
    for (const BaseSite& site : f.sites) {
      if (site.close_day != day || site.handed_to < 0) continue;
      Faction& taker = ctx.factions[static_cast<std::size_t>(site.handed_to)];
      if (!taker.present_on(day) || base_open(taker, site.town)) continue;
      taker.open_bases.push_back(site.town);
      ctx.recorder.base_transferred(static_cast<std::uint32_t>(day), ctx.world.town_cell[site.town],
                                    faction_index(ctx, f),
                                    static_cast<std::uint16_t>(site.handed_to), site.town);
      const int nearest =
          nearest_patrolling_unit(ctx.units, static_cast<std::uint16_t>(site.handed_to),
                                  ctx.world.grid.center(ctx.world.town_cell[site.town]),
                                  std::numeric_limits<double>::infinity());
      if (nearest >= 0) move_to_base(ctx, static_cast<std::size_t>(nearest), site.town);
    }
}

}  // namespace

void create_units(SimulationContext& ctx) {
  for (std::size_t f = 0; f < ctx.factions.size(); ++f) {
    const Faction& faction = ctx.factions[f];
    const double roaming = faction.config.offroad_patrol_share;
    for (int i = 0; i < faction.config.units; ++i) {
      const int base = faction.bases[static_cast<std::size_t>(i) % faction.bases.size()];
      ctx.units.add(static_cast<std::uint16_t>(f), static_cast<std::int16_t>(base),
                    faction.config.unit_strength);
      // Spread evenly through the faction's units, so every base gets its share.
      ctx.units.roams.back() = std::floor((i + 1) * roaming) > std::floor(i * roaming) ? 1 : 0;
      place_at_base(ctx, ctx.units.size() - 1);
    }
  }
}

void update_deployment(SimulationContext& ctx, std::int64_t day) {
  open_and_close_bases(ctx, day);
  Units& units = ctx.units;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const Faction& f = ctx.factions[units.faction[u]];
    if (day >= f.withdraw_day) {
      units.task[u] = UnitTask::withdrawn;
    } else if (units.task[u] == UnitTask::waiting) {
      if (day >= f.deploy_day && base_open(f, units.base_town[u])) {
        place_at_base(ctx, u);
        units.task[u] = UnitTask::patrol;
      }
    } else if (units.task[u] != UnitTask::withdrawn && units.task[u] != UnitTask::operation &&
               !base_open(f, units.base_town[u])) {
      const int next = nearest_open_base(ctx, f, u);
      if (next < 0)
        units.task[u] = UnitTask::withdrawn;
      else
        move_to_base(ctx, u, next);
    }
  }
}

Footprint responder_footprint(const SimulationContext& ctx) {
  Footprint footprint;
  if (ctx.responder < 0) return footprint;
  const Faction& mission = ctx.factions[static_cast<std::size_t>(ctx.responder)];
  for (std::size_t u = 0; u < ctx.units.size(); ++u)
    if (ctx.units.faction[u] == ctx.responder && ctx.units.deployed(u))
      footprint.troops += ctx.units.strength[u];
  if (footprint.troops > 0) footprint.bases = static_cast<std::int64_t>(mission.open_bases.size());
  return footprint;
}

}  // namespace pocsim
