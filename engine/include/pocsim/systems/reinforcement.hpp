// SPDX-License-Identifier: Apache-2.0
#pragma once
// Daily recovery of unit strength; recovering units resume patrols at half strength.
#include "pocsim/systems/context.hpp"

namespace pocsim {

void reinforce_units(SimulationContext& ctx);

// A unit wiped out in the field: its survivors regroup at its base and
// recover there before patrolling again.
void regroup_at_base(SimulationContext& ctx, std::size_t u);

}  // namespace pocsim
