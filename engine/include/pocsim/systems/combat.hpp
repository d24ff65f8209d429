#pragma once
// Engagements between hostile units in contact, resolved by Lanchester's
// square law with Poisson-distributed losses, terrain defence, civilians
// killed in the crossfire, and the weaker side breaking off.
#include "pocsim/core/scheduler.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {

void resolve_combat(SimulationContext& ctx, const TickInfo& tick);

}  // namespace pocsim
