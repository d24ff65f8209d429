// SPDX-License-Identifier: Apache-2.0
#pragma once
// Writes a scenario back as YAML with every key and default, and lists every
// key with its type, default, range and meaning (the scenario-format reference).
#include <limits>
#include <string>
#include <vector>

#include "pocsim/scenario/scenario.hpp"

namespace pocsim::scenario {

struct PrintOptions {
  bool absolute_paths = true;  // data files as resolved absolute paths
  bool comments = true;        // each key's doc as a trailing comment
};

std::string to_yaml(const Scenario& scenario, const PrintOptions& options = {});

struct KeyInfo {
  std::string path;  // factions[].units
  std::string type;
  std::string default_value;
  std::string range;
  std::string doc;
  // The range as numbers, for a reader that draws a slider (the explorer's page).
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
};

std::vector<KeyInfo> key_reference();

// The key reference as a Markdown table, as docs/scenario-format.md holds it.
std::string key_reference_markdown();

}  // namespace pocsim::scenario
