// SPDX-License-Identifier: Apache-2.0
#include "support/equivalence.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "pocsim/calibration/statistics.hpp"

namespace pocsim::test {

namespace {

// The (1 - 2 alpha) interval of e.difference from e.se and e.df, and whether
// it lies inside the margin.
Equivalence decided_equivalence(Equivalence e, double alpha) {
  e.t_critical = calibration::student_t_quantile(1.0 - alpha, e.df);
  e.low = e.difference - e.t_critical * e.se;
  e.high = e.difference + e.t_critical * e.se;
  e.equivalent = -e.margin < e.low && e.high < e.margin;
  return e;
}

}  // namespace

Equivalence welch_tost(const std::vector<double>& a, const std::vector<double>& b, double margin,
                       double alpha) {
  if (a.size() < 2 || b.size() < 2) throw std::invalid_argument("welch_tost: fewer than 2 values");
  if (!(margin > 0.0) || !(alpha > 0.0 && alpha < 0.5))
    throw std::invalid_argument("welch_tost: needs margin > 0 and 0 < alpha < 0.5");
  const auto na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  const double va = std::pow(calibration::sample_sd(a), 2) / na;
  const double vb = std::pow(calibration::sample_sd(b), 2) / nb;
  Equivalence e;
  e.margin = margin;
  e.difference = calibration::mean(b) - calibration::mean(a);
  e.se = std::sqrt(va + vb);
  // Welch-Satterthwaite; with both variances 0 the difference is exact.
  e.df = va + vb > 0.0 ? (va + vb) * (va + vb) / (va * va / (na - 1.0) + vb * vb / (nb - 1.0))
                       : na + nb - 2.0;
  return decided_equivalence(e, alpha);
}

Equivalence paired_tost(const std::vector<double>& a, const std::vector<double>& b, double margin,
                        double alpha) {
  if (a.size() < 2 || a.size() != b.size())
    throw std::invalid_argument("paired_tost: needs two pairs or more");
  if (!(margin > 0.0) || !(alpha > 0.0 && alpha < 0.5))
    throw std::invalid_argument("paired_tost: needs margin > 0 and 0 < alpha < 0.5");
  std::vector<double> d(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) d[i] = b[i] - a[i];
  const auto n = static_cast<double>(d.size());
  Equivalence e;
  e.margin = margin;
  e.difference = calibration::mean(d);
  e.se = calibration::sample_sd(d) / std::sqrt(n);
  e.df = n - 1.0;
  return decided_equivalence(e, alpha);
}

std::string describe(const Equivalence& e) {
  std::ostringstream out;
  out << "difference " << e.difference << ", interval [" << e.low << ", " << e.high << "] (se "
      << e.se << ", df " << e.df << ", t " << e.t_critical << "), margin +-" << e.margin
      << (e.equivalent ? ": equivalent" : ": NOT shown equivalent");
  return out.str();
}

}  // namespace pocsim::test
