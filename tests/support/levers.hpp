#pragma once
// Runs a shipped scenario over paired seeds and compares a figure of its
// summary.json between two settings of one lever (common random numbers:
// seed k of one setting is paired with seed k of the other).
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

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

// The paired mean difference b - a in standard errors of that mean: above 3
// is a one-sided false alarm below 0.2% when there is no effect. Infinite
// when every pair differs by the same amount, NaN when every pair is equal.
double paired_z(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace pocsim::test
