// SPDX-License-Identifier: Apache-2.0
// Student's t quantiles against published table values, and the coverage of
// the t interval on synthetic normal samples, where the true mean is known.
#include "pocsim/calibration/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace pocsim::calibration {
namespace {

TEST(StudentT, QuantilesMatchTables) {
  // Two-sided 95% critical values (any t table, e.g. NIST/SEMATECH 1.3.6.7.2),
  // to the three decimals tables give.
  EXPECT_NEAR(student_t_quantile(0.975, 19), 2.093, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 29), 2.045, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 4), 2.776, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 1), 12.706, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.975, 2), 4.303, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.995, 10), 3.169, 5e-4);
  EXPECT_NEAR(student_t_quantile(0.95, 3), 2.353, 5e-4);
  // Closed forms: df = 1 is the Cauchy distribution, df = 2 has
  // t = (2p - 1) / sqrt(2 p (1 - p)).
  EXPECT_NEAR(student_t_quantile(0.9, 1), std::tan(M_PI * 0.4), 1e-9);
  EXPECT_NEAR(student_t_quantile(0.9, 2), 0.8 / std::sqrt(2 * 0.9 * 0.1), 1e-9);
  // Many degrees of freedom approach the normal quantile 1.959964.
  EXPECT_NEAR(student_t_quantile(0.975, 1e6), 1.959964, 1e-5);
}

TEST(StudentT, QuantileIsSymmetricAndInvertsTheCdf) {
  for (double df : {1.0, 2.5, 7.0, 40.0})
    for (double p : {0.01, 0.2, 0.5, 0.8, 0.975, 0.9999}) {
      const double t = student_t_quantile(p, df);
      EXPECT_NEAR(student_t_cdf(t, df), p, 1e-10) << "df " << df << ", p " << p;
      EXPECT_NEAR(student_t_quantile(1 - p, df), -t, 1e-8 * std::max(1.0, std::fabs(t)));
    }
  EXPECT_TRUE(std::isnan(student_t_quantile(1.0, 5)));
  EXPECT_TRUE(std::isnan(student_t_quantile(0.5, 0)));
}

TEST(Statistics, MeanAndSampleSd) {
  const std::vector<double> values{2, 4, 4, 4, 5, 5, 7, 9};
  EXPECT_DOUBLE_EQ(mean(values), 5.0);
  EXPECT_NEAR(sample_sd(values), std::sqrt(32.0 / 7.0), 1e-12);
  // A small spread on a large mean keeps its digits.
  const std::vector<double> large{375000.1, 375000.2, 375000.3};
  EXPECT_NEAR(sample_sd(large), 0.1, 1e-9);
  EXPECT_TRUE(std::isnan(sample_sd(std::vector<double>{1.0})));
}

TEST(Statistics, QuantileInterpolatesLinearlyBetweenOrderStatistics) {
  // Type 7 (R's default, numpy's "linear"): h = (n - 1) p on the sorted
  // values 1 2 3 4 10, given here unsorted.
  const std::vector<double> values{4, 1, 10, 3, 2};
  EXPECT_DOUBLE_EQ(quantile(values, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(quantile(values, 0.5), 3.0);
  EXPECT_NEAR(quantile(values, 0.05), 1.2, 1e-12);  // h = 0.2
  EXPECT_NEAR(quantile(values, 0.9), 7.6, 1e-12);   // h = 3.6: 4 + 0.6 * 6
  EXPECT_DOUBLE_EQ(quantile(values, 1.0), 10.0);
  EXPECT_DOUBLE_EQ(quantile(std::vector<double>{5.0}, 0.3), 5.0);
  EXPECT_TRUE(std::isnan(quantile(std::vector<double>{}, 0.5)));
  EXPECT_TRUE(std::isnan(quantile(std::vector<double>{1.0, NAN}, 0.5)));
  EXPECT_TRUE(std::isnan(quantile(values, 1.5)));
}

TEST(Statistics, IntervalIsMeanPlusMinusTTimesStandardError) {
  const std::vector<double> values{10, 12, 11, 13, 9};
  const MeanEstimate e = estimate_mean(values);
  EXPECT_EQ(e.n, 5u);
  EXPECT_DOUBLE_EQ(e.mean, 11.0);
  const double half = 2.776445 * std::sqrt(2.5) / std::sqrt(5.0);
  EXPECT_NEAR(e.half_width, half, 1e-5);
  EXPECT_NEAR(e.low, 11.0 - half, 1e-5);
  EXPECT_NEAR(e.high, 11.0 + half, 1e-5);
  EXPECT_TRUE(std::isnan(estimate_mean(std::vector<double>{3.0}).half_width));
}

// The share of 95% intervals that hold the true mean, over many samples of n
// normal draws.
double coverage(std::size_t n, int samples, bool use_normal_quantile) {
  std::mt19937_64 rng(20220101);
  std::normal_distribution<double> draw(375.0, 40.0);
  int covered = 0;
  std::vector<double> sample(n);
  for (int s = 0; s < samples; ++s) {
    for (double& v : sample) v = draw(rng);
    MeanEstimate e = estimate_mean(sample);
    if (use_normal_quantile) {
      const double half = 1.959964 * e.sd / std::sqrt(static_cast<double>(n));
      e.low = e.mean - half;
      e.high = e.mean + half;
    }
    covered += e.low <= 375.0 && 375.0 <= e.high;
  }
  return covered / static_cast<double>(samples);
}

TEST(Statistics, IntervalCoversTheTrueMeanNinetyFivePercentOfTheTime) {
  // With 20,000 samples the binomial sd of the coverage is
  // sqrt(0.95 * 0.05 / 20000) = 0.0015; the tolerance 0.006 is four of them,
  // so a pass shows the coverage within +-0.0085 of 0.95 (an equivalence
  // test at alpha 0.05: 0.006 + 1.645 sd; docs/testing.md).
  constexpr int samples = 20000;
  for (std::size_t n : {4u, 20u}) EXPECT_NEAR(coverage(n, samples, false), 0.95, 0.006) << n;
  // The t quantile matters with few replications: the normal one would cover
  // only about 86% with n = 4 (P(|T_3| < 1.96) = 0.855).
  EXPECT_LT(coverage(4, samples, true), 0.88);
}

}  // namespace
}  // namespace pocsim::calibration
