// SPDX-License-Identifier: Apache-2.0
#include "pocsim/calibration/prior.hpp"

#include <cmath>
#include <numbers>

namespace pocsim::calibration {

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) return p <= 0.0 ? -INFINITY : INFINITY;
  // Bisection on the CDF: 200 halvings of [-40, 40] reach the resolution of
  // a double, with no tabled approximation to get wrong.
  double lo = -40.0, hi = 40.0;
  for (int i = 0; i < 200 && hi - lo > 1e-15 * std::max(1.0, std::fabs(lo)); ++i) {
    const double mid = 0.5 * (lo + hi);
    (normal_cdf(mid) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

double standard_normal(const CounterRng& rng, Purpose purpose, std::uint32_t index,
                       std::uint32_t step, std::uint32_t k) {
  const auto [u1, u2] = rng.uniform2(purpose, index, step, k);
  return std::sqrt(-2.0 * std::log1p(-u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double Prior::box_lower() const {
  return shape == PriorShape::normal ? std::max(lower(), mean - 4.0 * sd) : lower();
}

double Prior::box_upper() const {
  return shape == PriorShape::normal ? std::min(upper(), mean + 4.0 * sd) : upper();
}

double Prior::density(double latent) const {
  if (!(latent >= lower() && latent <= upper())) return 0.0;
  if (shape == PriorShape::uniform) return 1.0;
  const double z = (latent - mean) / sd;
  return std::exp(-0.5 * z * z);
}

double Prior::model_value(double latent) const {
  return integer ? std::clamp(std::round(latent), min, max) : latent;
}

double Prior::at_quantile(double u) const {
  if (shape == PriorShape::uniform) return lower() + u * (upper() - lower());
  const double a = normal_cdf((lower() - mean) / sd), b = normal_cdf((upper() - mean) / sd);
  return std::clamp(mean + sd * normal_quantile(a + u * (b - a)), lower(), upper());
}

}  // namespace pocsim::calibration
