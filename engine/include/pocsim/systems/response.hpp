// SPDX-License-Identifier: Apache-2.0
#pragma once
// Protection of civilians by the responder (MINUSMA): learning of an incident
// through the fastest channel (own units nearby, partner ISR, phone reports
// where a tower stands, second-hand reports), deciding to respond, asking
// the host state to authorise a flight, and reaching the incident by
// helicopter or, when the flight is refused or no helicopter is free, by road
// through IED risk. An arrival may end the episode, depending on who commits it.
#include "pocsim/core/scheduler.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {

// Opens the incident record of a new episode and draws when the responder
// learns of it.
void open_incident(SimulationContext& ctx, const Episode& episode, std::uint32_t tick);

// Moves every open response one step on.
void advance_responses(SimulationContext& ctx, const TickInfo& tick);

// How much the presence of peacekeepers and of partner forces in the cell
// holds back the onset of violence by this faction: a factor in [0, 1] on
// the onset rate, the product of the two forces' factors.
double deterrence_by_presence(const SimulationContext& ctx, const Faction& perpetrator,
                              world::CellId cell);

}  // namespace pocsim
