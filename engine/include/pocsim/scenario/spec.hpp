// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a scenario key accepts, beside its type: its documentation, its range
// and whether it must be given. Scenario structs describe their keys with
// `describe(visitor)`, and the loader, the printer and the key reference all
// read that one description.
#include <filesystem>
#include <limits>
#include <string>

namespace pocsim::scenario {

struct Spec {
  const char* doc = "";
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool required = false;
};

// A data file named in a scenario. `path` is as written; `resolved` is the
// path relative to the scenario file's folder, filled in by the loader.
struct DataFile {
  std::string path;
  std::filesystem::path resolved;
};

}  // namespace pocsim::scenario
