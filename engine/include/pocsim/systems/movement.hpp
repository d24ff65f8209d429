// SPDX-License-Identifier: Apache-2.0
#pragma once
// Unit movement: road-bound units patrol town to town along roads inside
// their area; off-road units roam to random points near their base; units
// breaking off head home.
#include "pocsim/core/scheduler.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {

void move_units(SimulationContext& ctx, const TickInfo& tick);

}  // namespace pocsim
