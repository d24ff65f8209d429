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

// For a path that was not found: " (relative to the folder of FILE: DIR)"
// when `written` is relative, `folder` (the folder of `file`, where it was
// read) shown absolute so that the user sees where it was looked for; ""
// when `written` is absolute.
std::string relative_path_note(const std::string& written, const std::string& file,
                               const std::filesystem::path& folder);

}  // namespace pocsim
