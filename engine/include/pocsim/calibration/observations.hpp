// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the calibration methods compare a parameter point's outcomes with.
// A target's band [low, high] becomes an observation z = (low + high) / 2
// with standard deviation (high - low) / 4: the band is read as the sources'
// 95% range (about two standard deviations either side), which is how
// docs/calibration.md builds the bands. The methods see, per point and
// target, the mean of the metric over the point's replications and the
// variance of that mean (the replications' variance / their number).
#include <cstddef>
#include <functional>
#include <vector>

#include <Eigen/Core>

namespace pocsim::calibration {

struct Observation {
  double z = 0.0;   // what the metric's mean should be
  double sd = 1.0;  // how far off it may plausibly be
};

Observation observation_from_band(double low, double high);

// One parameter point's outcomes, per target: the mean over its
// replications (NaN where undefined) and the variance of that mean (0 with
// one replication).
struct PointOutcome {
  std::vector<double> means;
  std::vector<double> mean_variances;
};

// Makes the runs of a batch of points (latent values, one row per point)
// and returns their outcomes in the same order. Methods call it once per
// batch and do nothing else with the model, so tests drive them with toy
// models and the command with the sweep runner.
using Simulate = std::function<std::vector<PointOutcome>(const Eigen::MatrixXd& points)>;

// The ABC distance: the root mean square over targets of (mean - z) / sd,
// so that it does not grow with the number of targets and each target
// counts in units of its own band. Infinite when a mean is undefined.
double abc_distance(const PointOutcome& outcome, const std::vector<Observation>& observations);

// The observed implausibility of one target (Craig et al. 1997):
// |mean - z| / sqrt(sd^2 + variance of the mean + extra_variance), with
// extra_variance the emulator's variance (0 for a simulated point).
double implausibility(double mean, double mean_variance, const Observation& observation,
                      double extra_variance = 0.0);

// The largest implausibility over targets: a point is implausible when any
// one target rules it out (the conservative choice for few targets; with
// many, Vernon et al. 2010 use the second largest). Infinite when a mean is
// undefined.
double max_implausibility(const PointOutcome& outcome,
                          const std::vector<Observation>& observations);

// What a method did in one generation (ABC-SMC) or wave (history matching).
struct Wave {
  std::size_t index = 0;
  double threshold = 0.0;    // ABC tolerance, or the implausibility cut-off
  std::size_t proposed = 0;  // points simulated
  std::size_t accepted = 0;
  // History matching: the share of the prior box the emulator left
  // non-implausible before this wave (1 for the first); NaN for ABC.
  double non_implausible_share = 1.0;
};

// What a method returns: the accepted points (latent values, one row per
// point), their normalised weights and outcomes, and the waves.
struct Posterior {
  Eigen::MatrixXd points;
  std::vector<double> weights;
  std::vector<PointOutcome> outcomes;
  std::vector<Wave> waves;
};

}  // namespace pocsim::calibration
