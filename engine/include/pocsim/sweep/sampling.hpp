// SPDX-License-Identifier: Apache-2.0
#pragma once
// Sampled sweep designs on the unit cube [0, 1)^d: a Latin hypercube, and the
// Saltelli design from which Sobol' indices are estimated (sobol_indices.hpp).
// Every point is a pure function of (seed, row, dimension) through
// CounterRng, so a plan can be rebuilt, resumed or sharded and stays the same.
// `scale_unit` maps unit values onto the parameters' ranges.
#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <span>

namespace pocsim::sweep {

// n points in d dimensions, one per stratum [k/n, (k+1)/n) of every dimension
// (McKay, Beckman & Conover 1979): dimension j's strata are a random
// permutation of 0..n-1 and each point lies uniformly within its stratum, so
// floor(n * x(i, j)) takes every value 0..n-1 exactly once down each column.
// Throws std::invalid_argument when n or d exceeds 2^32 - 1 (the counter).
Eigen::MatrixXd latin_hypercube(std::size_t n, std::size_t d, std::uint64_t seed);

// Saltelli et al. (2010) design: two independent n x d base matrices A and B
// and, for each dimension i, AB_i = A with column i taken from B.
//
// The base matrices are independent uniform draws, not a quasi-random
// (Sobol' sequence) design. Quasi-random points would reduce the sampling
// error of the estimators faster for a smooth deterministic function, but
// (1) the bootstrap confidence intervals of sobol_indices.hpp resample base
// rows and are only valid when the rows are independent; (2) pocsim's
// outcomes carry their own stochastic noise from the run's seed, which
// quasi-random inputs do not reduce; and (3) independent rows allow any n and
// any d, without the powers of two and tables of direction numbers a Sobol'
// sequence needs.
struct SaltelliDesign {
  Eigen::MatrixXd a;  // n x d
  Eigen::MatrixXd b;  // n x d

  std::size_t rows() const { return static_cast<std::size_t>(a.rows()); }
  std::size_t dimensions() const { return static_cast<std::size_t>(a.cols()); }
};

// A and B for n base rows and d parameters. Throws std::invalid_argument when
// n or d is 0 or exceeds 2^32 - 1.
SaltelliDesign saltelli_design(std::size_t n, std::size_t d, std::uint64_t seed);

// AB_i: A with column i from B (0 <= i < d).
Eigen::MatrixXd ab_matrix(const SaltelliDesign& design, std::size_t i);

// The run order of a Saltelli sweep: base row by base row, and within base
// row j the d + 2 points
//   A_j, B_j, AB_j^0, AB_j^1, ..., AB_j^{d-1}
// so sample index s is base row j = s / (d + 2), position k = s % (d + 2):
// k = 0 is A, k = 1 is B, k = 2 + i is AB_i. All n (d + 2) evaluations of one
// base row are adjacent, so a sweep stopped early has complete rows for the
// estimators, and every row that a failed run touches can be dropped whole.
enum class SaltelliMatrix { a, b, ab };

struct SaltelliSample {
  SaltelliMatrix matrix = SaltelliMatrix::a;
  std::size_t row = 0;     // base row j, 0 <= j < n
  std::size_t column = 0;  // i of AB_i; 0 for A and B

  bool operator==(const SaltelliSample&) const = default;
};

std::size_t saltelli_run_count(std::size_t n, std::size_t d);  // n (d + 2)

// Sample index -> (matrix, base row, i) for d parameters, and back.
SaltelliSample saltelli_sample(std::size_t index, std::size_t d);
std::size_t saltelli_index(const SaltelliSample& sample, std::size_t d);

// The unit-cube point of sample `index` (a row of A, B or AB_i).
Eigen::RowVectorXd saltelli_point(const SaltelliDesign& design, std::size_t index);

// All n (d + 2) points in run order, one row per sample index.
Eigen::MatrixXd saltelli_points(const SaltelliDesign& design);

enum class Scale {
  linear,       // min + u (max - min)
  log_uniform,  // min (max / min)^u: uniform in log; needs 0 < min
};

struct ParameterRange {
  double min = 0.0;
  double max = 1.0;
  Scale scale = Scale::linear;
};

// A unit value u in [0, 1) mapped onto [min, max). Throws
// std::invalid_argument unless min <= max (both finite) and, for
// log_uniform, min > 0.
double scale_unit(double u, const ParameterRange& range);

// Column j of `unit` scaled by ranges[j]; throws std::invalid_argument when
// the number of ranges is not the number of columns.
Eigen::MatrixXd scale_unit(const Eigen::MatrixXd& unit, std::span<const ParameterRange> ranges);

}  // namespace pocsim::sweep
