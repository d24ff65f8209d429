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

// The same groups, in the same order, handed out in chunks of at most
// max_groups_listed, so that a caller can draw their random numbers
// together: range(first, n) for a run of the cell's own groups, consecutive
// agents of which only those present_at_home are in the cell, then
// list(agents) for the groups displaced into it and alive.
inline constexpr std::uint32_t max_groups_listed = 64;
inline bool present_at_home(const Civilians& civ, std::uint32_t agent);
template <class Range, class List>
void for_each_chunk_of_groups_in_cell(const SimulationContext& ctx, world::CellId cell,
                                      Range&& range, List&& list);

}  // namespace pocsim

#include "pocsim/systems/civilian_harm_impl.hpp"
