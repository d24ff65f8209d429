// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading a whole input file (scenario, targets, outline) as text.
#include <filesystem>
#include <optional>
#include <string>

namespace pocsim {

// The file's bytes, or nothing when it cannot be opened or is a folder.
std::optional<std::string> read_input_file(const std::filesystem::path& file);

}  // namespace pocsim
