// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/outcome_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
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

OutcomeSummary summarise_non_negative(std::span<const double> values, double level) {
  OutcomeSummary s = summarise_outcome(values, level);
  if (s.n < 2 || !(s.mean > 0.0)) return s;  // all zero: the interval is [0, 0] already
  const double t =
      calibration::student_t_quantile((1.0 + level) / 2.0, static_cast<double>(s.n - 1));
  const double log_half_width = t * s.sd / (std::sqrt(static_cast<double>(s.n)) * s.mean);
  s.ci_low = s.mean * std::exp(-log_half_width);
  s.ci_high = s.mean * std::exp(log_half_width);
  return s;
}

OutcomeSummary summarise_share(std::span<const double> values, double level) {
  OutcomeSummary s = summarise_outcome(values, level);
  if (s.n < 2 || !(s.mean > 0.0 && s.mean < 1.0)) return s;  // all 0 or all 1: [m, m] already
  const double t =
      calibration::student_t_quantile((1.0 + level) / 2.0, static_cast<double>(s.n - 1));
  const double logit = std::log(s.mean / (1.0 - s.mean));
  const double half_width =
      t * s.sd / (std::sqrt(static_cast<double>(s.n)) * s.mean * (1.0 - s.mean));
  s.ci_low = 1.0 / (1.0 + std::exp(-(logit - half_width)));
  s.ci_high = 1.0 / (1.0 + std::exp(-(logit + half_width)));
  return s;
}

OutcomeSummary summarise_in_range(std::span<const double> values, OutcomeRange range,
                                  double level) {
  switch (range) {
    case OutcomeRange::non_negative:
      return summarise_non_negative(values, level);
    case OutcomeRange::share:
      return summarise_share(values, level);
    case OutcomeRange::any:
      break;
  }
  return summarise_outcome(values, level);
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
  return mean_difference(differences, level);
}

PairedDifference mean_difference(std::span<const double> differences, double level) {
  const calibration::MeanEstimate e =
      calibration::estimate_mean(without_missing(differences), level);
  double p = std::numeric_limits<double>::quiet_NaN();
  if (e.n >= 2 && e.sd > 0.0) {
    const double t = e.mean / (e.sd / std::sqrt(static_cast<double>(e.n)));
    p = 2.0 * calibration::student_t_cdf(-std::fabs(t), static_cast<double>(e.n - 1));
  } else if (e.n >= 2 && e.mean != 0.0) {
    p = 0.0;
  }
  return {e.n, e.mean, e.sd, e.low, e.high, p};
}

std::vector<double> benjamini_hochberg(std::span<const double> p_values) {
  std::vector<std::size_t> tests;
  for (std::size_t i = 0; i < p_values.size(); ++i)
    if (!std::isnan(p_values[i])) tests.push_back(i);
  std::stable_sort(tests.begin(), tests.end(),
                   [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
  std::vector<double> adjusted(p_values.size(), std::numeric_limits<double>::quiet_NaN());
  const double m = static_cast<double>(tests.size());
  double running_min = 1.0;
  for (std::size_t rank = tests.size(); rank-- > 0;) {
    const std::size_t i = tests[rank];
    running_min = std::min(running_min, p_values[i] * m / static_cast<double>(rank + 1));
    adjusted[i] = running_min;
  }
  return adjusted;
}

}  // namespace pocsim::sweep
