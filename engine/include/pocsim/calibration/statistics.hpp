// SPDX-License-Identifier: Apache-2.0
#pragma once
// The statistics `pocsim check` reports over replications: sample mean and
// standard deviation, Student's t distribution and the t confidence interval
// of a mean. Kept apart from the targets so that they can be tested on
// synthetic samples with known answers.
#include <cstddef>
#include <span>

namespace pocsim::calibration {

double mean(std::span<const double> values);  // NaN for an empty sample

// Sample standard deviation (divisor n - 1); NaN for fewer than two values.
double sample_sd(std::span<const double> values);

// The p-quantile (0 <= p <= 1) by linear interpolation between order
// statistics, Hyndman & Fan (1996) type 7 (the default of R and numpy): with
// the values sorted x_0 <= ... <= x_{n-1} and h = (n - 1) p, it is
// x_floor(h) + (h - floor(h)) (x_floor(h)+1 - x_floor(h)). The values need not
// be sorted. NaN for an empty sample or one holding a NaN.
double quantile(std::span<const double> values, double p);

// P(T <= t) for Student's t with `df` > 0 degrees of freedom.
double student_t_cdf(double t, double df);

// The t with P(T <= t) = p, for 0 < p < 1 and df > 0: t_{0.975, 19} = 2.093.
double student_t_quantile(double p, double df);

struct MeanEstimate {
  std::size_t n = 0;
  double mean = 0.0;
  double sd = 0.0;
  double half_width = 0.0;  // t_{(1+level)/2, n-1} * sd / sqrt(n)
  double low = 0.0;
  double high = 0.0;
};

// The mean of a sample with its two-sided confidence interval at `level`,
// assuming the values are independent draws (one per replication). Needs at
// least two values; with fewer the interval is NaN.
MeanEstimate estimate_mean(std::span<const double> values, double level = 0.95);

}  // namespace pocsim::calibration
