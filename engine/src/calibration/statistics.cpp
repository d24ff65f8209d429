// SPDX-License-Identifier: Apache-2.0
#include "pocsim/calibration/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace pocsim::calibration {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Continued fraction of the regularized incomplete beta function, evaluated
// by the modified Lentz method (Numerical Recipes, 2nd ed., 6.4). It
// converges fast for x < (a + 1) / (a + b + 2); the caller uses the symmetry
// I_x(a, b) = 1 - I_{1-x}(b, a) to stay in that region.
double beta_continued_fraction(double a, double b, double x) {
  constexpr int max_iterations = 100000;  // about sqrt(max(a, b)) are needed
  constexpr double epsilon = 1e-15;
  constexpr double tiny = 1e-300;
  auto guard = [](double v) { return std::fabs(v) < tiny ? tiny : v; };
  double c = 1.0;
  double d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
  double h = d;
  for (int m = 1; m <= max_iterations; ++m) {
    const double dm = m;
    const double even = dm * (b - dm) * x / ((a - 1.0 + 2.0 * dm) * (a + 2.0 * dm));
    d = 1.0 / guard(1.0 + even * d);
    c = guard(1.0 + even / c);
    h *= d * c;
    const double odd = -(a + dm) * (a + b + dm) * x / ((a + 2.0 * dm) * (a + 1.0 + 2.0 * dm));
    d = 1.0 / guard(1.0 + odd * d);
    c = guard(1.0 + odd / c);
    const double step = d * c;
    h *= step;
    if (std::fabs(step - 1.0) < epsilon) break;
  }
  return h;
}

// I_x(a, b), the regularized incomplete beta function.
double incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double log_front =
      std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  const double front = std::exp(log_front);
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  return 1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b;
}

}  // namespace

double mean(std::span<const double> values) {
  if (values.empty()) return nan;
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double sample_sd(std::span<const double> values) {
  if (values.size() < 2) return nan;
  // Two passes: the squares of deviations from the mean, not the difference
  // of large sums, which loses the digits of a small spread on a large mean
  // (displaced people: 375,000 +- a few hundred).
  const double m = mean(values);
  double squares = 0.0;
  for (double v : values) squares += (v - m) * (v - m);
  return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

double quantile(std::span<const double> values, double p) {
  if (values.empty() || !(p >= 0.0 && p <= 1.0)) return nan;
  std::vector<double> sorted(values.begin(), values.end());
  for (double v : sorted)
    if (std::isnan(v)) return nan;  // a NaN would break the ordering sort needs
  std::sort(sorted.begin(), sorted.end());
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  const double fraction = h - static_cast<double>(below);
  // On an order statistic no interpolation: an infinite neighbour would make it NaN.
  if (fraction == 0.0 || below + 1 >= sorted.size()) return sorted[below];
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

double student_t_cdf(double t, double df) {
  if (!(df > 0.0) || std::isnan(t)) return nan;
  if (std::isinf(t)) return t > 0 ? 1.0 : 0.0;
  // P(|T| > |t|) = I_{df / (df + t^2)}(df / 2, 1 / 2).
  const double tail = 0.5 * incomplete_beta(0.5 * df, 0.5, df / (df + t * t));
  return t > 0 ? 1.0 - tail : tail;
}

double student_t_quantile(double p, double df) {
  if (!(p > 0.0 && p < 1.0) || !(df > 0.0)) return nan;
  if (p == 0.5) return 0.0;
  if (p < 0.5) return -student_t_quantile(1.0 - p, df);
  // The cdf is increasing, so bisection on a bracket that doubles until it
  // holds p cannot fail; it needs no starting guess, which matters for few
  // degrees of freedom where the tails are heavy (t_{0.9999, 1} = 3183).
  double low = 0.0;
  double high = 1.0;
  while (student_t_cdf(high, df) < p) {
    low = high;
    high *= 2.0;
  }
  for (int i = 0; i < 200 && high - low > 1e-14 * high; ++i) {
    const double mid = 0.5 * (low + high);
    (student_t_cdf(mid, df) < p ? low : high) = mid;
  }
  return 0.5 * (low + high);
}

MeanEstimate estimate_mean(std::span<const double> values, double level) {
  if (!(level > 0.0 && level < 1.0))
    throw std::invalid_argument("confidence level must lie strictly between 0 and 1");
  MeanEstimate e;
  e.n = values.size();
  e.mean = mean(values);
  e.sd = sample_sd(values);
  if (e.n < 2) {
    e.half_width = e.low = e.high = nan;
    return e;
  }
  const double n = static_cast<double>(e.n);
  e.half_width = student_t_quantile(0.5 + 0.5 * level, n - 1.0) * e.sd / std::sqrt(n);
  e.low = e.mean - e.half_width;
  e.high = e.mean + e.half_width;
  return e;
}

}  // namespace pocsim::calibration
