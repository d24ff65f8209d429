// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading a whole input file (scenario, sweep, targets, places, outline) as text.
#include <filesystem>
#include <optional>
#include <string>

#include "pocsim/scenario/diagnostics.hpp"

namespace pocsim {

// The file's bytes, or nothing when it cannot be opened or is a folder.
std::optional<std::string> read_input_file(const std::filesystem::path& file);

// The same, reporting a file that cannot be opened as `FILE:1:1: error:
// (file): cannot open the WHAT file`.
std::optional<std::string> read_input_file(const std::filesystem::path& file,
                                           const std::string& what, Diagnostics& diagnostics);

}  // namespace pocsim
