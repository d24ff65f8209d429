// SPDX-License-Identifier: Apache-2.0
#pragma once
// Recruitment into jihadist groups from the grievance that abuse by the state
// and its allies leaves among civilians: the cycle of violence the seed
// article describes.
#include <cstdint>

#include "pocsim/systems/context.hpp"
#include "pocsim/systems/displacement.hpp"

namespace pocsim {

// Each jihadist faction present draws a Poisson number of recruits with mean
// recruits_per_grievance x the grievance of the people in its area, and puts
// them first into its weakest units, then into new strength spread over all.
void recruit(SimulationContext& ctx, std::uint32_t day, const CivilianCensus& census);

}  // namespace pocsim
