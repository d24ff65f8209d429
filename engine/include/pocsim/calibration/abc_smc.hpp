// SPDX-License-Identifier: Apache-2.0
#pragma once
// Approximate Bayesian computation by sequential Monte Carlo: population
// Monte Carlo with adaptive tolerances (Beaumont, Cornuet, Marin & Robert
// 2009; the tolerance schedule of Del Moral, Doucet & Jasra 2012 in its
// simplest, quantile form).
//
// Generation 0 draws `particles` points from the prior and simulates them
// all. Generation t takes as tolerance the `quantile` of generation t-1's
// distances, then proposes points by drawing a particle of t-1 by weight and
// moving it with a Gaussian kernel whose covariance is twice the weighted
// covariance of generation t-1 (Beaumont et al. 2009), simulates them in
// batches and keeps the first `particles` whose distance is within the
// tolerance. A kept point's weight is prior(θ) / Σ_j w_j K(θ | θ_j).
// A generation that would need more than particles / min_acceptance
// simulations is abandoned and the previous one is the posterior; the run
// also ends after `generations` generations.
//
// Every random number is a counter-based draw keyed by (seed, purpose,
// proposal, generation), and a batch depends only on the outcomes of the
// batches before it, so a run that replays recorded outcomes makes the same
// proposals (a resumed `pocsim calibrate`).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "pocsim/calibration/observations.hpp"
#include "pocsim/calibration/prior.hpp"

namespace pocsim::calibration {

struct AbcSmcSettings {
  std::size_t particles = 200;
  std::size_t generations = 6;
  double quantile = 0.5;
  double min_acceptance = 0.02;
  std::uint64_t seed = 1;
};

Posterior abc_smc(const std::vector<Prior>& priors, const std::vector<Observation>& observations,
                  const AbcSmcSettings& settings, const Simulate& simulate);

// The weighted covariance (weights summing to 1) of the rows of `points`.
Eigen::MatrixXd weighted_covariance(const Eigen::MatrixXd& points,
                                    const std::vector<double>& weights);

}  // namespace pocsim::calibration
