// SPDX-License-Identifier: Apache-2.0
#pragma once
// What must hold at the end of every day of a run, whatever the scenario:
// civilians are conserved (the living and the killed add up to the
// population), every civilian killed is attributed (to a faction's violence
// or to the crossfire of a battle, and to a region), no count is negative,
// and an incident's steps come in order (detected, requested, authorised,
// reached, each after its onset). Debug and sanitizer builds check them
// after each day (POCSIM_CHECK_INVARIANTS, CMakeLists.txt), so every test
// run there checks them too; Release builds do not spend the time.
#include <cstdint>
#include <stdexcept>

#include "pocsim/systems/context.hpp"

namespace pocsim {

// A broken invariant: a bug in the engine, never a user's mistake.
class InvariantBroken : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// Throws InvariantBroken naming the first invariant that does not hold at
// the end of `day`; `population` is the people the run began with.
void check_invariants(const SimulationContext& ctx, std::int64_t population, std::uint32_t day);

}  // namespace pocsim
