// SPDX-License-Identifier: Apache-2.0
#pragma once
// Medical evacuation of the responder's side: an IED strike or a fight that
// hurts peacekeepers or partners leaves wounded, who call one medevac flight
// to the nearest responder base. Unless medevac is exempt, the flight waits
// for the host state's answer like any other; a refusal or a grounding sends
// the wounded by road. Wounded who wait past the golden hours may die of
// their wounds.
#include <cstdint>

#include "pocsim/scenario/sections/medevac.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {

// A casualty event of `faction` in `cell` whose expected deaths were
// `expected_deaths`; `salt` separates events of one tick (even for combat,
// odd for IEDs). Does nothing for
// factions other than peacekeepers and partners, or without a responder.
void call_medevac(SimulationContext& ctx, std::uint16_t faction, world::CellId cell,
                  double expected_deaths, std::uint32_t tick, std::uint32_t salt);

// Hours until the wounded reach care, and whether they flew, for a call from
// `cell` at `tick` (the host state's answer and groundings included).
struct Evacuation {
  double hours = 0.0;
  bool by_air = false;
};
Evacuation evacuate(const SimulationContext& ctx, world::CellId cell, std::uint32_t tick);

// Chance that a wounded evacuated after `hours` dies of the wounds.
double died_of_wounds_probability(const scenario::MedevacSection& cfg, double hours);

}  // namespace pocsim
