// SPDX-License-Identifier: Apache-2.0
#pragma once
// Violence against civilians: units start episodes in their cell at a rate
// raised by enemy presence (civilians suspected of siding with the enemy);
// an episode kills residents every hour until it ends and may destroy a
// health centre, water point, market or phone tower.
#include "pocsim/core/scheduler.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {

void advance_violence(SimulationContext& ctx, const TickInfo& tick);

}  // namespace pocsim
