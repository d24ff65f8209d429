// SPDX-License-Identifier: Apache-2.0
#pragma once
// Ultimatums: a village ordered to leave before an attack. From the second
// half of 2022 the jihadist groups in Mali more often told the people of a
// village to go before they struck, and the killing of civilians fell while
// displacement rose (Secretary-General's report on Mali, S/2023/402, June
// 2023: fewer civilian casualties from July 2022, in part from "a change in
// tactics" of the extremist groups, "ultimatums to the population to leave
// the area before attacking"). From factions[].ultimatums_from, a share
// (ultimatum_share) of the faction's violent episodes are ultimatums: no one
// is killed or taken, and the village's remembered risk is raised to twice
// the level at which people leave (civilians.flee_risk), so that its people
// go over the next days as from a massacre, and stay away as long.
#include "pocsim/core/scheduler.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {

// Whether the episode that unit `unit` of faction `f` is about to start in
// `cell` is an ultimatum instead; if so, orders the village out. The draw is
// keyed by the unit and the tick, so it shifts no other mechanism's numbers.
bool give_ultimatum(SimulationContext& ctx, const Faction& f, std::uint32_t unit,
                    world::CellId cell, const TickInfo& tick);

}  // namespace pocsim
