// SPDX-License-Identifier: Apache-2.0
// Systematic resampling of a weighted posterior: deterministic from the
// seed, every particle drawn floor(K w) or ceil(K w) times, and on average
// over seeds exactly K w times.
#include "pocsim/sweep/posterior_draws.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace pocsim::sweep {
namespace {

std::vector<std::size_t> counts(const std::vector<std::size_t>& draws, std::size_t particles) {
  std::vector<std::size_t> out(particles, 0);
  for (std::size_t i : draws) ++out[i];
  return out;
}

const std::vector<double> weights{0.1, 0.0, 0.3, 0.2, 0.25, 0.15};

TEST(PosteriorDraws, SameSeedSameDrawsInIncreasingOrder) {
  const auto a = systematic_draws(weights, 7, 20220101);
  EXPECT_EQ(a, systematic_draws(weights, 7, 20220101));
  EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
  std::size_t differing = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed)
    differing += systematic_draws(weights, 7, seed) != a;
  EXPECT_GE(differing, 10u) << "the draws depend on the seed";
}

TEST(PosteriorDraws, EachParticleDrawnFloorOrCeilOfItsShare) {
  for (std::size_t k : {1u, 3u, 7u, 20u, 101u})
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
      const auto c = counts(systematic_draws(weights, k, seed), weights.size());
      for (std::size_t i = 0; i < weights.size(); ++i) {
        const double share = static_cast<double>(k) * weights[i];
        EXPECT_GE(static_cast<double>(c[i]), std::floor(share - 1e-9)) << i << " K=" << k;
        EXPECT_LE(static_cast<double>(c[i]), std::ceil(share + 1e-9)) << i << " K=" << k;
      }
      EXPECT_EQ(c[1], 0u) << "a particle of weight 0 is never drawn";
    }
}

// Over 4,000 seeds with K = 3, particle i is drawn 3 w_i times on average.
// Its count per seed is floor or ceil of 3 w_i, a Bernoulli on top of the
// floor, so the standard error of the mean count is at most
// sqrt(0.25 / 4000) = 0.0079; the tolerance 0.04 is five of them, and a
// sampler off by a fifth of the smallest weight (0.1 * 3 / 5 = 0.06) fails.
TEST(PosteriorDraws, DrawsFollowTheWeightsOverSeeds) {
  constexpr std::size_t seeds = 4000, k = 3;
  std::vector<double> mean_count(weights.size(), 0.0);
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    const auto c = counts(systematic_draws(weights, k, seed * 7919), weights.size());
    for (std::size_t i = 0; i < weights.size(); ++i)
      mean_count[i] += static_cast<double>(c[i]) / seeds;
  }
  for (std::size_t i = 0; i < weights.size(); ++i)
    EXPECT_NEAR(mean_count[i], static_cast<double>(k) * weights[i], 0.04) << "particle " << i;
}

TEST(PosteriorDraws, RefusesNoDrawsAndNoWeight) {
  EXPECT_THROW(systematic_draws(weights, 0, 1), std::invalid_argument);
  EXPECT_THROW(systematic_draws(std::vector<double>{0.0, 0.0}, 2, 1), std::invalid_argument);
}

}  // namespace
}  // namespace pocsim::sweep
