// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/flights.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pocsim/agents/faction_traits.hpp"
#include "pocsim/scenario/sections/control.hpp"
#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/scenario/sections/flights.hpp"
#include "pocsim/scenario/sections/response.hpp"
#include "pocsim/scenario/sections/run.hpp"
#include "pocsim/systems/seasons.hpp"

namespace pocsim {

namespace {

std::int64_t day_of(const SimulationContext& ctx, std::uint32_t tick) {
  return static_cast<std::int64_t>(tick / ctx.ticks_per_day);
}

}  // namespace

std::uint32_t hours_to_ticks(const SimulationContext& ctx, double hours) {
  const double ticks = std::ceil(hours / ctx.tick_hours);
  return ticks >= 1e9 ? never : static_cast<std::uint32_t>(ticks);
}

std::uint32_t later(std::uint32_t tick, std::uint32_t ticks) {
  return ticks == never || tick > never - ticks ? never : tick + ticks;
}

double exponential_hours(double mean, double u) { return -mean * std::log1p(-u); }

bool grounded(const SimulationContext& ctx, std::uint32_t tick, bool drone) {
  const Date start = ctx.scenario.scenario.start_date;
  const std::int64_t day = day_of(ctx, tick) + start.days_since_epoch();
  if (weather_grounds_flights(ctx, tick)) return true;
  for (const auto& window : ctx.scenario.flights.groundings) {
    if (window.drones_only && !drone) continue;
    if (day >= window.from.days_since_epoch() &&
        (!window.to || day <= window.to->days_since_epoch()))
      return true;
  }
  return false;
}

std::uint32_t first_flying_tick(const SimulationContext& ctx, std::uint32_t tick) {
  // A grounding open to the end of the run would loop to `never`; stop there.
  const std::uint32_t end =
      static_cast<std::uint32_t>(ctx.scenario.scenario.duration_days) * ctx.ticks_per_day;
  while (tick != never && grounded(ctx, tick, false)) {
    tick = (tick / ctx.ticks_per_day + 1) * ctx.ticks_per_day;
    if (tick >= end) return never;
  }
  return tick;
}

std::pair<int, double> nearest_base(const SimulationContext& ctx, world::CellId cell) {
  if (ctx.responder < 0) return {-1, std::numeric_limits<double>::infinity()};
  const geo::PointKm at = ctx.world.grid.center(cell);
  std::pair<int, double> best{-1, std::numeric_limits<double>::infinity()};
  for (int town : ctx.factions[static_cast<std::size_t>(ctx.responder)].open_bases) {
    const double d = geo::distance_km(at, ctx.world.grid.center(ctx.world.town_cell[town]));
    if (d < best.second) best = {town, d};
  }
  return best;
}

int helicopters_on_hand(const SimulationContext& ctx, std::uint32_t tick) {
  const std::int64_t day = day_of(ctx, tick);
  const auto& cfg = ctx.scenario.response;
  if (ctx.responder < 0 || !ctx.factions[static_cast<std::size_t>(ctx.responder)].present_on(day))
    return 0;
  double serviceable = cfg.helicopter_serviceability;
  int lent = 0;
  for (const Faction& f : ctx.factions) {
    if (!f.present_on(day)) continue;
    serviceable += f.config.logistics_support;
    lent += f.config.helicopters;
  }
  return static_cast<int>(std::floor(cfg.helicopters * std::min(1.0, serviceable))) + lent;
}

bool state_operations_in(const SimulationContext& ctx, world::CellId cell) {
  for (std::size_t f = 0; f < ctx.factions.size(); ++f) {
    if (faction_traits(ctx.factions[f].config.kind).state_side &&
        ctx.presence(f, cell) > ctx.scenario.control.operations_presence)
      return true;
  }
  return false;
}

FlightAnswer ask_for_flight(const SimulationContext& ctx, world::CellId cell, std::uint32_t tick) {
  const auto& policy = ctx.scenario.flights;
  if (!policy.authorisation_required) return {};
  const auto [u_wait, u_refusal] =
      ctx.rng.uniform2(Purpose::flight_authorisation, cell, tick / ctx.ticks_per_day);
  FlightAnswer answer;
  answer.wait_hours = policy.delay_law == scenario::DelayLaw::fixed
                          ? policy.delay_hours
                          : exponential_hours(policy.delay_hours, u_wait);
  const double refusal = policy.refusal_probability +
                         (state_operations_in(ctx, cell) ? policy.refusal_near_operations : 0.0);
  answer.refused = u_refusal < refusal;
  return answer;
}

bool ground_access_denied(const SimulationContext& ctx, world::CellId cell, std::uint32_t tick) {
  const double denial =
      state_operations_in(ctx, cell) ? ctx.scenario.response.ground_denial_near_operations : 0.0;
  return ctx.rng.uniform(Purpose::ground_access, cell, tick / ctx.ticks_per_day) < denial;
}

}  // namespace pocsim
