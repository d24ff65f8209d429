// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reads a scenario file into typed structs: defaults filled in, types and
// ranges checked, unknown and duplicate keys rejected, references to towns,
// regions and factions resolved against the places file, and `--set`
// overrides applied before any check so that they pass the same checks.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pocsim/scenario/diagnostics.hpp"
#include "pocsim/scenario/scenario.hpp"

namespace pocsim::scenario {

// One `--set KEY.PATH=VALUE`. Sequence elements are named by index
// (factions.0.units) or by their `name` (factions.MINUSMA.units).
struct Override {
  std::string key_path;
  std::string value;
  std::string origin;  // how it was written, for error messages

  static std::optional<Override> parse(std::string_view text);
};

struct LoadResult {
  std::optional<Scenario> scenario;  // set only when there are no diagnostics
  Diagnostics diagnostics;
};

LoadResult load_scenario(const std::filesystem::path& file,
                         const std::vector<Override>& overrides = {});

// The same from text; `display_name` names it in messages and relative data
// paths resolve against `base_dir`.
LoadResult load_scenario_text(const std::string& text, const std::string& display_name,
                              const std::filesystem::path& base_dir,
                              const std::vector<Override>& overrides = {});

}  // namespace pocsim::scenario
