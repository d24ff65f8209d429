// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/sampling.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "pocsim/core/rng.hpp"

namespace pocsim::sweep {

namespace {

void check_size(std::size_t n, std::size_t d, const char* what) {
  if (n > CounterRng::max_counter || d > CounterRng::max_counter)
    throw std::invalid_argument(std::string(what) + ": at most 4294967295 points and dimensions");
}

std::uint32_t counter(std::size_t i) { return static_cast<std::uint32_t>(i); }
Eigen::Index at(std::size_t i) { return static_cast<Eigen::Index>(i); }

// (k + u) / n for stratum k and u in [0, 1), nudged into [k/n, (k+1)/n) where
// the division rounds across a stratum's edge (u close to 1 can round
// k + u up to k + 1), so that floor(n * x) == k holds exactly.
double within_stratum(std::size_t k, double u, std::size_t n) {
  const double dn = static_cast<double>(n);
  const double dk = static_cast<double>(k);
  double x = (dk + u) / dn;
  while (x > 0.0 && std::floor(x * dn) > dk) x = std::nextafter(x, 0.0);
  while (std::floor(x * dn) < dk) x = std::nextafter(x, 1.0);
  return x;
}

}  // namespace

Eigen::MatrixXd latin_hypercube(std::size_t n, std::size_t d, std::uint64_t seed) {
  check_size(n, d, "latin hypercube");
  const CounterRng rng(seed);
  Eigen::MatrixXd x(at(n), at(d));
  std::vector<std::size_t> strata(n);
  for (std::size_t j = 0; j < d; ++j) {
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    // Fisher-Yates; the draws are keyed by (dimension, position), so a
    // column stays the same when parameters are added after it.
    for (std::size_t i = n; i-- > 1;) {
      const double u = rng.uniform(Purpose::latin_hypercube, counter(j), counter(i), 0);
      const auto pick = std::min(i, static_cast<std::size_t>(u * static_cast<double>(i + 1)));
      std::swap(strata[i], strata[pick]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      const double u = rng.uniform(Purpose::latin_hypercube, counter(j), counter(i), 1);
      x(at(i), at(j)) = within_stratum(strata[i], u, n);
    }
  }
  return x;
}

SaltelliDesign saltelli_design(std::size_t n, std::size_t d, std::uint64_t seed) {
  if (n == 0 || d == 0)
    throw std::invalid_argument("saltelli design: needs at least one base row and one parameter");
  check_size(n, d, "saltelli design");
  const CounterRng rng(seed);
  SaltelliDesign design;
  design.a.resize(at(n), at(d));
  design.b.resize(at(n), at(d));
  for (std::size_t j = 0; j < d; ++j)
    for (std::size_t r = 0; r < n; ++r) {
      const auto [ua, ub] = rng.uniform2(Purpose::saltelli_design, counter(j), counter(r));
      design.a(at(r), at(j)) = ua;
      design.b(at(r), at(j)) = ub;
    }
  return design;
}

Eigen::MatrixXd ab_matrix(const SaltelliDesign& design, std::size_t i) {
  if (i >= design.dimensions())
    throw std::invalid_argument("saltelli design: no parameter " + std::to_string(i));
  Eigen::MatrixXd ab = design.a;
  const auto column = static_cast<Eigen::Index>(i);
  ab.col(column) = design.b.col(column);
  return ab;
}

std::size_t saltelli_run_count(std::size_t n, std::size_t d) { return n * (d + 2); }

SaltelliSample saltelli_sample(std::size_t index, std::size_t d) {
  const std::size_t per_row = d + 2;
  const std::size_t k = index % per_row;
  SaltelliSample s;
  s.row = index / per_row;
  if (k == 0) {
    s.matrix = SaltelliMatrix::a;
  } else if (k == 1) {
    s.matrix = SaltelliMatrix::b;
  } else {
    s.matrix = SaltelliMatrix::ab;
    s.column = k - 2;
  }
  return s;
}

std::size_t saltelli_index(const SaltelliSample& sample, std::size_t d) {
  const std::size_t base = sample.row * (d + 2);
  switch (sample.matrix) {
    case SaltelliMatrix::a:
      return base;
    case SaltelliMatrix::b:
      return base + 1;
    case SaltelliMatrix::ab:
      break;
  }
  return base + 2 + sample.column;
}

Eigen::RowVectorXd saltelli_point(const SaltelliDesign& design, std::size_t index) {
  const SaltelliSample s = saltelli_sample(index, design.dimensions());
  if (s.row >= design.rows())
    throw std::invalid_argument(
        "saltelli design: sample " + std::to_string(index) + " is past the last of " +
        std::to_string(saltelli_run_count(design.rows(), design.dimensions())));
  const auto row = static_cast<Eigen::Index>(s.row);
  if (s.matrix == SaltelliMatrix::b) return design.b.row(row);
  Eigen::RowVectorXd point = design.a.row(row);
  if (s.matrix == SaltelliMatrix::ab) {
    const auto column = static_cast<Eigen::Index>(s.column);
    point(column) = design.b(row, column);
  }
  return point;
}

Eigen::MatrixXd saltelli_points(const SaltelliDesign& design) {
  const std::size_t count = saltelli_run_count(design.rows(), design.dimensions());
  Eigen::MatrixXd points(static_cast<Eigen::Index>(count), design.a.cols());
  for (std::size_t s = 0; s < count; ++s)
    points.row(static_cast<Eigen::Index>(s)) = saltelli_point(design, s);
  return points;
}

double scale_unit(double u, const ParameterRange& range) {
  if (!std::isfinite(range.min) || !std::isfinite(range.max) || !(range.min <= range.max))
    throw std::invalid_argument("parameter range: needs finite min <= max");
  if (range.scale == Scale::log_uniform) {
    if (!(range.min > 0.0))
      throw std::invalid_argument("parameter range: a log-uniform range needs min > 0");
    return range.min * std::pow(range.max / range.min, u);
  }
  return range.min + u * (range.max - range.min);
}

Eigen::MatrixXd scale_unit(const Eigen::MatrixXd& unit, std::span<const ParameterRange> ranges) {
  if (static_cast<std::size_t>(unit.cols()) != ranges.size())
    throw std::invalid_argument("parameter ranges: " + std::to_string(ranges.size()) +
                                " ranges for " + std::to_string(unit.cols()) + " columns");
  Eigen::MatrixXd scaled(unit.rows(), unit.cols());
  for (Eigen::Index j = 0; j < unit.cols(); ++j)
    for (Eigen::Index r = 0; r < unit.rows(); ++r)
      scaled(r, j) = scale_unit(unit(r, j), ranges[static_cast<std::size_t>(j)]);
  return scaled;
}

}  // namespace pocsim::sweep
