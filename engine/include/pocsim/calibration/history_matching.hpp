// SPDX-License-Identifier: Apache-2.0
#pragma once
// History matching in waves (Craig, Goldstein, Seheult & Smith 1997; Vernon,
// Goldstein & Bower 2010): rule out the parameter points whose outcomes
// cannot match the observations, spending the simulations of each wave where
// the points not yet ruled out are.
//
// Wave 0 simulates a Latin hypercube of `points_per_wave` points over the
// priors' box. After each wave one Gaussian-process emulator per target is
// fitted to every point simulated so far (inputs scaled to the unit cube),
// and the next wave's points are uniform draws from the box that the
// emulators do not rule out: the emulated implausibility
//   I(x) = |E[f(x)] - z| / sqrt(Var_GP(x) + sd^2 + Var_rep),
// with Var_rep the mean variance of a replication mean over the training
// points, must be below `cutoff` for every target (the maximum over
// targets, observations.hpp). Candidates are drawn until the wave is full
// or 200 per point have been tried; a wave with no candidate left ends the
// method. The result is every simulated point whose observed implausibility
// (its own means, without emulator variance) is below the cut-off, with
// equal weights.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "pocsim/calibration/observations.hpp"
#include "pocsim/calibration/prior.hpp"

namespace pocsim::calibration {

struct HistoryMatchingSettings {
  std::size_t waves = 4;
  std::size_t points_per_wave = 120;
  double cutoff = 3.0;
  std::uint64_t seed = 1;
};

Posterior history_matching(const std::vector<Prior>& priors,
                           const std::vector<Observation>& observations,
                           const HistoryMatchingSettings& settings, const Simulate& simulate);

}  // namespace pocsim::calibration
