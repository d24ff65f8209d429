// SPDX-License-Identifier: Apache-2.0
// Recovering known parameter values: simulate the presence-deterrence
// teaching scenario at known values of JNIM's abuse_rate (how often a group
// raids) and killings_per_hour (how deadly a raid is), turn the outputs
// (the month's violent episodes and the civilians killed per episode) into
// targets, calibrate with ABC-SMC, and ask whether each parameter's 90%
// posterior interval covers the true value and is narrower than the prior's.
//
// The observed outputs come from replications with seeds of their own, not
// the calibration's, so the calibration cannot match their noise exactly.
// Each target's band is the observed mean +-20%: an observation sd of 10%
// (observations.hpp reads a band as +-2 sd), a little more than the noise
// of the observed mean itself (the episodes are about Poisson: sd 7/sqrt(4)
// of about 45, 8%).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "pocsim/calibration/calibration_directory.hpp"
#include "pocsim/calibration/calibration_runs.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::calibration {
namespace {

constexpr double true_rate = 0.2, true_lethality = 1.0;
constexpr double rate_min = 0.05, rate_max = 0.4, lethality_min = 0.25, lethality_max = 2.0;

struct Budget {
  std::size_t particles = 40;
  std::size_t generations = 4;
};

std::string calibration_text(std::uint64_t seed, const Budget& budget) {
  std::ostringstream text;
  text << "calibration:\n"
       << "  name: recovery\n"
       << "  scenario: " << test::source_path("scenarios/teaching/presence_deterrence.yaml")
       << "\n  targets: targets.yaml\n  replications: 2\n  seed: " << seed
       << "\n  method: abc_smc\nset: {scenario.duration_days: 20}\nparameters:\n"
       << "  - {key: factions.JNIM.abuse_rate, min: " << rate_min << ", max: " << rate_max << "}\n"
       << "  - {key: factions.JNIM.killings_per_hour, min: " << lethality_min
       << ", max: " << lethality_max << "}\n"
       << "abc_smc: {particles: " << budget.particles << ", generations: " << budget.generations
       << ", quantile: 0.5, min_acceptance: 0.02}\n";
  return text.str();
}

std::string targets_text(double episodes, double per_episode) {
  std::ostringstream text;
  text.precision(17);
  text << "targets:\n"
       << "  - {name: violent_episodes, description: d, source: s, band: [" << 0.8 * episodes
       << ", " << 1.2 * episodes << "], metric: {summary: incidents.violent_episodes}}\n"
       << "  - {name: killed_per_episode, description: d, source: s, band: [" << 0.8 * per_episode
       << ", " << 1.2 * per_episode
       << "], metric: {ratio: {numerator: [civilian_deaths.by_faction.JNIM], denominator: "
          "[incidents.violent_episodes]}}}\n";
  return text.str();
}

CalibrationFile load(const test::TempDir& dir, const std::string& text) {
  std::ofstream(dir.file("calibration.yaml")) << text;
  CalibrationLoadResult loaded = load_calibration(dir.file("calibration.yaml"));
  std::ostringstream errors;
  loaded.diagnostics.print(errors);
  if (!loaded.calibration) throw std::runtime_error(errors.str());
  return std::move(*loaded.calibration);
}

struct Interval {
  double low = 0.0, high = 0.0;
  bool covers(double x) const { return low <= x && x <= high; }
  double width() const { return high - low; }
};

struct Trial {
  Interval rate, lethality;
};

// The journal of a calibration waits for the disk after every run, which
// would take more of the test's time than the runs themselves; in memory
// (/dev/shm, where there is one) it does not.
std::string scratch_base() {
  std::error_code ignored;
  return std::filesystem::is_directory("/dev/shm", ignored)
             ? std::string("/dev/shm")
             : std::filesystem::temp_directory_path().string();
}

// One trial: observe at the truth with seed `observed_seed` (4
// replications), then calibrate with seed `observed_seed + 1000`.
Trial run_trial(std::uint64_t observed_seed, const Budget& budget) {
  test::TempDir observe_dir(scratch_base()), calibrate_dir(scratch_base());
  Eigen::MatrixXd truth(1, 2);
  truth << true_rate, true_lethality;
  // The observation: the targets' metrics at the truth, through a
  // calibration whose bands do not matter yet.
  std::ofstream(observe_dir.file("targets.yaml")) << targets_text(40.0, 5.0);
  std::string observe_text = calibration_text(observed_seed, budget);
  observe_text.replace(observe_text.find("replications: 2"), 15, "replications: 4");
  const CalibrationFile observing = load(observe_dir, observe_text);
  sweep::RunJournal observe_journal(observe_dir.file("runs.journal"));
  CalibrationRuns observe(observing, observe_journal, 1);
  const PointOutcome observed = observe(truth).front();

  std::ofstream(calibrate_dir.file("targets.yaml"))
      << targets_text(observed.means[0], observed.means[1]);
  const CalibrationFile c = load(calibrate_dir, calibration_text(observed_seed + 1000, budget));
  sweep::RunJournal journal(calibrate_dir.file("runs.journal"));
  CalibrationRuns runs(c, journal, 1);
  const Posterior p = run_method(c, [&](const Eigen::MatrixXd& points) { return runs(points); });
  auto interval = [&](Eigen::Index k) {
    std::vector<double> values(p.points.col(k).data(), p.points.col(k).data() + p.points.rows());
    return Interval{weighted_quantile(values, p.weights, 0.05),
                    weighted_quantile(values, p.weights, 0.95)};
  };
  return {interval(0), interval(1)};
}

// The prior's central 90% interval of a uniform prior is 90% of its range.
constexpr double prior_rate_width = 0.9 * (rate_max - rate_min);
constexpr double prior_lethality_width = 0.9 * (lethality_max - lethality_min);

// The CI sibling of the release check below: 3 trials with a smaller
// budget. A working method covers the truth in each (it does at these
// fixed seeds; nominally 90% each, and the bands make the posterior a little
// wider than the observation noise needs) and its intervals are under 70%
// of the prior's (the targets pin each parameter to about +-20-30% after 4
// generations of 30 particles: about half the prior's 90% interval for
// each); a method that stops learning
// (tolerance not shrinking, weights wrong, the kernel off) keeps intervals
// near the prior's or moves them off the truth.
TEST(CalibrationRecovery, ThreeTrialsCoverTheTruthAndShrink) {
  const Budget budget{30, 4};
  for (const std::uint64_t seed : {101u, 202u, 303u}) {
    const Trial t = run_trial(seed, budget);
    EXPECT_TRUE(t.rate.covers(true_rate))
        << seed << ": [" << t.rate.low << ", " << t.rate.high << "]";
    EXPECT_TRUE(t.lethality.covers(true_lethality))
        << seed << ": [" << t.lethality.low << ", " << t.lethality.high << "]";
    EXPECT_LT(t.rate.width(), 0.7 * prior_rate_width) << seed;
    EXPECT_LT(t.lethality.width(), 0.7 * prior_lethality_width) << seed;
    std::cout << "trial " << seed << ": abuse_rate [" << t.rate.low << ", " << t.rate.high
              << "], killings_per_hour [" << t.lethality.low << ", " << t.lethality.high << "]\n";
  }
}

// The acceptance test of issue 15: over 20 independent trials (seeds), the
// 90% posterior interval of each parameter covers the truth in at least 16
// (80%) and is narrower than the prior's 90% interval in every trial. If the
// intervals had their nominal 90% coverage, 15 or fewer covers would happen
// with probability P(Binomial(20, 0.9) <= 15) = 4.3%; the bands' extra width
// makes the coverage higher, and the probability smaller.
TEST(ReleaseCalibrationRecovery, TwentyTrialsCoverTheTruthInAtLeastEighty) {
  const Budget budget{40, 5};
  int rate_covered = 0, lethality_covered = 0;
  double rate_width = 0.0, lethality_width = 0.0;
  for (std::uint64_t trial = 0; trial < 20; ++trial) {
    const Trial t = run_trial(5000 + 17 * trial, budget);
    rate_covered += t.rate.covers(true_rate);
    lethality_covered += t.lethality.covers(true_lethality);
    EXPECT_LT(t.rate.width(), prior_rate_width) << trial;
    EXPECT_LT(t.lethality.width(), prior_lethality_width) << trial;
    rate_width += t.rate.width() / 20.0;
    lethality_width += t.lethality.width() / 20.0;
  }
  EXPECT_GE(rate_covered, 16);
  EXPECT_GE(lethality_covered, 16);
  std::cout << "abuse_rate: covered in " << rate_covered << " of 20, mean 90% width " << rate_width
            << " (prior " << prior_rate_width << "); killings_per_hour: covered in "
            << lethality_covered << " of 20, mean width " << lethality_width << " (prior "
            << prior_lethality_width << ")\n";
}

}  // namespace
}  // namespace pocsim::calibration
