// SPDX-License-Identifier: Apache-2.0
#include "pocsim/calibration/gaussian_process.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace pocsim::calibration {

namespace {

using Eigen::Index;

// Length scales tried for each dimension, in units of the unit cube: from
// a tenth of a wiggle per 5% of the range to nearly flat.
constexpr std::array<double, 9> scale_grid = {0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2.0, 4.0};
// Keeps the kernel matrix positive definite when points nearly coincide.
constexpr double jitter = 1e-8;

Eigen::MatrixXd kernel_matrix(const Eigen::MatrixXd& x, const Eigen::VectorXd& scales,
                              double nugget) {
  const Index n = x.rows();
  const Eigen::MatrixXd scaled = x * scales.cwiseInverse().asDiagonal();
  Eigen::MatrixXd k(n, n);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j <= i; ++j)
      k(i, j) = k(j, i) = std::exp(-0.5 * (scaled.row(i) - scaled.row(j)).squaredNorm());
  k.diagonal().array() += nugget + jitter;
  return k;
}

}  // namespace

double GaussianProcess::log_marginal_likelihood(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                                const Eigen::VectorXd& scales, double nugget) {
  const Eigen::LLT<Eigen::MatrixXd> llt(kernel_matrix(x, scales, nugget));
  if (llt.info() != Eigen::Success) return -std::numeric_limits<double>::infinity();
  const Eigen::VectorXd alpha = llt.solve(y);
  const double log_det = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
  return -0.5 * y.dot(alpha) - 0.5 * log_det -
         0.5 * static_cast<double>(y.size()) * std::log(2.0 * std::numbers::pi);
}

GaussianProcess GaussianProcess::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                     double noise_variance) {
  GaussianProcess gp;
  gp.x_ = x;
  gp.y_mean_ = y.mean();
  const double sd = y.size() > 1 ? std::sqrt((y.array() - gp.y_mean_).square().sum() /
                                             (static_cast<double>(y.size()) - 1.0))
                                 : 0.0;
  gp.y_scale_ = sd > 0.0 ? sd : 1.0;
  const Eigen::VectorXd standard = (y.array() - gp.y_mean_) / gp.y_scale_;
  const double nugget = std::max(0.0, noise_variance) / (gp.y_scale_ * gp.y_scale_);

  // Coordinate search: each dimension in turn takes the grid value that
  // maximises the likelihood with the others held, twice round.
  Eigen::VectorXd scales = Eigen::VectorXd::Constant(x.cols(), 0.3);
  for (int round = 0; round < 2; ++round)
    for (Index d = 0; d < x.cols(); ++d) {
      double best = -std::numeric_limits<double>::infinity();
      double best_scale = scales(d);
      for (const double s : scale_grid) {
        scales(d) = s;
        const double l = log_marginal_likelihood(x, standard, scales, nugget);
        if (l > best) best = l, best_scale = s;
      }
      scales(d) = best_scale;
    }
  gp.length_scales_ = scales;
  gp.factor_.compute(kernel_matrix(x, scales, nugget));
  gp.alpha_ = gp.factor_.solve(standard);
  return gp;
}

Eigen::VectorXd GaussianProcess::kernel_column(const Eigen::RowVectorXd& point) const {
  const Eigen::RowVectorXd inverse = length_scales_.cwiseInverse().transpose();
  Eigen::VectorXd k(x_.rows());
  for (Index i = 0; i < x_.rows(); ++i)
    k(i) = std::exp(-0.5 * ((x_.row(i) - point).cwiseProduct(inverse)).squaredNorm());
  return k;
}

double GaussianProcess::mean(const Eigen::RowVectorXd& point) const {
  return y_mean_ + y_scale_ * kernel_column(point).dot(alpha_);
}

double GaussianProcess::variance(const Eigen::RowVectorXd& point) const {
  const Eigen::VectorXd v = factor_.matrixL().solve(kernel_column(point));
  return y_scale_ * y_scale_ * std::max(0.0, 1.0 - v.squaredNorm());
}

}  // namespace pocsim::calibration
