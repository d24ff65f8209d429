// SPDX-License-Identifier: Apache-2.0
#pragma once
// Arrivals and withdrawals of factions on their dates.
#include <cstdint>

#include "pocsim/systems/context.hpp"

namespace pocsim {

// Creates the units of every faction, waiting at their bases.
void create_units(SimulationContext& ctx);

// Deploys units whose faction arrives on or before `day` and removes units
// whose faction has left by then; opens and closes bases on their dates, and
// moves the units of a closed base to the nearest open one (or out).
void update_deployment(SimulationContext& ctx, std::int64_t day);

// The responder's deployed troops and open bases today (zero without one).
struct Footprint {
  std::int64_t troops = 0;
  std::int64_t bases = 0;
};
Footprint responder_footprint(const SimulationContext& ctx);

}  // namespace pocsim
