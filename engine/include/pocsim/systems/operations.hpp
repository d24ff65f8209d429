// SPDX-License-Identifier: Apache-2.0
#pragma once
// Scripted operations, and those campaigns generate (campaigns.hpp): on the
// given dates, units of a faction land at a town and hold it, sealing it when
// the operation has a cordon. What they do to the residents is left to the
// violence mechanism. The run's list is SimulationContext::operations.
#include <cstdint>

#include "pocsim/systems/context.hpp"

namespace pocsim {

// Starts the operations that begin on `day` and ends those that end then;
// lists the cells their cordons seal on `day`.
void update_operations(SimulationContext& ctx, std::int64_t day);

// Whether a cordon seals the cell now.
bool cordoned(const SimulationContext& ctx, world::CellId cell);

}  // namespace pocsim
