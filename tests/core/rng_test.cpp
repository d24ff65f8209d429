#include "pocsim/core/rng.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace pocsim {

TEST(CounterRng, SameKeyGivesSameNumberAndAnyKeyChangeGivesAnother) {
  const CounterRng a(42), b(42), c(43);
  EXPECT_EQ(a.uniform(Purpose::flee, 7, 100), b.uniform(Purpose::flee, 7, 100));
  EXPECT_NE(a.uniform(Purpose::flee, 7, 100), c.uniform(Purpose::flee, 7, 100));
  EXPECT_NE(a.uniform(Purpose::flee, 7, 100), a.uniform(Purpose::return_home, 7, 100));
  EXPECT_NE(a.uniform(Purpose::flee, 7, 100), a.uniform(Purpose::flee, 8, 100));
  EXPECT_NE(a.uniform(Purpose::flee, 7, 100), a.uniform(Purpose::flee, 7, 101));
  EXPECT_NE(a.uniform(Purpose::flee, 7, 100, 0), a.uniform(Purpose::flee, 7, 100, 1));
}

// Chi-square test of uniformity over 100 bins: the 0.1% critical value for 99
// degrees of freedom is 148.2, so a correct generator fails once in 1000 seeds.
TEST(CounterRng, UniformPassesChiSquareOnAgentsAndSteps) {
  const CounterRng rng(2022);
  constexpr int bins = 100, draws = 200000;
  std::vector<int> counts(bins, 0);
  for (int i = 0; i < draws; ++i) {
    const double u = rng.uniform(Purpose::benchmark, static_cast<std::uint32_t>(i % 1000),
                                 static_cast<std::uint32_t>(i / 1000));
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    ++counts[static_cast<int>(u * bins)];
  }
  const double expected = static_cast<double>(draws) / bins;
  double chi2 = 0.0;
  for (int c : counts) chi2 += (c - expected) * (c - expected) / expected;
  EXPECT_LT(chi2, 148.2);
}

struct Moments {
  double mean = 0.0, variance = 0.0;
};

template <class Draw>
Moments moments(int n, Draw draw) {
  double sum = 0.0, sum2 = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = draw(i);
    sum += x;
    sum2 += x * x;
  }
  const double mean = sum / n;
  return {mean, sum2 / n - mean * mean};
}

// Sample means within 5 standard errors of the law's mean (a false alarm is
// below one in a million); variances within 5%.
TEST(Samplers, PoissonHasItsMeanAndVariance) {
  const CounterRng rng(5);
  for (double lambda : {0.3, 4.0, 60.0, 500.0}) {
    const int n = 100000;
    const Moments m = moments(n, [&](int i) {
      return poisson_from_uniform(
          lambda, rng.uniform(Purpose::benchmark, static_cast<std::uint32_t>(i), 0));
    });
    EXPECT_NEAR(m.mean, lambda, 5.0 * std::sqrt(lambda / n)) << lambda;
    EXPECT_NEAR(m.variance / lambda, 1.0, 0.05) << lambda;
  }
}

TEST(Samplers, BinomialHasItsMeanAndVariance) {
  const CounterRng rng(6);
  for (auto [trials, p] :
       {std::pair{25u, 0.01}, std::pair{25u, 0.5}, std::pair{255u, 0.9}, std::pair{5000u, 0.3}}) {
    const int n = 100000;
    const double mean = trials * p, var = trials * p * (1 - p);
    const Moments m = moments(n, [&](int i) {
      return binomial_from_uniform(
          trials, p, rng.uniform(Purpose::benchmark, static_cast<std::uint32_t>(i), 1));
    });
    EXPECT_NEAR(m.mean, mean, 5.0 * std::sqrt(var / n)) << trials << " " << p;
    EXPECT_NEAR(m.variance / var, 1.0, 0.05) << trials << " " << p;
  }
  EXPECT_EQ(binomial_from_uniform(0, 0.5, 0.7), 0u);
  EXPECT_EQ(binomial_from_uniform(10, 1.0, 0.1), 10u);
}

TEST(Samplers, GeometricHasItsMean) {
  const CounterRng rng(8);
  const int n = 100000;
  const double target = 6.0;
  const Moments m = moments(n, [&](int i) {
    return geometric_from_uniform(
        target, rng.uniform(Purpose::benchmark, static_cast<std::uint32_t>(i), 2));
  });
  // Variance of a geometric law with mean 6 is 30.
  EXPECT_NEAR(m.mean, target, 5.0 * std::sqrt(30.0 / n));
  EXPECT_EQ(geometric_from_uniform(0.5, 0.9), 1u);
}

}  // namespace pocsim
