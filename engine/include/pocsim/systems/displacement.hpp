// SPDX-License-Identifier: Apache-2.0
#pragma once
// Daily flight and return of civilian groups, and the residents of each cell.
#include <cstdint>
#include <vector>

#include "pocsim/systems/context.hpp"

namespace pocsim {

struct CivilianCensus {
  std::vector<std::int64_t> at_home_by_region;    // people alive at home
  std::vector<std::int64_t> displaced_by_region;  // people alive away, by home region
  std::int64_t killed = 0;
  std::vector<double> grievance_by_region;  // sum over groups of people alive x grievance

  std::int64_t at_home() const;
  std::int64_t displaced() const;
};

// Groups at home in a cell whose risk passed the threshold may flee to the
// nearest safe town; displaced groups may go home once it is safe again.
// The same pass rebuilds what index_civilians does and counts the census
// after the moves, which it returns.
CivilianCensus displace_civilians(SimulationContext& ctx, std::uint32_t day);

// Displaces, before the first day, the people the scenario says were already
// away from home: rural groups of each region drawn at random, sent to the
// nearest town of their region.
void displace_initially(SimulationContext& ctx);

// Rebuilds the index of displaced groups and the residents of every cell:
// needed once before the first day, after displace_initially.
void index_civilians(SimulationContext& ctx);

// Counts from the agent arrays themselves (a reduction in fixed block order).
CivilianCensus take_census(const SimulationContext& ctx);

}  // namespace pocsim
