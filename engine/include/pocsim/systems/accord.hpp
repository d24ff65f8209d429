// SPDX-License-Identifier: Apache-2.0
#pragma once
// The 2015 accord between the state and the signatory groups: a tension index
// that drifts up unless partners deter escalation, rises with the state's
// violence where signatories operate, and falls with the mission's dialogue;
// past its threshold the accord collapses: state forces and signatories fight
// on contact, and the state extends its operations into the signatories' regions.
#include <cstdint>

#include "pocsim/systems/context.hpp"

namespace pocsim {

// Counts an episode of violence toward the day's provocations.
void note_provocation(SimulationContext& ctx, const Faction& perpetrator, world::CellId cell);

// The daily update of the tension, and the collapse when it comes.
void update_accord(SimulationContext& ctx, std::uint32_t day);

}  // namespace pocsim
