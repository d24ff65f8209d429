// SPDX-License-Identifier: Apache-2.0
#pragma once
// Improvised explosive devices on the roads: vehicles of the state, the
// mission and its partners strike them at a rate per km that rises where
// jihadists are present.
#include "pocsim/core/scheduler.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {

// Chance that a vehicle of `driver` strikes at least one device over `km` of
// road through `cell` at `tick`. The mission's and partners' vehicles run
// less risk where a present partner's ISR watches the region and its drones
// fly (ied.isr_clearance).
double ied_strike_chance(const SimulationContext& ctx, world::CellId cell, double km,
                         std::uint16_t driver, std::uint32_t tick);

// A strike on a vehicle of `victim` in `cell` at `tick`: draws the deaths,
// removes them from the unit (if any; else it is a convoy), records the
// event and calls a medevac for the wounded. Returns the deaths.
std::uint32_t ied_strike(SimulationContext& ctx, std::uint32_t tick, world::CellId cell,
                         std::uint16_t victim, int unit, double u);

// Road patrols run the risk over the distance they drove this tick.
void strike_road_patrols(SimulationContext& ctx, const TickInfo& tick);

}  // namespace pocsim
