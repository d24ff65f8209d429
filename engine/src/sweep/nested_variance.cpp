// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/nested_variance.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace pocsim::sweep {

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

// The standard normal quantile, by bisection on the CDF: called once per
// table row, where exactness matters more than speed.
double normal_quantile(double p) {
  double low = -40.0, high = 40.0;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (low + high);
    (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? low : high) = mid;
  }
  return 0.5 * (low + high);
}

}  // namespace

NestedVariance nested_variance(std::span<const double> values, std::size_t replications) {
  if (replications == 0 || values.size() % replications != 0)
    throw std::invalid_argument("nested variance: " + std::to_string(values.size()) +
                                " values are not whole draws of " + std::to_string(replications));
  const std::size_t draws = values.size() / replications;
  NestedVariance out;
  out.draw_means.assign(draws, missing);
  double within_squares = 0.0;
  double within_freedom = 0.0;
  double inverse_sizes = 0.0;
  double sum_of_means = 0.0;
  for (std::size_t d = 0; d < draws; ++d) {
    const auto draw = values.subspan(d * replications, replications);
    double sum = 0.0;
    std::size_t n = 0;
    for (double v : draw)
      if (!std::isnan(v)) {
        sum += v;
        ++n;
      }
    if (n == 0) continue;
    const double mean = sum / static_cast<double>(n);
    for (double v : draw)
      if (!std::isnan(v)) within_squares += (v - mean) * (v - mean);
    within_freedom += static_cast<double>(n - 1);
    inverse_sizes += 1.0 / static_cast<double>(n);
    sum_of_means += mean;
    out.draw_means[d] = mean;
    ++out.draws;
  }
  const double k = static_cast<double>(out.draws);
  out.mean = out.draws > 0 ? sum_of_means / k : missing;
  out.stochastic_variance = within_freedom > 0.0 ? within_squares / within_freedom : missing;
  if (out.draws < 2) {
    out.parameter_variance = missing;
    return out;
  }
  double between_squares = 0.0;
  for (double m : out.draw_means)
    if (!std::isnan(m)) between_squares += (m - out.mean) * (m - out.mean);
  const double variance_of_means = between_squares / (k - 1.0);
  // With one run per draw the two components cannot be told apart: all of
  // the spread of the draw means is then counted as the parameters'.
  const double noise_in_means =
      std::isnan(out.stochastic_variance) ? 0.0 : out.stochastic_variance * inverse_sizes / k;
  out.parameter_variance = std::max(0.0, variance_of_means - noise_in_means);
  return out;
}

Spread normal_spread(double mean, double variance, double level) {
  if (std::isnan(variance) || std::isnan(mean)) return {missing, missing, missing};
  const double sd = std::sqrt(variance);
  const double z = normal_quantile((1.0 + level) / 2.0);
  return {sd, mean - z * sd, mean + z * sd};
}

}  // namespace pocsim::sweep
