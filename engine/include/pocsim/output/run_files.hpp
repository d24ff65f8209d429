// SPDX-License-Identifier: Apache-2.0
#pragma once
// The result files of a run, rendered to text from its outcomes:
// summary.json, timeseries.csv, events.csv and scenario.resolved.yaml.
#include <string>
#include <vector>

#include "pocsim/output/atomic_file.hpp"
#include "pocsim/output/outcomes.hpp"

namespace pocsim {

std::string summary_json(const Outcomes& outcomes);
std::string timeseries_csv(const Outcomes& outcomes);
std::string events_csv(const Outcomes& outcomes);
std::string resolved_scenario_yaml(const Outcomes& outcomes);

// The four files of a run's folder, by name, as `pocsim run`, a sweep's
// samples/ and the Python module's Result.save write them.
std::vector<FileContent> run_files(const Outcomes& outcomes);

// The same, collecting the run's outcomes first (one file at a time: where
// several are written, collect the outcomes once and render each).
std::string summary_json(const RunResult& result);
std::string timeseries_csv(const RunResult& result);
std::string events_csv(const RunResult& result);
std::string resolved_scenario_yaml(const RunResult& result);

}  // namespace pocsim
