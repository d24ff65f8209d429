// SPDX-License-Identifier: Apache-2.0
#pragma once
// Seasons (`seasons:`): dated weather that slows movement across country,
// more so on flooded ground and at river crossings, and grounds flights on
// some days. Overlapping seasons compound.
#include <cstdint>

#include "pocsim/systems/context.hpp"

namespace pocsim {

struct SeasonEffects {
  double offroad_speed = 1.0;  // factor on speed across country
  double flooded_speed = 1.0;  // further factor in inner-delta and river cells
  double flights_grounded_share = 0.0;
};

// The effects of the seasons open on `day` (days since the run's start).
SeasonEffects season_effects(const SimulationContext& ctx, std::int64_t day);

// Whether the weather grounds every flight on the day of `tick`: one draw per
// day, so every flight of a day shares the sky.
bool weather_grounds_flights(const SimulationContext& ctx, std::uint32_t tick);

}  // namespace pocsim
