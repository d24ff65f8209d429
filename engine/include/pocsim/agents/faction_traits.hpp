// SPDX-License-Identifier: Apache-2.0
#pragma once
// What each kind of faction is, in one table. The systems ask a faction's
// kind the same few questions ("is it on the state's side", "is it a foreign
// force", "does it lay IEDs"); each answer is a column here, so a rule of the
// model about kinds is written once and a new kind is one row.
#include <array>
#include <cstddef>

#include "pocsim/scenario/sections/common.hpp"

namespace pocsim {

struct FactionKindTraits {
  // The state and its allies (state forces, mercenaries): their abuse breeds
  // the grievance jihadists recruit on and provokes the accord's signatories;
  // their presence puts a cell under the state's operations (flight
  // refusals, ground access denied); when the accord collapses they fight
  // the signatories.
  bool state_side = false;
  // Foreign forces (peacekeepers, partners): civilians are not punished for
  // suspected collaboration with them; partners' ISR protects their vehicles
  // and warns their units; the responder evacuates their wounded.
  bool foreign = false;
  // May respond to incidents: with no response.responder named, the first
  // faction of such a kind is the responder.
  bool responds = false;
  // A signatory of the accord: state-side violence in its area provokes, the
  // responder's presence in its area is dialogue, and at the collapse the
  // state's side fights it.
  bool signs_accord = false;
  // Lays IEDs: the most present such faction is the likely layer of a strike,
  // and their presence raises the IED risk of a road.
  bool lays_ieds = false;
  // Recruits from the grievance of the people of its area.
  bool recruits = false;
  // The quarry of partners' counter-terrorism hunts.
  bool hunted = false;
  // Its road patrols are convoys on the roads, exposed to IEDs (the armed
  // groups who lay them, and the signatories, move unseen).
  bool patrols_exposed_to_ieds = false;
};

// One row per scenario::FactionKind, in the enum's order.
inline constexpr std::array<FactionKindTraits, scenario::faction_kind_count> faction_kind_traits{{
    // peacekeepers
    {.foreign = true, .responds = true, .patrols_exposed_to_ieds = true},
    // state_forces
    {.state_side = true, .patrols_exposed_to_ieds = true},
    // mercenaries
    {.state_side = true, .patrols_exposed_to_ieds = true},
    // jihadist
    {.lays_ieds = true, .recruits = true, .hunted = true},
    // signatory
    {.signs_accord = true},
    // partner
    {.foreign = true, .patrols_exposed_to_ieds = true},
}};

constexpr const FactionKindTraits& faction_traits(scenario::FactionKind kind) {
  return faction_kind_traits[static_cast<std::size_t>(kind)];
}

}  // namespace pocsim
