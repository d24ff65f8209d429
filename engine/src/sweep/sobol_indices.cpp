// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/sobol_indices.hpp"

#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

#include "pocsim/calibration/statistics.hpp"
#include "pocsim/core/rng.hpp"
#include "pocsim/sweep/sampling.hpp"

namespace pocsim::sweep {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// The complete base rows, copied column by column so the bootstrap's inner
// loops run over contiguous vectors.
struct Rows {
  std::vector<double> f_a;
  std::vector<double> f_b;
  std::vector<std::vector<double>> f_ab;  // [i][row]
};

Rows complete_rows(const SaltelliOutputs& outputs) {
  const Eigen::Index n = outputs.f_a.size();
  const Eigen::Index d = outputs.f_ab.cols();
  Rows rows;
  rows.f_ab.resize(static_cast<std::size_t>(d));
  for (Eigen::Index j = 0; j < n; ++j) {
    bool complete = !std::isnan(outputs.f_a(j)) && !std::isnan(outputs.f_b(j));
    for (Eigen::Index i = 0; i < d && complete; ++i) complete = !std::isnan(outputs.f_ab(j, i));
    if (!complete) continue;
    rows.f_a.push_back(outputs.f_a(j));
    rows.f_b.push_back(outputs.f_b(j));
    for (Eigen::Index i = 0; i < d; ++i)
      rows.f_ab[static_cast<std::size_t>(i)].push_back(outputs.f_ab(j, i));
  }
  return rows;
}

struct Estimate {
  double variance = nan;
  std::vector<double> first_order;
  std::vector<double> total_order;
};

// Both indices over the rows pick[0..N-1] (repeats allowed: a bootstrap
// resample).
Estimate estimate(const Rows& rows, const std::vector<std::uint32_t>& pick) {
  const std::size_t d = rows.f_ab.size();
  const std::size_t count = pick.size();
  auto row = [&](std::size_t t) -> std::size_t { return pick[t]; };
  Estimate e;
  e.first_order.assign(d, nan);
  e.total_order.assign(d, nan);
  if (count < 2) return e;
  const double n = static_cast<double>(count);
  double sum = 0.0;
  for (std::size_t t = 0; t < count; ++t) sum += rows.f_a[row(t)] + rows.f_b[row(t)];
  const double centre = sum / (2.0 * n);
  double squares = 0.0;
  for (std::size_t t = 0; t < count; ++t) {
    const double a = rows.f_a[row(t)] - centre;
    const double b = rows.f_b[row(t)] - centre;
    squares += a * a + b * b;
  }
  e.variance = squares / (2.0 * n);
  if (!(e.variance > 0.0)) return e;
  for (std::size_t i = 0; i < d; ++i) {
    const std::vector<double>& f_ab = rows.f_ab[i];
    double first = 0.0;
    double total = 0.0;
    for (std::size_t t = 0; t < count; ++t) {
      const std::size_t j = row(t);
      const double step = f_ab[j] - rows.f_a[j];  // centring cancels here
      first += (rows.f_b[j] - centre) * step;     // Saltelli et al. (2010)
      total += step * step;                       // Jansen (1999)
    }
    e.first_order[i] = first / n / e.variance;
    e.total_order[i] = total / (2.0 * n) / e.variance;
  }
  return e;
}

}  // namespace

SaltelliOutputs split_saltelli_outputs(std::span<const double> values, std::size_t d) {
  const std::size_t per_row = d + 2;
  if (values.size() % per_row != 0)
    throw std::invalid_argument("saltelli outputs: " + std::to_string(values.size()) +
                                " values are not a whole number of base rows of " +
                                std::to_string(per_row));
  const std::size_t n = values.size() / per_row;
  SaltelliOutputs out;
  out.f_a.resize(static_cast<Eigen::Index>(n));
  out.f_b.resize(static_cast<Eigen::Index>(n));
  out.f_ab.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
  for (std::size_t s = 0; s < values.size(); ++s) {
    const SaltelliSample where = saltelli_sample(s, d);
    const auto j = static_cast<Eigen::Index>(where.row);
    switch (where.matrix) {
      case SaltelliMatrix::a:
        out.f_a(j) = values[s];
        break;
      case SaltelliMatrix::b:
        out.f_b(j) = values[s];
        break;
      case SaltelliMatrix::ab:
        out.f_ab(j, static_cast<Eigen::Index>(where.column)) = values[s];
        break;
    }
  }
  return out;
}

SobolIndices sobol_indices(const SaltelliOutputs& outputs, const BootstrapOptions& bootstrap) {
  if (outputs.f_b.size() != outputs.f_a.size() || outputs.f_ab.rows() != outputs.f_a.size())
    throw std::invalid_argument("sobol indices: f_a, f_b and f_ab need the same number of rows");
  if (!(bootstrap.level > 0.0 && bootstrap.level < 1.0))
    throw std::invalid_argument(
        "sobol indices: confidence level must lie strictly between 0 and 1");
  if (bootstrap.resamples > CounterRng::max_counter ||
      static_cast<std::size_t>(outputs.f_a.size()) > CounterRng::max_counter)
    throw std::invalid_argument("sobol indices: at most 4294967295 rows and resamples");

  const Rows rows = complete_rows(outputs);
  const std::size_t n = rows.f_a.size();
  const std::size_t d = rows.f_ab.size();
  std::vector<std::uint32_t> all(n);
  std::iota(all.begin(), all.end(), std::uint32_t{0});
  const Estimate point = estimate(rows, all);

  SobolIndices result;
  result.n = n;
  result.variance = point.variance;
  result.parameters.resize(d);
  for (std::size_t i = 0; i < d; ++i) {
    result.parameters[i].first_order = point.first_order[i];
    result.parameters[i].total_order = point.total_order[i];
  }

  // Bootstrap: resample r draws its N row numbers four at a time from one
  // Philox block (agent r, step t / 4), each by the multiply-shift
  // (32 bits * N) >> 32, whose bias (at most N / 2^32) is negligible.
  std::vector<std::vector<double>> first(d), total(d);
  if (n >= 2) {
    const CounterRng rng(bootstrap.seed);
    std::vector<std::uint32_t> pick(n);
    for (std::size_t r = 0; r < bootstrap.resamples; ++r) {
      for (std::size_t t = 0; t < n; t += 4) {
        const auto bits = rng.bits(Purpose::sobol_bootstrap, static_cast<std::uint32_t>(r),
                                   static_cast<std::uint32_t>(t / 4));
        for (std::size_t k = 0; k < 4 && t + k < n; ++k)
          pick[t + k] = static_cast<std::uint32_t>((static_cast<std::uint64_t>(bits[k]) * n) >> 32);
      }
      const Estimate e = estimate(rows, pick);
      for (std::size_t i = 0; i < d; ++i) {
        first[i].push_back(e.first_order[i]);
        total[i].push_back(e.total_order[i]);
      }
    }
  }
  const double low = 0.5 * (1.0 - bootstrap.level);
  const double high = 0.5 * (1.0 + bootstrap.level);
  for (std::size_t i = 0; i < d; ++i) {
    SobolIndex& p = result.parameters[i];
    // calibration::quantile is NaN for no resamples or a NaN among them.
    p.first_order_low = calibration::quantile(first[i], low);
    p.first_order_high = calibration::quantile(first[i], high);
    p.total_order_low = calibration::quantile(total[i], low);
    p.total_order_high = calibration::quantile(total[i], high);
  }
  return result;
}

}  // namespace pocsim::sweep
