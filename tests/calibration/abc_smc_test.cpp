// SPDX-License-Identifier: Apache-2.0
// ABC-SMC on a toy model with a known posterior: the mean theta of n normal
// observations with known sigma, seen only through their sample mean, which
// is sufficient. With prior theta ~ N(m0, s0^2) and an observed mean xbar
// whose standard error is s, the posterior is normal with precision
// 1/s0^2 + 1/s^2 and mean (m0/s0^2 + xbar/s^2) / precision; with a wide
// uniform prior it is N(xbar, s^2). As the tolerance goes to 0 the ABC
// posterior goes to this one; at tolerance e (in units of s) it is the exact
// posterior convolved with a band of half-width e s, which adds at most
// (e s)^2 / 3 to the variance.
#include "pocsim/calibration/abc_smc.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

namespace pocsim::calibration {
namespace {

constexpr double standard_error = 0.5;  // s = sigma / sqrt(n)
constexpr double observed_mean = 1.3;

// The toy model: the sample mean of n observations at theta is
// theta + s Z; every call draws fresh noise from its own counters.
Simulate normal_mean_model(std::uint64_t seed) {
  auto calls = std::make_shared<std::uint32_t>(0);
  return [seed, calls](const Eigen::MatrixXd& points) {
    const CounterRng rng(seed ^ 0x5eedULL);
    std::vector<PointOutcome> out;
    for (Eigen::Index i = 0; i < points.rows(); ++i) {
      const double z =
          standard_normal(rng, Purpose::benchmark, static_cast<std::uint32_t>(i), *calls, 0);
      out.push_back({{points(i, 0) + standard_error * z}, {0.0}});
    }
    ++*calls;
    return out;
  };
}

struct Moments {
  double mean = 0.0;
  double variance = 0.0;
};

Moments weighted_moments(const Posterior& p) {
  Moments m;
  for (std::size_t i = 0; i < p.weights.size(); ++i)
    m.mean += p.weights[i] * p.points(static_cast<Eigen::Index>(i), 0);
  for (std::size_t i = 0; i < p.weights.size(); ++i) {
    const double d = p.points(static_cast<Eigen::Index>(i), 0) - m.mean;
    m.variance += p.weights[i] * d * d;
  }
  return m;
}

Posterior run_toy(const Prior& prior, std::uint64_t seed) {
  AbcSmcSettings settings;
  settings.particles = 1000;
  settings.generations = 9;
  settings.quantile = 0.5;
  settings.min_acceptance = 0.02;
  settings.seed = seed;
  return abc_smc({prior}, {{observed_mean, standard_error}}, settings, normal_mean_model(seed));
}

// Tolerances, per seed: with 1000 particles whose weights leave an
// effective sample of several hundred, the posterior mean's Monte Carlo
// error is under sd / 15 and the variance's relative error under
// sqrt(2 / 300) = 8%; the last tolerance adds at most a few per cent to the
// variance. So the mean within 0.25 posterior sd and the variance within
// 25% of the exact one are 3 Monte Carlo errors or more, while a method that stops shrinking its
// tolerance (variance doubled or more) or drops the importance weights (the prior counted twice or
// not at all: the mean off by 0.25 of a unit) fails.
void expect_matches(const Posterior& p, double exact_mean, double exact_variance,
                    std::uint64_t seed) {
  const Moments m = weighted_moments(p);
  const double sd = std::sqrt(exact_variance);
  EXPECT_NEAR(m.mean, exact_mean, 0.25 * sd) << "seed " << seed;
  EXPECT_NEAR(m.variance / exact_variance, 1.0, 0.25) << "seed " << seed;
  double total = 0.0;
  for (double w : p.weights) {
    EXPECT_GE(w, 0.0);
    total += w;
  }
  EXPECT_NEAR(total, 1.0, 1e-9);
}

TEST(AbcSmc, WideUniformPriorGivesTheLikelihoodsNormal) {
  Prior prior;
  prior.min = -10.0;
  prior.max = 10.0;
  for (std::uint64_t seed : {1, 2, 3}) {
    const Posterior p = run_toy(prior, seed);
    ASSERT_EQ(p.points.rows(), 1000);
    expect_matches(p, observed_mean, standard_error * standard_error, seed);
    // The tolerances shrink generation by generation.
    for (std::size_t w = 2; w < p.waves.size(); ++w)
      EXPECT_LT(p.waves[w].threshold, p.waves[w - 1].threshold);
  }
}

TEST(AbcSmc, NormalPriorGivesTheConjugatePosterior) {
  Prior prior;
  prior.shape = PriorShape::normal;
  prior.mean = 0.0;
  prior.sd = 0.6;
  prior.min = -20.0;
  prior.max = 20.0;
  const double precision = 1.0 / (prior.sd * prior.sd) + 1.0 / (standard_error * standard_error);
  const double exact_mean = (observed_mean / (standard_error * standard_error)) / precision;
  for (std::uint64_t seed : {4, 5, 6})
    expect_matches(run_toy(prior, seed), exact_mean, 1.0 / precision, seed);
}

TEST(AbcSmc, SameSeedSameParticles) {
  Prior prior;
  prior.min = -10.0;
  prior.max = 10.0;
  const Posterior a = run_toy(prior, 9), b = run_toy(prior, 9), c = run_toy(prior, 10);
  EXPECT_EQ(a.points, b.points);
  EXPECT_EQ(a.weights, b.weights);
  EXPECT_NE(a.points, c.points);
}

TEST(AbcSmc, StopsWhenAcceptanceFallsBelowTheMinimum) {
  // A model whose outcome never comes near the observation: after the
  // prior, no proposal is within the tolerance of the (0) quantile... so a
  // generation spends its budget of particles / min_acceptance and ends it.
  Prior prior;
  prior.min = 0.0;
  prior.max = 1.0;
  AbcSmcSettings settings;
  settings.particles = 20;
  settings.generations = 5;
  settings.quantile = 0.0;  // the best particle's distance: almost nothing is as close
  settings.min_acceptance = 0.1;
  const Posterior p = abc_smc({prior}, {{0.5, 1.0}}, settings, normal_mean_model(3));
  ASSERT_GE(p.waves.size(), 2u);
  EXPECT_LT(p.waves.back().accepted, 20u);
  EXPECT_LE(p.waves.back().proposed, 200u);  // 20 / 0.1
  EXPECT_EQ(p.points.rows(), 20);            // the last full generation
}

TEST(Prior, QuantilesAndDensities) {
  Prior uniform;
  uniform.min = 2.0;
  uniform.max = 6.0;
  EXPECT_DOUBLE_EQ(uniform.at_quantile(0.25), 3.0);
  EXPECT_EQ(uniform.density(7.0), 0.0);
  Prior whole = uniform;
  whole.integer = true;  // 2..6: latent [1.5, 6.5], each whole value 1/5
  EXPECT_DOUBLE_EQ(whole.at_quantile(0.0), 1.5);
  EXPECT_EQ(whole.model_value(whole.at_quantile(0.99)), 6.0);
  EXPECT_EQ(whole.model_value(whole.at_quantile(0.01)), 2.0);
  Prior normal;
  normal.shape = PriorShape::normal;
  normal.mean = 1.0;
  normal.sd = 2.0;
  EXPECT_NEAR(normal.at_quantile(0.975), 1.0 + 2.0 * 1.959964, 1e-5);
  normal.min = 1.0;  // truncated to its upper half: the median is at 0.6745 sd
  EXPECT_NEAR(normal.at_quantile(0.5), 1.0 + 2.0 * 0.674490, 1e-5);
  EXPECT_NEAR(normal.density(3.0) / normal.density(1.0), std::exp(-0.5), 1e-12);
}

}  // namespace
}  // namespace pocsim::calibration
