#pragma once
// Daily recovery of unit strength; recovering units resume patrols at half strength.
#include "pocsim/systems/context.hpp"

namespace pocsim {

void reinforce_units(SimulationContext& ctx);

}  // namespace pocsim
