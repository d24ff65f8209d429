// SPDX-License-Identifier: Apache-2.0
#include "pocsim/calibration/observations.hpp"

#include <cmath>
#include <limits>

namespace pocsim::calibration {

Observation observation_from_band(double low, double high) {
  return {0.5 * (low + high), 0.25 * (high - low)};
}

double abc_distance(const PointOutcome& outcome, const std::vector<Observation>& observations) {
  double sum = 0.0;
  for (std::size_t k = 0; k < observations.size(); ++k) {
    const double r = (outcome.means[k] - observations[k].z) / observations[k].sd;
    if (std::isnan(r)) return std::numeric_limits<double>::infinity();
    sum += r * r;
  }
  return observations.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(observations.size()));
}

double implausibility(double mean, double mean_variance, const Observation& observation,
                      double extra_variance) {
  if (std::isnan(mean)) return std::numeric_limits<double>::infinity();
  const double variance = observation.sd * observation.sd +
                          (std::isnan(mean_variance) ? 0.0 : mean_variance) + extra_variance;
  return std::fabs(mean - observation.z) / std::sqrt(variance);
}

double max_implausibility(const PointOutcome& outcome,
                          const std::vector<Observation>& observations) {
  double worst = 0.0;
  for (std::size_t k = 0; k < observations.size(); ++k)
    worst = std::max(worst,
                     implausibility(outcome.means[k], outcome.mean_variances[k], observations[k]));
  return worst;
}

}  // namespace pocsim::calibration
