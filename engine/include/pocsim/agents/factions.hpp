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

// A base the faction opens: where, and the days it is open.
struct BaseSite {
  int town = 0;
  std::int64_t open_day = std::numeric_limits<std::int64_t>::min();
  std::int64_t close_day = std::numeric_limits<std::int64_t>::max();  // its handover; the
                                                                      // faction's withdrawal
                                                                      // closes every base too
  int handed_to = -1;  // faction index that takes the camp, or -1

  bool open_on(std::int64_t day) const { return day >= open_day && day < close_day; }
};

struct Faction {
  scenario::FactionSection config;
  std::vector<BaseSite> sites;        // the bases it opens, in order of priority
  std::vector<int> bases;             // town indices of the sites; unit i starts at bases[i % n]
  std::vector<int> open_bases;        // towns of the bases open today, and camps taken over
  std::vector<std::uint8_t> in_area;  // per region
  std::vector<std::uint8_t> watches;  // per region: covered by this faction's ISR
  std::uint64_t hostile = 0;          // bit f: fights faction f (symmetric)
  std::int64_t deploy_day = 0;        // day index the units deploy (negative: before the start)
  std::int64_t withdraw_day = std::numeric_limits<std::int64_t>::max();  // day they leave
  std::int64_t ultimatum_day = std::numeric_limits<std::int64_t>::max();  // first day of ultimatums

  bool hostile_to(std::size_t other) const { return (hostile >> other) & 1u; }
  bool present_on(std::int64_t day) const { return day >= deploy_day && day < withdraw_day; }
};

// Resolves names; hostility is made symmetric (if A names B, both fight).
// The sites are the listed bases, or, with units_per_base, one per that many
// units from bases then temporary_bases (issue 22: a mission's footprint
// follows its strength).
std::vector<Faction> make_factions(const scenario::Scenario& scenario, const world::World& world);

}  // namespace pocsim
