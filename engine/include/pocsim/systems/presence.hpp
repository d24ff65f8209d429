// SPDX-License-Identifier: Apache-2.0
#pragma once
// Each faction's recent presence per cell, in unit-days with exponential
// memory: what civilians and other factions know of who is around. A unit
// marks the cells of its footprint (presence_footprint.hpp): a disc in km,
// whatever the grid's cell size.

#include "pocsim/systems/context.hpp"

namespace pocsim {

void mark_presence(SimulationContext& ctx);
void fade_presence(SimulationContext& ctx);

}  // namespace pocsim
