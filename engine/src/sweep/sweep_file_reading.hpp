// SPDX-License-Identifier: Apache-2.0
#pragma once
// Pieces of the sweep file's reader that the calibration file's reader
// shares (engine/src/calibration/calibration_file.cpp), so that both read
// `set:` sections, counts and lists alike and check settings against the
// base scenario alike.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pocsim/sweep/sweep_file.hpp"
#include "yaml_reader.hpp"

namespace pocsim::sweep {

// A whole number in [min, max]; an error at the field otherwise.
std::optional<std::uint64_t> read_count(scenario::YamlReader& r, const scenario::Field& f,
                                        std::uint64_t min, std::uint64_t max);

// True for a non-empty list; an error naming `what` otherwise.
bool is_list(scenario::YamlReader& r, const scenario::Field& f, const std::string& what);

// `{key: value, ...}`: scenario key paths and their values.
std::vector<Setting> read_settings(scenario::YamlReader& r, const scenario::Field& f);

// The loader's complaints about `settings` (applied after `before`) to
// sweep.scenario, each at the setting's place in the file that wrote it.
Diagnostics check_settings(const SweepFile& sweep, const std::vector<Setting>& before,
                           const std::vector<Setting>& settings);

}  // namespace pocsim::sweep
