// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/seasons.hpp"

#include "pocsim/scenario/sections/run.hpp"
#include "pocsim/scenario/sections/season.hpp"

namespace pocsim {

SeasonEffects season_effects(const SimulationContext& ctx, std::int64_t day) {
  SeasonEffects effects;
  const std::int64_t date = ctx.scenario.scenario.start_date.days_since_epoch() + day;
  double clear_sky = 1.0;
  for (const scenario::SeasonSection& season : ctx.scenario.seasons) {
    if (date < season.from.days_since_epoch() || date > season.to.days_since_epoch()) continue;
    effects.offroad_speed *= season.offroad_speed_factor;
    effects.flooded_speed *= season.flooded_speed_factor;
    clear_sky *= 1.0 - season.flights_grounded_share;
  }
  effects.flights_grounded_share = 1.0 - clear_sky;
  return effects;
}

bool weather_grounds_flights(const SimulationContext& ctx, std::uint32_t tick) {
  if (ctx.scenario.seasons.empty()) return false;
  const std::uint32_t day = tick / ctx.ticks_per_day;
  const double share = season_effects(ctx, day).flights_grounded_share;
  return share > 0.0 && ctx.rng.uniform(Purpose::weather, 0, day) < share;
}

}  // namespace pocsim
