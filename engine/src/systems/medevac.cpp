// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/medevac.hpp"

#include <algorithm>
#include <cmath>

#include "pocsim/agents/faction_traits.hpp"
#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/scenario/sections/flights.hpp"
#include "pocsim/scenario/sections/medevac.hpp"
#include "pocsim/scenario/sections/response.hpp"
#include "pocsim/systems/flights.hpp"

namespace pocsim {

Evacuation evacuate(const SimulationContext& ctx, world::CellId cell, std::uint32_t tick) {
  const auto& response = ctx.scenario.response;
  const double km = nearest_base(ctx, cell).second;
  const double by_road = km / response.ground_speed_kmh;
  if (km > response.helicopter_range_km || helicopters_on_hand(ctx, tick) == 0 ||
      grounded(ctx, tick, false))
    return {by_road, false};
  FlightAnswer answer;
  if (!ctx.scenario.flights.medevac_exempt) answer = ask_for_flight(ctx, cell, tick);
  // Like a response, a refused or grounded medevac goes by road once it knows.
  const std::uint32_t answered = later(tick, hours_to_ticks(ctx, answer.wait_hours));
  if (answer.refused || answered == never || grounded(ctx, answered, false))
    return {answer.wait_hours + by_road, false};
  return {answer.wait_hours + km / response.helicopter_speed_kmh, true};
}

double died_of_wounds_probability(const scenario::MedevacSection& cfg, double hours) {
  return 1.0 - std::exp(-cfg.death_rate_per_hour * std::max(0.0, hours - cfg.golden_hours));
}

void call_medevac(SimulationContext& ctx, std::uint16_t faction, world::CellId cell,
                  double expected_deaths, std::uint32_t tick, std::uint32_t salt) {
  const auto kind = ctx.factions[faction].config.kind;
  if (!faction_traits(kind).foreign || ctx.responder < 0) return;
  const auto& cfg = ctx.scenario.medevac;
  const auto u = ctx.rng.uniform2(Purpose::medevac, salt, tick, faction);
  const std::uint32_t wounded = poisson_from_uniform(cfg.wounded_per_death * expected_deaths, u[0]);
  if (wounded == 0) return;
  const Evacuation trip = evacuate(ctx, cell, tick);
  const std::uint32_t died =
      std::isfinite(trip.hours)
          ? binomial_from_uniform(wounded, died_of_wounds_probability(cfg, trip.hours), u[1])
          : wounded;
  ctx.recorder.medevac(cell, faction, wounded, trip.by_air, trip.hours, died);
}

}  // namespace pocsim
