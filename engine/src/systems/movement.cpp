// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/movement.hpp"

#include <cmath>
#include <numbers>

#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/scenario/sections/response.hpp"
#include "pocsim/systems/seasons.hpp"

namespace pocsim {

namespace {

geo::PointKm town_km(const SimulationContext& ctx, int town) {
  return ctx.world.grid.center(ctx.world.town_cell[town]);
}

// Moves (x, y) toward (tx, ty) by at most `km`; true on arrival.
bool step_toward(float& x, float& y, double tx, double ty, double km) {
  const double dx = tx - x, dy = ty - y;
  const double d = std::hypot(dx, dy);
  if (d <= km) {
    x = static_cast<float>(tx);
    y = static_cast<float>(ty);
    return true;
  }
  x = static_cast<float>(x + dx / d * km);
  y = static_cast<float>(y + dy / d * km);
  return false;
}

// The next town of a road patrol: a random neighbour inside the area, not the
// town it came from unless that is the only way on; outside the area, back.
int next_town(const SimulationContext& ctx, const Faction& f, std::size_t u, int at, int came_from,
              std::uint32_t tick, std::uint32_t draw) {
  const auto& links = ctx.world.road_links[at];
  auto allowed = [&](const world::RoadLink& l) {
    return l.to_town != came_from && f.in_area[ctx.world.places.towns[l.to_town].region] != 0;
  };
  int count = 0;
  for (const auto& l : links) count += allowed(l) ? 1 : 0;
  if (count == 0) return came_from;
  const double r = ctx.rng.uniform(Purpose::unit_route, static_cast<std::uint32_t>(u), tick, draw);
  int pick = static_cast<int>(r * count);
  for (const auto& l : links)
    if (allowed(l) && pick-- == 0) return l.to_town;
  return came_from;
}

double link_km(const SimulationContext& ctx, int a, int b) {
  for (const auto& l : ctx.world.road_links[a])
    if (l.to_town == b) return l.km;
  return 0.0;
}

void patrol_road(SimulationContext& ctx, const Faction& f, std::size_t u, std::uint32_t tick) {
  Units& units = ctx.units;
  double budget = f.config.road_speed_kmh * ctx.tick_hours;
  std::uint32_t draw = 0;
  while (budget > 0.0) {
    const int from = units.from_town[u], to = units.to_town[u];
    const double leg = from == to ? 0.0 : link_km(ctx, from, to);
    const double left = leg - units.leg_done_km[u];
    if (left > budget) {
      units.leg_done_km[u] = static_cast<float>(units.leg_done_km[u] + budget);
      break;
    }
    budget -= std::max(left, 0.0);
    const int next = next_town(ctx, f, u, to, from == to ? -1 : from, tick, draw++);
    if (next < 0 || draw > 8) {  // dead end or a tangle of short legs: wait here
      units.from_town[u] = units.to_town[u] = static_cast<std::int16_t>(to);
      units.leg_done_km[u] = 0.0f;
      break;
    }
    units.from_town[u] = static_cast<std::int16_t>(to);
    units.to_town[u] = static_cast<std::int16_t>(next);
    units.leg_done_km[u] = 0.0f;
  }
  const geo::PointKm a = town_km(ctx, units.from_town[u]), b = town_km(ctx, units.to_town[u]);
  const double leg = units.from_town[u] == units.to_town[u]
                         ? 0.0
                         : link_km(ctx, units.from_town[u], units.to_town[u]);
  const double t = leg > 0.0 ? units.leg_done_km[u] / leg : 0.0;
  units.x[u] = static_cast<float>(a.x + t * (b.x - a.x));
  units.y[u] = static_cast<float>(a.y + t * (b.y - a.y));
}

// A random point within the patrol radius of the base, inside the area.
void pick_target(SimulationContext& ctx, const Faction& f, std::size_t u, std::uint32_t tick) {
  Units& units = ctx.units;
  const geo::PointKm base = town_km(ctx, units.base_town[u]);
  const double radius = f.config.patrol_radius_km;
  for (std::uint32_t attempt = 0; attempt < 8; ++attempt) {
    const auto r =
        ctx.rng.uniform2(Purpose::unit_target, static_cast<std::uint32_t>(u), tick, attempt);
    // Uniform on the disc: the square root keeps the density flat in area.
    const double distance = radius * std::sqrt(r[0]), angle = 2.0 * std::numbers::pi * r[1];
    const geo::PointKm p{base.x + distance * std::cos(angle), base.y + distance * std::sin(angle)};
    const world::CellId c = ctx.world.grid.cell_at(p);
    if (ctx.world.inside(c) && f.in_area[ctx.world.region[c]]) {
      units.target_x[u] = static_cast<float>(p.x);
      units.target_y[u] = static_cast<float>(p.y);
      return;
    }
  }
  units.target_x[u] = static_cast<float>(base.x);
  units.target_y[u] = static_cast<float>(base.y);
}

double offroad_km(const SimulationContext& ctx, const Faction& f, std::size_t u,
                  const SeasonEffects& season) {
  const world::CellId c = ctx.units.cell[u];
  const bool delta = ctx.world.terrain[c] == world::Terrain::delta;
  const bool flooded = delta || ctx.world.on_river[c] != 0;
  return f.config.offroad_speed_kmh * ctx.tick_hours * (delta ? 0.5 : 1.0) * season.offroad_speed *
         (flooded ? season.flooded_speed : 1.0);
}

}  // namespace

void move_units(SimulationContext& ctx, const TickInfo& tick) {
  Units& units = ctx.units;
  const SeasonEffects season = season_effects(ctx, tick.day());
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (!units.active(u) || units.task[u] == UnitTask::operation) continue;
    const Faction& f = ctx.factions[units.faction[u]];
    if (units.task[u] == UnitTask::breaking_off) {
      const geo::PointKm base = town_km(ctx, units.base_town[u]);
      if (step_toward(units.x[u], units.y[u], base.x, base.y, offroad_km(ctx, f, u, season))) {
        units.task[u] = UnitTask::recovering;
        units.from_town[u] = units.to_town[u] = units.base_town[u];
        units.leg_done_km[u] = 0.0f;
        // A road force's off-road patrol (or a detachment back from an
        // incident) starts afresh from its base.
        if (f.config.mobility == scenario::Mobility::road) {
          units.target_x[u] = static_cast<float>(base.x);
          units.target_y[u] = static_cast<float>(base.y);
        }
      }
    } else if (units.task[u] == UnitTask::hunting) {
      // Partners' ISR keeps the quarry in sight through the day.
      const std::uint32_t q = units.quarry[u];
      if (units.active(q))
        step_toward(units.x[u], units.y[u], units.x[q], units.y[q], offroad_km(ctx, f, u, season));
    } else if (units.task[u] == UnitTask::responding) {
      // The detachment drives to the incident; the response system sees it arrive.
      step_toward(units.x[u], units.y[u], units.target_x[u], units.target_y[u],
                  ctx.scenario.response.ground_speed_kmh * ctx.tick_hours);
    } else if (f.config.mobility == scenario::Mobility::road && units.roams[u] == 0 &&
               !ctx.world.road_links[units.base_town[u]].empty()) {
      patrol_road(ctx, f, u, tick.tick);
    } else if (step_toward(units.x[u], units.y[u], units.target_x[u], units.target_y[u],
                           offroad_km(ctx, f, u, season))) {
      pick_target(ctx, f, u, tick.tick);
    }
    const world::CellId c = ctx.world.grid.cell_at({units.x[u], units.y[u]});
    if (ctx.world.inside(c)) units.cell[u] = c;
  }
}

}  // namespace pocsim
