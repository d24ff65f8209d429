// SPDX-License-Identifier: Apache-2.0
#pragma once
// Each cell's remembered risk: civilian deaths per resident, fading with time.
#include "pocsim/systems/context.hpp"

namespace pocsim {

void update_risk(SimulationContext& ctx);

}  // namespace pocsim
