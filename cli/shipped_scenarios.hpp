// SPDX-License-Identifier: Apache-2.0
#pragma once
// The scenario, sweep and targets files under a folder of shipped scenarios,
// by the names `pocsim run`, `show` and `serve` know them by.
#include <filesystem>
#include <string>
#include <vector>

namespace pocsim::cli {

struct ShippedScenario {
  std::string name;   // relative to the root, without .yaml
  std::string kind;   // scenario, variant, classic, sweep, targets, calibration
  std::string about;  // the file's first comment line, shortened to a line of a listing
  std::filesystem::path file;
};

// Sorted by name; the data/ folder (places, boundaries) is no scenario.
std::vector<ShippedScenario> shipped_scenarios(const std::filesystem::path& root);

}  // namespace pocsim::cli
