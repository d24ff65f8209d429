// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where partners' drones and aircraft watch: a region is watched while some
// present partner lists it in its isr_regions and drones fly. The mission's
// and partners' convoys find devices before they strike them there
// (ied.isr_clearance), their units are warned of attacks there
// (combat.isr_warning), and partners hunt the jihadist groups they see there
// (hunt_radius_km).
#include <cstdint>

#include "pocsim/scenario/sections/common.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {

bool watched_by_partners(const SimulationContext& ctx, world::CellId cell, std::uint32_t tick);

// The mission's and partners' own units and vehicles are the ones partners'
// ISR protects; the state's, mercenaries' and armed groups' are not.
bool protected_by_partner_isr(scenario::FactionKind kind);

}  // namespace pocsim
