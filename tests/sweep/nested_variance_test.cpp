// SPDX-License-Identifier: Apache-2.0
// The stochastic and parameter components of a sweep over a posterior: the
// method-of-moments estimates on cases computed by hand, and on simulated
// two-level data with known components.
#include "pocsim/sweep/nested_variance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include "pocsim/core/rng.hpp"

namespace pocsim::sweep {
namespace {

constexpr double failed_run = std::numeric_limits<double>::quiet_NaN();

TEST(NestedVariance, ComponentsOfAHandComputedCase) {
  // Draws {1, 3}, {4, 6}, {7, 11}: draw means 2, 5, 9; within-draw squares
  // 2 + 2 + 8 = 12 over 3 degrees of freedom, so sigma_s^2 = 4; the draw
  // means have variance 74/6 = 12.333, from which 4 / 2 is the noise of a
  // mean of two runs: sigma_p^2 = 10.333.
  const NestedVariance v = nested_variance(std::vector<double>{1, 3, 4, 6, 7, 11}, 2);
  EXPECT_EQ(v.draws, 3u);
  EXPECT_EQ(v.draw_means, (std::vector<double>{2, 5, 9}));
  EXPECT_DOUBLE_EQ(v.mean, 16.0 / 3.0);
  EXPECT_DOUBLE_EQ(v.stochastic_variance, 4.0);
  EXPECT_NEAR(v.parameter_variance, 74.0 / 6.0 - 2.0, 1e-12);
}

TEST(NestedVariance, ParameterComponentFlooredAtZero) {
  // Equal draw means, noisy runs: the estimate var(means) - 25 / 2 < 0.
  const NestedVariance v = nested_variance(std::vector<double>{0, 10, 5, 5}, 2);
  EXPECT_DOUBLE_EQ(v.stochastic_variance, 25.0);
  EXPECT_EQ(v.parameter_variance, 0.0);
}

TEST(NestedVariance, MissingRunsAreSkippedAndUnequalDrawsWeighed) {
  // Draw 0 keeps one run: means 1 and 4 (variance 4.5); within: 2 over 1
  // degree of freedom; mean of 1 / n_d over the draws 0.75.
  const NestedVariance v = nested_variance(std::vector<double>{1, failed_run, 3, 5}, 2);
  EXPECT_EQ(v.draws, 2u);
  EXPECT_DOUBLE_EQ(v.stochastic_variance, 2.0);
  EXPECT_DOUBLE_EQ(v.parameter_variance, 4.5 - 2.0 * 0.75);
  const NestedVariance lost = nested_variance(std::vector<double>{failed_run, failed_run, 3, 5}, 2);
  EXPECT_EQ(lost.draws, 1u);
  EXPECT_TRUE(std::isnan(lost.draw_means[0]));
  EXPECT_TRUE(std::isnan(lost.parameter_variance)) << "one draw says nothing of the parameters";
  EXPECT_DOUBLE_EQ(lost.mean, 4.0);
}

TEST(NestedVariance, OneRunPerDrawCountsTheSpreadAsTheParameters) {
  const NestedVariance v = nested_variance(std::vector<double>{1, 2, 3}, 1);
  EXPECT_TRUE(std::isnan(v.stochastic_variance));
  EXPECT_DOUBLE_EQ(v.parameter_variance, 1.0);
  EXPECT_THROW(nested_variance(std::vector<double>{1, 2, 3}, 2), std::invalid_argument);
}

TEST(NestedVariance, NormalSpreadIsMeanPlusMinusZSd) {
  const Spread s = normal_spread(10.0, 4.0);
  EXPECT_DOUBLE_EQ(s.sd, 2.0);
  EXPECT_NEAR(s.low, 10.0 - 1.959964 * 2.0, 1e-5);
  EXPECT_NEAR(s.high, 10.0 + 1.959964 * 2.0, 1e-5);
  EXPECT_NEAR(normal_spread(0.0, 1.0, 0.9).high, 1.644854, 1e-5);
  EXPECT_TRUE(std::isnan(normal_spread(1.0, failed_run).low));
}

// y_dr = 5 + a_d + e_dr with sigma_p = 3 and sigma_s = 2, 8 draws of 4
// runs, 2,000 data sets. Both estimates are unbiased (the floor at 0 bites
// with probability about 5e-4 here: var(means) has mean 10 and 7 degrees of
// freedom). Their standard deviations over data sets are 2 sigma_s^4 / 24
// -> 2.6 and about 10 sqrt(2 / 7) = 5.3, so their means over 2,000 sets have
// standard errors 0.06 and 0.12; the tolerances 0.3 and 0.6 are five of
// them. Not subtracting sigma_s^2 / 4 (+1 on sigma_p^2) or dividing by K
// instead of K - 1 (-1.25) fails.
TEST(NestedVariance, RecoversKnownComponentsOfSimulatedData) {
  constexpr std::size_t sets = 2000, draws = 8, runs = 4;
  constexpr double sigma_p = 3.0, sigma_s = 2.0;
  double stochastic = 0.0, parameter = 0.0, mean = 0.0;
  for (std::uint32_t set = 0; set < sets; ++set) {
    const CounterRng rng(1000 + set);
    auto normal = [&](std::uint32_t agent, std::uint32_t step) {
      const auto [u1, u2] = rng.uniform2(Purpose::benchmark, agent, step);
      return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(2.0 * std::numbers::pi * u2);
    };
    std::vector<double> values;
    for (std::uint32_t d = 0; d < draws; ++d) {
      const double effect = sigma_p * normal(d, 0);
      for (std::uint32_t r = 0; r < runs; ++r)
        values.push_back(5.0 + effect + sigma_s * normal(d, r + 1));
    }
    const NestedVariance v = nested_variance(values, runs);
    stochastic += v.stochastic_variance / sets;
    parameter += v.parameter_variance / sets;
    mean += v.mean / sets;
  }
  EXPECT_NEAR(stochastic, sigma_s * sigma_s, 0.3);
  EXPECT_NEAR(parameter, sigma_p * sigma_p, 0.6);
  EXPECT_NEAR(mean, 5.0, 0.1);  // sd of one mean sqrt(9/8 + 4/32) = 1.1; over 2,000: 0.025
}

}  // namespace
}  // namespace pocsim::sweep
