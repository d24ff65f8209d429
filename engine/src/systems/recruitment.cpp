// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/recruitment.hpp"

#include <algorithm>
#include <numeric>

#include "pocsim/agents/faction_traits.hpp"
#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/scenario/sections/recruitment.hpp"

namespace pocsim {

void recruit(SimulationContext& ctx, std::uint32_t day, const CivilianCensus& census) {
  Units& units = ctx.units;
  for (std::size_t f = 0; f < ctx.factions.size(); ++f) {
    const Faction& faction = ctx.factions[f];
    if (!faction_traits(faction.config.kind).recruits || !faction.present_on(day)) continue;
    double grievance = 0.0;
    for (std::size_t r = 0; r < census.grievance_by_region.size(); ++r)
      if (faction.in_area[r]) grievance += census.grievance_by_region[r];
    const double mean = ctx.scenario.recruitment.recruits_per_grievance * grievance;
    std::uint32_t recruits = poisson_from_uniform(
        mean, ctx.rng.uniform(Purpose::recruitment, static_cast<std::uint32_t>(f), day));
    if (recruits == 0) continue;
    std::vector<std::uint32_t> members;
    for (std::size_t u = 0; u < units.size(); ++u)
      if (units.faction[u] == f && units.deployed(u))
        members.push_back(static_cast<std::uint32_t>(u));
    // Without a deployed unit nobody takes recruits in: none are counted.
    if (members.empty()) continue;
    ctx.recorder.recruited(static_cast<std::uint16_t>(f), recruits);
    // Weakest first (ties by index), so that depleted groups are rebuilt before others grow.
    std::stable_sort(members.begin(), members.end(), [&](std::uint32_t a, std::uint32_t b) {
      return units.strength[a] - units.full_strength[a] <
             units.strength[b] - units.full_strength[b];
    });
    for (std::uint32_t u : members) {
      const auto missing = static_cast<std::uint32_t>(
          std::max<std::int32_t>(0, units.full_strength[u] - units.strength[u]));
      const std::uint32_t taken = std::min(missing, recruits);
      units.strength[u] += static_cast<std::int32_t>(taken);
      recruits -= taken;
    }
    for (std::size_t k = 0; recruits > 0; k = (k + 1) % members.size(), --recruits) {
      ++units.strength[members[k]];
      ++units.full_strength[members[k]];
    }
  }
}

}  // namespace pocsim
