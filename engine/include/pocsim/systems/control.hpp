// SPDX-License-Identifier: Apache-2.0
#pragma once
// Control of territory, derived from presence: a faction holds a cell where
// its presence reaches control.hold_presence and no faction hostile to it has
// as much; where one has, both contest it. An output only: no mechanism reads it.
#include "pocsim/systems/context.hpp"

namespace pocsim {

// Counts the cells held and contested today, by region and faction kind, and
// the cells each faction holds, and hands them to the recorder.
void record_control(SimulationContext& ctx);

}  // namespace pocsim
