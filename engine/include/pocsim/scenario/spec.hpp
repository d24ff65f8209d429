// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a scenario key accepts, beside its type: its documentation, its range
// and whether it must be given. Scenario structs describe their keys with
// `describe(visitor)`, and the loader, the printer and the key reference all
// read that one description.
#include <cstddef>
#include <filesystem>
#include <limits>
#include <string>

namespace pocsim::scenario {

// The most items a list key takes (factions, a faction's bases, windows,
// operations, ...) unless its Spec says otherwise: twenty times the longest
// list of any shipped scenario (a faction's 15 temporary bases), so that no
// list can make the loader or a run allocate without bound.
inline constexpr std::size_t default_max_items = 1000;

struct Spec {
  const char* doc = "";
  double min = -std::numeric_limits<double>::infinity();  // of a number, or of a list's numbers
  double max = std::numeric_limits<double>::infinity();
  bool required = false;
  std::size_t max_items = default_max_items;  // of a list
};

// A data file named in a scenario. `path` is as written; `resolved` is the
// path relative to the scenario file's folder, filled in by the loader.
struct DataFile {
  std::string path;
  std::filesystem::path resolved;
};

}  // namespace pocsim::scenario
