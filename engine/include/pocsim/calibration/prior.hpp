// SPDX-License-Identifier: Apache-2.0
#pragma once
// The prior of one free parameter of a calibration: uniform on [min, max],
// uniform over the whole numbers min..max, or a normal truncated to
// [min, max] (either bound may be infinite). Calibration methods work on a
// continuous latent value: a whole-number parameter is uniform on
// [min - 1/2, max + 1/2] and the scenario gets the latent value rounded, so
// that every whole value is equally likely and the methods' kernels and
// emulators need no special case.
#include <cstdint>
#include <limits>
#include <string>

#include "pocsim/core/rng.hpp"
#include "pocsim/scenario/diagnostics.hpp"

namespace pocsim::calibration {

enum class PriorShape { uniform, normal };

struct Prior {
  std::string key_path;  // a scenario key path, as for --set
  PriorShape shape = PriorShape::uniform;
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  double mean = 0.0;  // normal only
  double sd = 1.0;    // normal only
  bool integer = false;
  SourceLocation where;
  std::string path;  // "parameters.1"

  // The latent support (finite for uniform priors): [min, max], widened by
  // 1/2 at each end for whole numbers.
  double lower() const { return integer ? min - 0.5 : min; }
  double upper() const { return integer ? max + 0.5 : max; }
  // A finite box holding nearly all the prior's mass, for designs and
  // emulators: the support, with an unbounded normal side cut at 4 sd.
  double box_lower() const;
  double box_upper() const;

  // The prior density at a latent value up to a constant factor (the
  // methods only use ratios); 0 outside the support.
  double density(double latent) const;
  // The value the scenario gets: whole numbers rounded.
  double model_value(double latent) const;
  // The latent value at quantile u in [0, 1) (inverse CDF), so that a draw
  // is a pure function of a counter-based uniform.
  double at_quantile(double u) const;
};

// The standard normal CDF and its inverse (0 < p < 1).
double normal_cdf(double x);
double normal_quantile(double p);

// A standard normal deviate for (purpose, index, step, k), from the Box-Muller
// transform of one counter block.
double standard_normal(const CounterRng& rng, Purpose purpose, std::uint32_t index,
                       std::uint32_t step, std::uint32_t k);

}  // namespace pocsim::calibration
