// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/outcome_statistics.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "pocsim/calibration/statistics.hpp"

namespace pocsim::sweep {

namespace {

std::vector<double> without_missing(std::span<const double> values) {
  std::vector<double> kept;
  kept.reserve(values.size());
  for (double v : values)
    if (!std::isnan(v)) kept.push_back(v);
  return kept;
}

}  // namespace

OutcomeSummary summarise_outcome(std::span<const double> values, double level) {
  const std::vector<double> kept = without_missing(values);
  const calibration::MeanEstimate e = calibration::estimate_mean(kept, level);
  OutcomeSummary s;
  s.n = e.n;
  s.mean = e.mean;
  s.sd = e.sd;
  s.ci_low = e.low;
  s.ci_high = e.high;
  s.p5 = calibration::quantile(kept, 0.05);
  s.p50 = calibration::quantile(kept, 0.50);
  s.p95 = calibration::quantile(kept, 0.95);
  return s;
}

PairedDifference paired_difference(std::span<const double> variant,
                                   std::span<const double> reference, double level) {
  if (variant.size() != reference.size())
    throw std::invalid_argument("paired difference: the variant has " +
                                std::to_string(variant.size()) + " replicates, the reference " +
                                std::to_string(reference.size()));
  std::vector<double> differences;
  differences.reserve(variant.size());
  for (std::size_t r = 0; r < variant.size(); ++r)
    if (!std::isnan(variant[r]) && !std::isnan(reference[r]))
      differences.push_back(variant[r] - reference[r]);
  const calibration::MeanEstimate e = calibration::estimate_mean(differences, level);
  return {e.n, e.mean, e.sd, e.low, e.high};
}

}  // namespace pocsim::sweep
