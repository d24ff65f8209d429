// SPDX-License-Identifier: Apache-2.0
#pragma once
// Human-rights investigations: once an episode that killed civilians has
// ended and the responder knows of it, its human-rights division may send
// investigators. Where peacekeepers already arrived, they get in; otherwise
// they fly under the host state's flight policy (a refusal
// blocks them) or, beyond helicopter range, drive (barred near state
// operations), so the policies that keep responders away also keep
// investigators away.
#include <cstdint>

#include "pocsim/core/scheduler.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {

// Called when an episode ends (its last killing tick has run): decides
// whether it will be investigated and when investigators set out.
void episode_ended(SimulationContext& ctx, std::uint32_t id);

// Sends the investigators whose time has come and settles whether they get in.
void advance_investigations(SimulationContext& ctx, const TickInfo& tick);

}  // namespace pocsim
