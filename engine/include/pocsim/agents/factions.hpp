// SPDX-License-Identifier: Apache-2.0
#pragma once
// Factions at run time: the scenario entry with names resolved to indices.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "pocsim/scenario/scenario.hpp"
#include "pocsim/world/world.hpp"

namespace pocsim {

struct Faction {
  scenario::FactionSection config;
  std::vector<int> bases;             // town indices
  std::vector<std::uint8_t> in_area;  // per region
  std::vector<std::uint8_t> watches;  // per region: covered by this faction's ISR
  std::uint64_t hostile = 0;          // bit f: fights faction f (symmetric)
  std::int64_t deploy_day = 0;        // day index the units deploy (negative: before the start)
  std::int64_t withdraw_day = std::numeric_limits<std::int64_t>::max();  // day they leave

  bool hostile_to(std::size_t other) const { return (hostile >> other) & 1u; }
  bool present_on(std::int64_t day) const { return day >= deploy_day && day < withdraw_day; }
};

// Resolves names; hostility is made symmetric (if A names B, both fight).
std::vector<Faction> make_factions(const scenario::Scenario& scenario, const world::World& world);

}  // namespace pocsim
