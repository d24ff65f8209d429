// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where the `pocsim` binary finds what ships with it: the scenarios and their
// data (share/pocsim/scenarios) and the report's Python package
// (share/pocsim/analysis), located relative to the executable
// (BINDIR/../share/pocsim once installed), and, for a binary that runs from
// the build tree it was built in, the source tree's scenarios/ and analysis/.
#include <filesystem>
#include <string>
#include <vector>

namespace pocsim::cli {

// The folder of the running executable (empty when it cannot be told).
std::filesystem::path executable_dir();

// True when the running executable lies inside the build tree it was built in.
bool runs_from_build_tree();

// The folders of shipped scenarios that exist, in lookup order: the installed
// share/pocsim/scenarios, then (from a build tree) the source tree's scenarios/.
std::vector<std::filesystem::path> scenario_roots();

// A scenario, sweep or targets file named on the command line: NAME itself
// when it exists, else NAME or NAME.yaml under the first scenario root that
// holds it (`pocsim run mali_2022/baseline`), else NAME unchanged (and the
// loader says it does not exist).
std::string resolve_scenario_name(const std::string& name);

// The folder of report.py: POCSIM_ANALYSIS_DIR when set, else the installed
// share/pocsim/analysis, else (from a build tree) the source tree's analysis/;
// the installed place when none holds report.py, for the error message.
std::filesystem::path analysis_dir();

}  // namespace pocsim::cli
