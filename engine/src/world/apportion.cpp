// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/apportion.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pocsim::world {

std::vector<std::int64_t> apportion(std::int64_t total, const std::vector<double>& weights) {
  std::vector<std::int64_t> parts(weights.size(), 0);
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (weights.empty() || total <= 0) return parts;
  if (!(sum > 0.0)) {
    // No weight anywhere: spread evenly rather than lose people.
    return apportion(total, std::vector<double>(weights.size(), 1.0));
  }
  std::vector<double> remainder(weights.size());
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double quota = static_cast<double>(total) * weights[i] / sum;
    parts[i] = static_cast<std::int64_t>(std::floor(quota));
    remainder[i] = quota - static_cast<double>(parts[i]);
    assigned += parts[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::size_t k = 0; assigned < total; k = (k + 1) % order.size(), ++assigned)
    ++parts[order[k]];
  return parts;
}

}  // namespace pocsim::world
