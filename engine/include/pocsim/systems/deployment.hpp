// SPDX-License-Identifier: Apache-2.0
#pragma once
// Arrivals and withdrawals of factions on their dates.
#include <cstdint>

#include "pocsim/systems/context.hpp"

namespace pocsim {

// Creates the units of every faction, waiting at their bases.
void create_units(SimulationContext& ctx);

// Deploys units whose faction arrives on or before `day` and removes units
// whose faction has left by then.
void update_deployment(SimulationContext& ctx, std::int64_t day);

}  // namespace pocsim
