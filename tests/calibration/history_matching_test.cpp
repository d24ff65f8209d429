// SPDX-License-Identifier: Apache-2.0
// History matching on a toy model with two outcomes, a + b and a - b (plus
// small noise), observed at the values of a known point: the region not
// ruled out keeps the truth and shrinks wave by wave.
#include "pocsim/calibration/history_matching.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

namespace pocsim::calibration {
namespace {

constexpr double true_a = 0.3, true_b = 0.6;
constexpr double noise_sd = 0.01;

Simulate toy_model() {
  auto calls = std::make_shared<std::uint32_t>(0);
  return [calls](const Eigen::MatrixXd& points) {
    const CounterRng rng(77);
    std::vector<PointOutcome> out;
    for (Eigen::Index i = 0; i < points.rows(); ++i) {
      const double a = points(i, 0), b = points(i, 1);
      const double e1 = noise_sd * standard_normal(rng, Purpose::benchmark,
                                                   static_cast<std::uint32_t>(i), *calls, 0);
      const double e2 = noise_sd * standard_normal(rng, Purpose::benchmark,
                                                   static_cast<std::uint32_t>(i), *calls, 1);
      out.push_back({{a + b + e1, a - b + e2}, {noise_sd * noise_sd, noise_sd * noise_sd}});
    }
    ++*calls;
    return out;
  };
}

TEST(HistoryMatching, KeepsTheTruthAndShrinksWaveByWave) {
  Prior a, b;
  a.min = b.min = 0.0;
  a.max = b.max = 1.0;
  HistoryMatchingSettings settings;
  settings.waves = 4;
  settings.points_per_wave = 40;
  settings.cutoff = 3.0;
  settings.seed = 11;
  // Observation sd 0.02: the non-implausible set is the band within about
  // 3 sqrt(0.02^2 + 0.01^2) = 0.067 of both lines through the truth, a
  // diamond of side about 0.1, some 1% of the unit square.
  const std::vector<Observation> observations{{true_a + true_b, 0.02}, {true_a - true_b, 0.02}};
  const Posterior p = history_matching({a, b}, observations, settings, toy_model());
  ASSERT_EQ(p.waves.size(), 4u);
  // The share of the box left non-implausible falls from all of it to
  // under half after one wave, and goes on falling or stays level: each
  // share is estimated from 40 accepted candidates, a relative Monte Carlo
  // error of about 1/sqrt(40) = 16%, so a later wave may show up to 30%
  // (two errors) more than the one before once the emulators are good.
  EXPECT_LT(p.waves[1].non_implausible_share, 0.5);
  for (std::size_t w = 2; w < p.waves.size(); ++w)
    EXPECT_LT(p.waves[w].non_implausible_share, 1.3 * p.waves[w - 1].non_implausible_share)
        << "wave " << w;
  EXPECT_LT(p.waves.back().non_implausible_share, 0.05);
  // Later waves spend their runs where the truth is: most are accepted.
  EXPECT_GT(p.waves.back().accepted, p.waves.back().proposed / 2);
  EXPECT_LT(p.waves[0].accepted, p.waves[0].proposed / 5);
  ASSERT_GT(p.points.rows(), 20);
  Eigen::RowVectorXd low = p.points.colwise().minCoeff(), high = p.points.colwise().maxCoeff();
  EXPECT_LE(low(0), true_a);
  EXPECT_GE(high(0), true_a);
  EXPECT_LE(low(1), true_b);
  EXPECT_GE(high(1), true_b);
  EXPECT_LT(high(0) - low(0), 0.25);
  EXPECT_LT(high(1) - low(1), 0.25);
  for (double w : p.weights) EXPECT_DOUBLE_EQ(w, 1.0 / static_cast<double>(p.weights.size()));
}

TEST(HistoryMatching, ImplausibilityCountsEverySourceOfVariance) {
  // |10 - 4| / sqrt(1 + 3 + 5) = 2
  EXPECT_DOUBLE_EQ(implausibility(10.0, 3.0, {4.0, 1.0}, 5.0), 2.0);
  EXPECT_TRUE(std::isinf(implausibility(NAN, 0.0, {4.0, 1.0})));
  const Observation o = observation_from_band(10.0, 30.0);
  EXPECT_DOUBLE_EQ(o.z, 20.0);
  EXPECT_DOUBLE_EQ(o.sd, 5.0);
  // RMS over targets: sqrt((1^2 + 3^2) / 2)
  EXPECT_DOUBLE_EQ(abc_distance({{21.0, 13.0}, {0, 0}}, {{20.0, 1.0}, {10.0, 1.0}}),
                   std::sqrt(5.0));
}

}  // namespace
}  // namespace pocsim::calibration
