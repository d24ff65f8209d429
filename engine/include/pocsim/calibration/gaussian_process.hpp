// SPDX-License-Identifier: Apache-2.0
#pragma once
// Gaussian-process regression (Rasmussen & Williams 2006, ch. 2) as the
// emulator of history matching: a zero-mean process on the standardised
// outputs with the squared-exponential kernel
//   k(x, x') = exp(-1/2 Σ_d ((x_d - x'_d) / l_d)^2),
// one length scale per input dimension, plus a nugget for the outputs' own
// noise (the variance of a replication mean). The length scales maximise the
// log marginal likelihood by coordinate search over a fixed grid, which is
// deterministic and cheap for the few dimensions and hundreds of points a
// calibration has. Inputs are expected on the unit cube.
#include <Eigen/Cholesky>
#include <Eigen/Core>

namespace pocsim::calibration {

class GaussianProcess {
 public:
  // Fits the process to outputs y (one per row of x) whose noise variance,
  // in the units of y, is `noise_variance`.
  static GaussianProcess fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                             double noise_variance);

  // The posterior mean and variance of the noise-free function at a point;
  // the variance is near 0 at a training point with little noise and grows
  // to the outputs' variance far from the data.
  double mean(const Eigen::RowVectorXd& point) const;
  double variance(const Eigen::RowVectorXd& point) const;

  const Eigen::VectorXd& length_scales() const { return length_scales_; }

  // The log marginal likelihood of the standardised outputs under length
  // scales `scales` and nugget `nugget` (in standardised units).
  static double log_marginal_likelihood(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                        const Eigen::VectorXd& scales, double nugget);

 private:
  Eigen::VectorXd kernel_column(const Eigen::RowVectorXd& point) const;

  Eigen::MatrixXd x_;
  Eigen::VectorXd length_scales_;
  Eigen::LLT<Eigen::MatrixXd> factor_;
  Eigen::VectorXd alpha_;  // K^-1 y (standardised)
  double y_mean_ = 0.0;
  double y_scale_ = 1.0;
};

}  // namespace pocsim::calibration
