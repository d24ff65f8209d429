// SPDX-License-Identifier: Apache-2.0
#include "pocsim/core/rng.hpp"

#include <cmath>

namespace pocsim {

CounterRng::CounterRng(std::uint64_t seed) noexcept : seed_(seed) {}

namespace {
// Acklam's rational approximation of the standard normal quantile (relative
// error below 1.2e-9), used where inversion of a discrete law would underflow.
double normal_quantile(double u) noexcept {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  const double low = 0.02425;
  if (u <= 0.0) return -8.0;
  if (u >= 1.0) return 8.0;
  if (u < low) {
    const double q = std::sqrt(-2.0 * std::log(u));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  if (u > 1.0 - low) return -normal_quantile(1.0 - u);
  const double q = u - 0.5;
  const double r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

std::uint32_t rounded_normal(double mean, double sd, double u, double upper) noexcept {
  const double x = std::floor(mean + sd * normal_quantile(u) + 0.5);
  if (x <= 0.0) return 0;
  return static_cast<std::uint32_t>(x < upper ? x : upper);
}

// Above these means the discrete inversions would underflow or walk long.
constexpr double normal_threshold = 100.0;
}  // namespace

std::uint32_t poisson_from_uniform(double mean, double u) noexcept {
  if (!(mean > 0.0)) return 0;
  if (mean > normal_threshold) return rounded_normal(mean, std::sqrt(mean), u, 4.0e9);
  double p = std::exp(-mean);
  double cdf = p;
  std::uint32_t k = 0;
  const auto limit = static_cast<std::uint32_t>(mean * 10.0 + 100.0);
  while (u > cdf && k < limit) {
    ++k;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

namespace {

// Whether the draw is by inversion from q^trials (else by the normal
// approximation, or from the other tail).
bool binomial_by_inversion(std::uint32_t trials, double p) noexcept {
  const double q = 1.0 - p;
  const double mean = static_cast<double>(trials) * p;
  return !(mean > normal_threshold && static_cast<double>(trials) * q > normal_threshold) &&
         !(p > 0.5);
}

// The inversion walk from P(0) = q^trials = `none`.
std::uint32_t binomial_inverted(std::uint32_t trials, double p, double u, double none) noexcept {
  const double q = 1.0 - p;
  double pmf = none;
  double cdf = pmf;
  std::uint32_t k = 0;
  const double ratio = p / q;
  while (u > cdf && k < trials) {
    pmf *= ratio * static_cast<double>(trials - k) / static_cast<double>(k + 1);
    ++k;
    cdf += pmf;
  }
  return k;
}

}  // namespace

std::uint32_t binomial_from_uniform(std::uint32_t trials, double p, double u) noexcept {
  if (trials == 0 || !(p > 0.0)) return 0;
  if (p >= 1.0) return trials;
  const double q = 1.0 - p;
  const double mean = static_cast<double>(trials) * p;
  if (mean > normal_threshold && static_cast<double>(trials) * q > normal_threshold) {
    return rounded_normal(mean, std::sqrt(mean * q), u, static_cast<double>(trials));
  }
  if (p > 0.5) return trials - binomial_from_uniform(trials, q, 1.0 - u);
  return binomial_inverted(trials, p, u, std::pow(q, static_cast<double>(trials)));
}

std::uint32_t BinomialDraws::operator()(std::uint32_t trials, double u) noexcept {
  if (trials == 0 || !(p_ > 0.0) || p_ >= 1.0 || !binomial_by_inversion(trials, p_))
    return binomial_from_uniform(trials, p_, u);
  if (trials != last_trials_) {
    last_trials_ = trials;
    none_ = std::pow(1.0 - p_, static_cast<double>(trials));
  }
  return binomial_inverted(trials, p_, u, none_);
}

std::uint32_t geometric_from_uniform(double mean, double u) noexcept {
  if (!(mean > 1.0)) return 1;
  const double stop = 1.0 / mean;  // chance that a period is the last one
  const double periods = std::ceil(std::log1p(-u) / std::log1p(-stop));
  return periods < 1.0 ? 1u : static_cast<std::uint32_t>(periods);
}

}  // namespace pocsim
