// SPDX-License-Identifier: Apache-2.0
#pragma once
// Killing civilians present in a cell: each group loses a binomial number of
// its people, drawn from the group's own random stream, so the result does
// not depend on the order in which groups are visited.
#include <cstdint>

#include "pocsim/core/rng.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {

// Returns the number of people killed; `salt` separates several harms to the
// same cell in one tick (the episode id, the engaging unit). Every group
// present gains `grievance`.
std::uint32_t harm_civilians_in_cell(SimulationContext& ctx, world::CellId cell,
                                     double kill_probability, Purpose purpose, std::uint32_t tick,
                                     std::uint32_t salt, float grievance = 0.0f);

// Calls fn(agent) for each group present in the cell (at home or displaced to it).
template <class Fn>
void for_each_group_in_cell(const SimulationContext& ctx, world::CellId cell, Fn&& fn);

}  // namespace pocsim

#include "pocsim/systems/civilian_harm_impl.hpp"
