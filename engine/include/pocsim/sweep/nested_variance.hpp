// SPDX-License-Identifier: Apache-2.0
#pragma once
// The two sources of spread in a sweep over a posterior: the model's own
// randomness (runs of one parameter set with different seeds) and the
// parameters (the expected outcome differs between posterior draws). The
// values are taken as the two-level random-effects model
//   y_dr = mu + a_d + e_dr,  a_d ~ (0, sigma_p^2),  e_dr ~ (0, sigma_s^2),
// draw d, replicate r, and the components are the method-of-moments
// (ANOVA) estimates:
//   sigma_s^2 = the pooled within-draw variance,
//               sum_d sum_r (y_dr - ybar_d)^2 / sum_d (n_d - 1);
//   sigma_p^2 = max(0, var(ybar_d) - sigma_s^2 * mean_d(1 / n_d)),
// var(ybar_d) the variance of the draw means (divisor K - 1), which estimates
// sigma_p^2 + sigma_s^2 / n (n_d = n for every draw when no run failed).
#include <cstddef>
#include <span>
#include <vector>

namespace pocsim::sweep {

struct NestedVariance {
  std::size_t draws = 0;           // draws with at least one value
  std::vector<double> draw_means;  // per draw (NaN for a draw with no value)
  double mean = 0.0;               // the mean of the draw means; NaN without a value
  // NaN when undefined: no draw with two values (stochastic), fewer than two
  // draws (parameter).
  double stochastic_variance = 0.0;
  double parameter_variance = 0.0;
};

// `values` holds `replications` values per draw, draw after draw (NaN where
// a run failed, skipped). Throws std::invalid_argument unless the size is a
// multiple of replications >= 1.
NestedVariance nested_variance(std::span<const double> values, std::size_t replications);

// A spread of one kind around the mean: mean -+ z sd, z the standard normal
// quantile of (1 + level) / 2 (1.96 at 95%). NaN bounds for a NaN sd.
struct Spread {
  double sd = 0.0;
  double low = 0.0;
  double high = 0.0;
};
Spread normal_spread(double mean, double variance, double level = 0.95);

}  // namespace pocsim::sweep
