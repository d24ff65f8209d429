#pragma once
// Paired comparisons over seeds (common random numbers): the mean of the
// differences b - a in standard errors of that mean.
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
  return sd > 0.0 ? mean / (sd / std::sqrt(n))
                  : (mean > 0.0   ? INFINITY
                     : mean < 0.0 ? -INFINITY
                                  : 0.0);
}

}  // namespace pocsim::test
