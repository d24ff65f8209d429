// SPDX-License-Identifier: Apache-2.0
#pragma once
// Sobol' sensitivity indices of one outcome from the runs of a Saltelli
// design (sampling.hpp), with percentile bootstrap confidence intervals:
// what sobol.csv reports per parameter and outcome.
//
// Estimators, with f_A, f_B, f_AB_i the outcome at the rows of A, B and
// AB_i = A with column i from B, over the N base rows j:
//   V     = variance of the 2N values f_A(j), f_B(j) (divisor 2N)
//   S_i   = (1/N) sum_j f_B(j) (f_AB_i(j) - f_A(j)) / V
//           first order, Saltelli et al. (2010), Table 2 (b): f_B and f_AB_i
//           share only x_i, so the product measures the variance x_i
//           explains alone;
//   ST_i  = (1/(2N)) sum_j (f_A(j) - f_AB_i(j))^2 / V
//           total order, Jansen (1999), Saltelli et al. (2010) Table 2 (f):
//           f_A and f_AB_i differ only in x_i, so their squared difference
//           measures all the variance x_i takes part in.
// The outcome is centred on the mean of f_A and f_B first; that leaves
// both estimators' expectations unchanged but keeps a large mean (375,000
// displaced people) from inflating the noise of S_i's product.
//
// Confidence intervals: the base rows are resampled with replacement and
// both indices recomputed on each resample (V included); the interval is the
// (1-level)/2 and (1+level)/2 quantiles (type 7) of the resampled values, the
// percentile bootstrap (Efron & Tibshirani 1993, ch. 13) as Archer, Saltelli
// & Sobol' (1997) apply it to Sobol' indices. Resample r's row choices are
// drawn from CounterRng(seed) with Purpose::sobol_bootstrap, agent r, so the
// intervals are the same on every run and independent of threads.
//
// References:
//   A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto, S. Tarantola
//   (2010). Variance based sensitivity analysis of model output. Design and
//   estimator for the total sensitivity index. Comput. Phys. Commun. 181,
//   259-270.
//   M. J. W. Jansen (1999). Analysis of variance designs for model output.
//   Comput. Phys. Commun. 117, 35-43.
//   G. E. B. Archer, A. Saltelli, I. M. Sobol' (1997). Sensitivity measures,
//   ANOVA-like techniques and the use of bootstrap. J. Stat. Comput. Simul.
//   58, 99-120.
#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace pocsim::sweep {

// One outcome's values at the points of a Saltelli design.
struct SaltelliOutputs {
  Eigen::VectorXd f_a;   // n: f(A_j)
  Eigen::VectorXd f_b;   // n: f(B_j)
  Eigen::MatrixXd f_ab;  // n x d: column i holds f(AB_i j)
};

// Outputs listed in the run order of sampling.hpp (sample index s at
// values[s]) split into A, B and AB_i. A failed run is a NaN. Throws
// std::invalid_argument unless values.size() is a multiple of d + 2.
SaltelliOutputs split_saltelli_outputs(std::span<const double> values, std::size_t d);

struct SobolIndex {
  double first_order = 0.0;
  double first_order_low = 0.0;
  double first_order_high = 0.0;
  double total_order = 0.0;
  double total_order_low = 0.0;
  double total_order_high = 0.0;
};

struct SobolIndices {
  std::size_t n = 0;                   // base rows used: those with no NaN among their d + 2 values
  double variance = 0.0;               // V, the outcome's variance over A and B
  std::vector<SobolIndex> parameters;  // one per column of f_ab, in order
};

struct BootstrapOptions {
  std::size_t resamples = 1000;  // 0: no intervals (they are NaN)
  double level = 0.95;
  std::uint64_t seed = 0;
};

// First- and total-order indices of every parameter with their bootstrap
// intervals. A base row with a NaN in any of its d + 2 values is left out
// whole, so that every estimator sees the same rows. Indices are NaN when
// fewer than two rows remain or V = 0 (a constant outcome); an interval is
// NaN when some resample has V = 0. The estimates are not clipped to [0, 1]:
// with few rows an index near 0 can come out slightly negative, and the
// interval shows how uncertain it is. Throws std::invalid_argument when the
// sizes of f_a, f_b and f_ab disagree or unless 0 < level < 1, or when a
// resample count or row count exceeds 2^32 - 1.
SobolIndices sobol_indices(const SaltelliOutputs& outputs, const BootstrapOptions& bootstrap = {});

}  // namespace pocsim::sweep
