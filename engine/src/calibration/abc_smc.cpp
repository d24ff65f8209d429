// SPDX-License-Identifier: Apache-2.0
#include "pocsim/calibration/abc_smc.hpp"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "pocsim/calibration/statistics.hpp"

namespace pocsim::calibration {

namespace {

using Eigen::Index;

double prior_density(const std::vector<Prior>& priors, const Eigen::RowVectorXd& point) {
  double density = 1.0;
  for (std::size_t k = 0; k < priors.size(); ++k)
    density *= priors[k].density(point(static_cast<Index>(k)));
  return density;
}

struct Population {
  Eigen::MatrixXd points;
  std::vector<double> weights;
  std::vector<PointOutcome> outcomes;
  std::vector<double> distances;
};

// The Gaussian kernel of the next generation: covariance twice the
// population's weighted covariance, with its Cholesky factor for drawing
// and its inverse for the weights.
struct Kernel {
  Eigen::MatrixXd factor;
  Eigen::MatrixXd inverse;
};

Kernel make_kernel(const Population& population, const std::vector<Prior>& priors) {
  Eigen::MatrixXd covariance = 2.0 * weighted_covariance(population.points, population.weights);
  // A parameter the population no longer varies (all particles equal) would
  // make the covariance singular; a tiny share of its prior box keeps the
  // kernel proper without moving it noticeably.
  for (std::size_t k = 0; k < priors.size(); ++k) {
    const double width = priors[k].box_upper() - priors[k].box_lower();
    covariance(static_cast<Index>(k), static_cast<Index>(k)) += 1e-12 * width * width;
  }
  Eigen::LLT<Eigen::MatrixXd> llt(covariance);
  const auto d = covariance.rows();
  return {llt.matrixL(), llt.solve(Eigen::MatrixXd::Identity(d, d))};
}

// The index of the previous particle that proposal `p` moves: drawn by
// weight from one counter-based uniform.
std::size_t resample(const std::vector<double>& cumulative, const CounterRng& rng, std::uint32_t p,
                     std::uint32_t generation) {
  const double u = rng.uniform(Purpose::calibration_resample, p, generation) * cumulative.back();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
  return std::min(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

}  // namespace

Eigen::MatrixXd weighted_covariance(const Eigen::MatrixXd& points,
                                    const std::vector<double>& weights) {
  const Eigen::Map<const Eigen::VectorXd> w(weights.data(), static_cast<Index>(weights.size()));
  const Eigen::RowVectorXd mean = w.transpose() * points;
  const Eigen::MatrixXd centred = points.rowwise() - mean;
  return centred.transpose() * w.asDiagonal() * centred;
}

Posterior abc_smc(const std::vector<Prior>& priors, const std::vector<Observation>& observations,
                  const AbcSmcSettings& settings, const Simulate& simulate) {
  const CounterRng rng(settings.seed);
  const std::size_t n = settings.particles, d = priors.size();
  Posterior result;

  // Generation 0: the prior.
  Population population;
  population.points.resize(static_cast<Index>(n), static_cast<Index>(d));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < d; ++k)
      population.points(static_cast<Index>(i), static_cast<Index>(k)) = priors[k].at_quantile(
          rng.uniform(Purpose::calibration_prior, static_cast<std::uint32_t>(i), 0,
                      static_cast<std::uint32_t>(k)));
  population.outcomes = simulate(population.points);
  population.weights.assign(n, 1.0 / static_cast<double>(n));
  for (const PointOutcome& o : population.outcomes)
    population.distances.push_back(abc_distance(o, observations));
  result.waves.push_back({0, std::numeric_limits<double>::infinity(), n, n, NAN});

  const auto budget = static_cast<std::size_t>(
      std::ceil(static_cast<double>(n) / std::max(settings.min_acceptance, 1e-9)));
  for (std::size_t t = 1; t < settings.generations; ++t) {
    const auto generation = static_cast<std::uint32_t>(t);
    const double tolerance = quantile(population.distances, settings.quantile);
    const Kernel kernel = make_kernel(population, priors);
    std::vector<double> cumulative(n);
    std::partial_sum(population.weights.begin(), population.weights.end(), cumulative.begin());

    Population next;
    next.points.resize(static_cast<Index>(n), static_cast<Index>(d));
    std::size_t accepted = 0, simulated = 0;
    std::uint32_t proposal = 0;                // counts draws, also those outside the prior
    double expected_rate = settings.quantile;  // the tolerance keeps about this share
    while (accepted < n && simulated < budget) {
      const std::size_t wanted = std::min(
          budget - simulated,
          static_cast<std::size_t>(std::ceil(static_cast<double>(n - accepted) /
                                             std::max(expected_rate, settings.min_acceptance))));
      Eigen::MatrixXd batch(static_cast<Index>(wanted), static_cast<Index>(d));
      for (std::size_t b = 0; b < wanted;) {
        const std::size_t parent = resample(cumulative, rng, proposal, generation);
        Eigen::VectorXd z(static_cast<Index>(d));
        for (std::size_t k = 0; k < d; ++k)
          z(static_cast<Index>(k)) = standard_normal(rng, Purpose::calibration_perturb, proposal,
                                                     generation, static_cast<std::uint32_t>(k));
        ++proposal;
        const Eigen::RowVectorXd candidate =
            population.points.row(static_cast<Index>(parent)) + (kernel.factor * z).transpose();
        if (prior_density(priors, candidate) <= 0.0) continue;  // outside the prior: no run
        batch.row(static_cast<Index>(b++)) = candidate;
      }
      const std::vector<PointOutcome> outcomes = simulate(batch);
      simulated += wanted;
      for (std::size_t b = 0; b < wanted && accepted < n; ++b) {
        const double distance = abc_distance(outcomes[b], observations);
        if (!(distance <= tolerance)) continue;
        next.points.row(static_cast<Index>(accepted++)) = batch.row(static_cast<Index>(b));
        next.outcomes.push_back(outcomes[b]);
        next.distances.push_back(distance);
      }
      expected_rate = static_cast<double>(accepted) / static_cast<double>(simulated);
    }
    result.waves.push_back({t, tolerance, simulated, accepted, NAN});
    if (accepted < n) break;  // too few within the tolerance: keep the last full generation

    for (std::size_t i = 0; i < n; ++i) {
      const Eigen::RowVectorXd theta = next.points.row(static_cast<Index>(i));
      double mixture = 0.0;
      for (std::size_t j = 0; j < n; ++j) {
        const Eigen::VectorXd diff =
            (theta - population.points.row(static_cast<Index>(j))).transpose();
        mixture += population.weights[j] * std::exp(-0.5 * diff.dot(kernel.inverse * diff));
      }
      next.weights.push_back(prior_density(priors, theta) / mixture);
    }
    const double total = std::accumulate(next.weights.begin(), next.weights.end(), 0.0);
    for (double& w : next.weights) w /= total;
    population = std::move(next);
  }
  result.points = std::move(population.points);
  result.weights = std::move(population.weights);
  result.outcomes = std::move(population.outcomes);
  return result;
}

}  // namespace pocsim::calibration
