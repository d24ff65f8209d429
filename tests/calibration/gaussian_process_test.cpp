// SPDX-License-Identifier: Apache-2.0
// The emulator interpolates what it was fitted to, is sure there and unsure
// away from the data, and picks a long length scale for an input that does
// not matter.
#include "pocsim/calibration/gaussian_process.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace pocsim::calibration {
namespace {

TEST(GaussianProcess, InterpolatesTrainingPointsWithSmallVarianceThere) {
  Eigen::MatrixXd x(8, 1);
  Eigen::VectorXd y(8);
  for (int i = 0; i < 8; ++i) {
    x(i, 0) = i / 7.0 * 0.6;  // data on [0, 0.6] only
    y(i) = std::sin(6.0 * x(i, 0));
  }
  const GaussianProcess gp = GaussianProcess::fit(x, y, 0.0);
  double y_variance = (y.array() - y.mean()).square().sum() / 7.0;
  for (int i = 0; i < 8; ++i) {
    EXPECT_NEAR(gp.mean(x.row(i)), y(i), 1e-3);
    EXPECT_LT(gp.variance(x.row(i)), 1e-4 * y_variance);
  }
  // Between training points: close to the function, a little unsure.
  Eigen::RowVectorXd between(1);
  between << 0.3 + 0.6 / 14.0;
  EXPECT_NEAR(gp.mean(between), std::sin(6.0 * between(0)), 0.05);
  // Far from the data the variance grows towards the outputs' variance.
  Eigen::RowVectorXd near_edge(1), far(1);
  near_edge << 0.7;
  far << 3.0;  // several length scales away: the prior's variance
  EXPECT_GT(gp.variance(near_edge), gp.variance(between));
  EXPECT_GT(gp.variance(far), gp.variance(near_edge));
  EXPECT_GT(gp.variance(far), 0.5 * y_variance);
  EXPECT_LT(gp.variance(far), 4.0 * y_variance);
}

TEST(GaussianProcess, NoiseKeepsItFromChasingTheData) {
  // A flat function seen with alternating noise +-0.1 and told so: the
  // emulator smooths (its mean stays near 0) instead of passing through.
  Eigen::MatrixXd x(20, 1);
  Eigen::VectorXd y(20);
  for (int i = 0; i < 20; ++i) {
    x(i, 0) = i / 19.0;
    y(i) = i % 2 ? 0.1 : -0.1;
  }
  const GaussianProcess gp = GaussianProcess::fit(x, y, 0.01);
  for (int i = 0; i < 20; ++i) EXPECT_LT(std::fabs(gp.mean(x.row(i))), 0.06);
}

TEST(GaussianProcess, LongLengthScaleForAnIrrelevantInput) {
  Eigen::MatrixXd x(30, 2);
  Eigen::VectorXd y(30);
  for (int i = 0; i < 30; ++i) {
    x(i, 0) = std::fmod(i * 0.618034, 1.0);
    x(i, 1) = std::fmod(i * 0.414214, 1.0);
    y(i) = std::sin(5.0 * x(i, 0));  // does not depend on x1
  }
  const GaussianProcess gp = GaussianProcess::fit(x, y, 0.0);
  EXPECT_GT(gp.length_scales()(1), 2.0 * gp.length_scales()(0));
}

}  // namespace
}  // namespace pocsim::calibration
