// SPDX-License-Identifier: Apache-2.0
#pragma once
// Splits a whole number into whole parts proportional to weights, by largest
// remainder, so that the parts always add up to the total exactly.
#include <cstdint>
#include <vector>

namespace pocsim::world {

std::vector<std::int64_t> apportion(std::int64_t total, const std::vector<double>& weights);

}  // namespace pocsim::world
