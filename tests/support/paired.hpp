// SPDX-License-Identifier: Apache-2.0
#pragma once
// Paired comparisons over seeds (common random numbers): the mean of the
// differences b - a in standard errors of that mean. Above 3 is a one-sided
// false alarm below 0.2% when there is no effect. Infinite when every pair
// differs by the same amount, NaN when every pair is equal.
#include <cmath>
#include <cstddef>
#include <vector>

namespace pocsim::test {

inline double paired_z(const std::vector<double>& a, const std::vector<double>& b) {
  const auto n = static_cast<double>(a.size());
  double sum = 0.0, sum2 = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double d = b[i] - a[i];
    sum += d;
    sum2 += d * d;
  }
  const double mean = sum / n;
  const double sd = std::sqrt(std::max(0.0, (sum2 - n * mean * mean) / (n - 1.0)));
  if (sd > 0.0) return mean / (sd / std::sqrt(n));
  return mean == 0.0 ? NAN : std::copysign(INFINITY, mean);
}

}  // namespace pocsim::test
