// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/posterior_draws.hpp"

#include <stdexcept>

#include "pocsim/core/rng.hpp"

namespace pocsim::sweep {

std::vector<std::size_t> systematic_draws(std::span<const double> weights, std::size_t draws,
                                          std::uint64_t seed) {
  if (draws == 0) throw std::invalid_argument("posterior draws: at least one draw");
  std::size_t last_positive = weights.size();
  for (std::size_t i = 0; i < weights.size(); ++i)
    if (weights[i] > 0.0) last_positive = i;
  if (last_positive == weights.size())
    throw std::invalid_argument("posterior draws: no particle has a weight above 0");
  const double u = CounterRng(seed).uniform(Purpose::posterior_draws, 0, 0);
  std::vector<std::size_t> out;
  out.reserve(draws);
  std::size_t particle = 0;
  double cumulative = weights[0];
  for (std::size_t k = 0; k < draws; ++k) {
    const double point = (u + static_cast<double>(k)) / static_cast<double>(draws);
    while (particle < last_positive && point >= cumulative) cumulative += weights[++particle];
    out.push_back(particle);
  }
  return out;
}

}  // namespace pocsim::sweep
