// SPDX-License-Identifier: Apache-2.0
#pragma once
// Partners' counter-terrorism operations: once a day, units of a faction with
// a hunt_radius_km set out across country for the nearest hostile jihadist
// unit that their faction's ISR sees within that distance of their base,
// follow it through the day (movement) and fight it on contact (combat); with
// none in sight, a hunting unit goes back to its base and its patrols.
#include <cstdint>

#include "pocsim/systems/context.hpp"

namespace pocsim {

// Picks, for `day` (the day about to start), each hunter's quarry; counts
// the unit-days of operations in the recorder.
void launch_hunts(SimulationContext& ctx, std::int64_t day);

}  // namespace pocsim
