// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs a shipped scenario over paired seeds and compares a figure of its
// summary.json between two settings of one lever (common random numbers:
// seed k of one setting is paired with seed k of the other).
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "support/paired.hpp"  // paired_z, to compare the figures

namespace pocsim::test {

// summary.json of scenarios/RELATIVE for seeds 1..seeds, each run with
// `overrides`; the world is built once per call.
std::vector<nlohmann::json> summaries_over_seeds(const std::string& relative,
                                                 const std::vector<std::string>& overrides,
                                                 int seeds);

// The figure at a JSON pointer ("/protection/detection_hours/mean") of each
// summary; true/false count as 1/0, null as NaN.
std::vector<double> figure(const std::vector<nlohmann::json>& summaries,
                           const std::string& pointer);

// The sum of a figure over the seeds (counts pooled across runs).
double total(const std::vector<double>& values);

}  // namespace pocsim::test
