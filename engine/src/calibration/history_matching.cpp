// SPDX-License-Identifier: Apache-2.0
#include "pocsim/calibration/history_matching.hpp"

#include <cmath>
#include <numeric>

#include "pocsim/calibration/gaussian_process.hpp"
#include "pocsim/sweep/sampling.hpp"

namespace pocsim::calibration {

namespace {

using Eigen::Index;

constexpr std::size_t candidates_per_point = 200;

struct Emulator {
  GaussianProcess process;
  double replication_variance = 0.0;
};

// One emulator per target, on the points with a defined mean for it.
std::vector<Emulator> fit_emulators(const Eigen::MatrixXd& unit_points,
                                    const std::vector<PointOutcome>& outcomes,
                                    std::size_t targets) {
  std::vector<Emulator> out;
  for (std::size_t k = 0; k < targets; ++k) {
    std::vector<Index> rows;
    for (std::size_t i = 0; i < outcomes.size(); ++i)
      if (!std::isnan(outcomes[i].means[k])) rows.push_back(static_cast<Index>(i));
    Eigen::MatrixXd x(static_cast<Index>(rows.size()), unit_points.cols());
    Eigen::VectorXd y(static_cast<Index>(rows.size()));
    double variance = 0.0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      x.row(static_cast<Index>(r)) = unit_points.row(rows[r]);
      const PointOutcome& o = outcomes[static_cast<std::size_t>(rows[r])];
      y(static_cast<Index>(r)) = o.means[k];
      if (!std::isnan(o.mean_variances[k])) variance += o.mean_variances[k];
    }
    if (!rows.empty()) variance /= static_cast<double>(rows.size());
    out.push_back({GaussianProcess::fit(x, y, variance), variance});
  }
  return out;
}

bool emulated_plausible(const std::vector<Emulator>& emulators,
                        const std::vector<Observation>& observations,
                        const Eigen::RowVectorXd& unit_point, double cutoff) {
  for (std::size_t k = 0; k < emulators.size(); ++k) {
    const Emulator& e = emulators[k];
    const double mean = e.process.mean(unit_point);
    // Without the emulator's variance the implausibility can only be
    // larger; the variance (the costly part) is needed only when it is.
    if (implausibility(mean, e.replication_variance, observations[k]) < cutoff) continue;
    if (implausibility(mean, e.replication_variance, observations[k],
                       e.process.variance(unit_point)) >= cutoff)
      return false;
  }
  return true;
}

}  // namespace

Posterior history_matching(const std::vector<Prior>& priors,
                           const std::vector<Observation>& observations,
                           const HistoryMatchingSettings& settings, const Simulate& simulate) {
  const CounterRng rng(settings.seed);
  const auto d = static_cast<Index>(priors.size());
  Eigen::RowVectorXd low(d), width(d);
  for (Index k = 0; k < d; ++k) {
    low(k) = priors[static_cast<std::size_t>(k)].box_lower();
    width(k) = priors[static_cast<std::size_t>(k)].box_upper() - low(k);
  }
  auto to_box = [&](const Eigen::MatrixXd& unit) {
    return Eigen::MatrixXd((unit * width.asDiagonal()).rowwise() + low);
  };

  Eigen::MatrixXd all_unit(0, d);
  std::vector<PointOutcome> all_outcomes;
  Posterior result;
  for (std::size_t wave = 0; wave < settings.waves; ++wave) {
    Eigen::MatrixXd unit;
    double share = 1.0;
    if (wave == 0) {
      unit = sweep::latin_hypercube(settings.points_per_wave, priors.size(), settings.seed);
    } else {
      const auto emulators = fit_emulators(all_unit, all_outcomes, observations.size());
      unit.resize(static_cast<Index>(settings.points_per_wave), d);
      std::size_t found = 0, tried = 0;
      const std::size_t limit = candidates_per_point * settings.points_per_wave;
      while (found < settings.points_per_wave && tried < limit) {
        Eigen::RowVectorXd candidate(d);
        for (Index k = 0; k < d; ++k)
          candidate(k) =
              rng.uniform(Purpose::calibration_candidate, static_cast<std::uint32_t>(tried),
                          static_cast<std::uint32_t>(wave), static_cast<std::uint32_t>(k));
        ++tried;
        if (emulated_plausible(emulators, observations, candidate, settings.cutoff))
          unit.row(static_cast<Index>(found++)) = candidate;
      }
      unit.conservativeResize(static_cast<Index>(found), d);
      share = static_cast<double>(found) / static_cast<double>(tried);
    }
    if (unit.rows() == 0) {
      result.waves.push_back({wave, settings.cutoff, 0, 0, share});
      break;
    }
    const std::vector<PointOutcome> outcomes = simulate(to_box(unit));
    std::size_t accepted = 0;
    for (const PointOutcome& o : outcomes)
      if (max_implausibility(o, observations) < settings.cutoff) ++accepted;
    result.waves.push_back(
        {wave, settings.cutoff, static_cast<std::size_t>(unit.rows()), accepted, share});
    const Index before = all_unit.rows();
    all_unit.conservativeResize(before + unit.rows(), d);
    all_unit.bottomRows(unit.rows()) = unit;
    all_outcomes.insert(all_outcomes.end(), outcomes.begin(), outcomes.end());
  }

  const Eigen::MatrixXd all_points = to_box(all_unit);
  std::vector<Index> kept;
  for (std::size_t i = 0; i < all_outcomes.size(); ++i)
    if (max_implausibility(all_outcomes[i], observations) < settings.cutoff) {
      kept.push_back(static_cast<Index>(i));
      result.outcomes.push_back(all_outcomes[i]);
    }
  result.points.resize(static_cast<Index>(kept.size()), d);
  for (std::size_t r = 0; r < kept.size(); ++r)
    result.points.row(static_cast<Index>(r)) = all_points.row(kept[r]);
  result.weights.assign(kept.size(), kept.empty() ? 0.0 : 1.0 / static_cast<double>(kept.size()));
  return result;
}

}  // namespace pocsim::calibration
