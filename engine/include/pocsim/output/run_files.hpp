// SPDX-License-Identifier: Apache-2.0
#pragma once
// The result files of a run, rendered to text: summary.json, timeseries.csv,
// events.csv and scenario.resolved.yaml.
#include <string>

#include "pocsim/simulation.hpp"

namespace pocsim {

std::string summary_json(const RunResult& result);
std::string timeseries_csv(const RunResult& result);
std::string events_csv(const RunResult& result);
std::string resolved_scenario_yaml(const RunResult& result);

}  // namespace pocsim
