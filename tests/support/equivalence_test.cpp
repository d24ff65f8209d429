// SPDX-License-Identifier: Apache-2.0
// Welch's two one-sided tests (tests/support/equivalence.hpp): a small sample
// by hand, and its operating characteristic over many simulated samples:
// at a true difference on the margin it declares equivalence at most alpha of
// the time, and with the margin several standard errors wide it declares it
// nearly always when the true difference is 0.
#include "support/equivalence.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "pocsim/core/rng.hpp"

namespace pocsim::test {
namespace {

TEST(WelchTost, SmallSampleByHand) {
  // a: mean 2, variance 1 (n 3); b: mean 5, variance 4 (n 3).
  const std::vector<double> a{1, 2, 3}, b{3, 5, 7};
  const Equivalence e = welch_tost(a, b, 10.0, 0.05);
  EXPECT_DOUBLE_EQ(e.difference, 3.0);
  // se^2 = 1/3 + 4/3 = 5/3; df = (5/3)^2 / ((1/3)^2 / 2 + (4/3)^2 / 2) = 50/17.
  EXPECT_NEAR(e.se, std::sqrt(5.0 / 3.0), 1e-12);
  EXPECT_NEAR(e.df, 50.0 / 17.0, 1e-12);
  // t_{0.95, 50/17} = 2.3727 (scipy.stats.t.ppf(0.95, 50 / 17)).
  EXPECT_NEAR(e.t_critical, 2.3727, 1e-3);
  EXPECT_NEAR(e.low, 3.0 - e.t_critical * e.se, 1e-12);
  EXPECT_NEAR(e.high, 3.0 + e.t_critical * e.se, 1e-12);
  EXPECT_TRUE(e.equivalent);                             // [-0.06, 6.06] inside +-10
  EXPECT_FALSE(welch_tost(a, b, 6.0, 0.05).equivalent);  // the upper end passes 6
  EXPECT_FALSE(welch_tost(b, a, 6.0, 0.05).equivalent);  // and, reversed, the lower end
  EXPECT_THROW(welch_tost({1}, b, 1.0, 0.05), std::invalid_argument);
  EXPECT_THROW(welch_tost(a, b, 0.0, 0.05), std::invalid_argument);
}

double tost_normal(const CounterRng& rng, std::uint32_t sample, std::uint32_t i, std::uint32_t k) {
  const auto [u1, u2] = rng.uniform2(Purpose::benchmark, sample, i, k);
  return std::sqrt(-2.0 * std::log1p(-u1)) * std::cos(2.0 * M_PI * u2);  // Box-Muller
}

// The share of `samples` simulated comparisons (a: n_a draws of N(0, 1), b:
// n_b draws of N(shift, sd_b^2)) declared equivalent within +-margin.
double declared_share(double shift, double sd_b, double margin, int samples) {
  const CounterRng rng(27);
  const std::uint32_t n_a = 30, n_b = 100;
  int declared = 0;
  std::vector<double> a(n_a), b(n_b);
  for (int s = 0; s < samples; ++s) {
    const auto sample = static_cast<std::uint32_t>(s);
    for (std::uint32_t i = 0; i < n_a; ++i) a[i] = tost_normal(rng, sample, i, 0);
    for (std::uint32_t i = 0; i < n_b; ++i) b[i] = shift + sd_b * tost_normal(rng, sample, i, 1);
    declared += welch_tost(a, b, margin, 0.05).equivalent ? 1 : 0;
  }
  return static_cast<double>(declared) / samples;
}

TEST(WelchTost, DeclaresEquivalenceAtMostAlphaOfTheTimeOnTheMargin) {
  // 4000 samples: the binomial sd of a share near 0.05 is 0.0034. On the
  // margin the test is exact for normal data up to Welch's approximation of
  // the degrees of freedom: 0.05 within 4 sd, with unequal spreads too.
  constexpr int samples = 4000;
  const double sd = std::sqrt(0.05 * 0.95 / samples);
  EXPECT_NEAR(declared_share(0.6, 1.0, 0.6, samples), 0.05, 4 * sd);
  EXPECT_NEAR(declared_share(-0.6, 2.0, 0.6, samples), 0.05, 4 * sd);
  // Beyond the margin, less often still.
  EXPECT_LT(declared_share(0.9, 1.0, 0.6, samples), 0.05);
}

TEST(WelchTost, DeclaresEquivalenceOfEqualMeansWhenTheMarginIsWideEnough) {
  // se = sqrt(1/30 + 1/100) = 0.208; with margin 1.0 the interval must stay
  // within +-(1.0 - 1.66 * 0.208) = +-0.654 = 3.1 se: P = 0.998 for normal
  // data. With margin 0.2, narrower than the interval itself, never.
  constexpr int samples = 2000;
  EXPECT_GT(declared_share(0.0, 1.0, 1.0, samples), 0.99);
  EXPECT_EQ(declared_share(0.0, 1.0, 0.2, samples), 0.0);
}

TEST(PairedTost, SmallSampleByHand) {
  // Differences b - a: 1, 2, 3, 6: mean 3, variance 14/3, se sqrt(14/3 / 4).
  const std::vector<double> a{10, 20, 30, 40}, b{11, 22, 33, 46};
  const Equivalence e = paired_tost(a, b, 8.0, 0.05);
  EXPECT_DOUBLE_EQ(e.difference, 3.0);
  EXPECT_NEAR(e.se, std::sqrt(14.0 / 3.0 / 4.0), 1e-12);
  EXPECT_DOUBLE_EQ(e.df, 3.0);
  // t_{0.95, 3} = 2.3534 (scipy.stats.t.ppf(0.95, 3)): interval [0.458, 5.542].
  EXPECT_NEAR(e.t_critical, 2.3534, 1e-3);
  EXPECT_TRUE(e.equivalent);
  EXPECT_FALSE(paired_tost(a, b, 5.5, 0.05).equivalent);  // the upper end passes 5.5
  EXPECT_FALSE(paired_tost(b, a, 5.5, 0.05).equivalent);  // and, reversed, the lower end
  // Welch's test of the same numbers as independent samples sees the spread
  // between pairs (sd about 13) and cannot show it within 8.
  EXPECT_FALSE(welch_tost(a, b, 8.0, 0.05).equivalent);
  EXPECT_THROW(paired_tost({1, 2}, {1, 2, 3}, 1.0, 0.05), std::invalid_argument);
  EXPECT_THROW(paired_tost(a, b, 0.0, 0.05), std::invalid_argument);
}

}  // namespace
}  // namespace pocsim::test
