// SPDX-License-Identifier: Apache-2.0
#include "pocsim/scenario/input_file.hpp"

#include <fstream>
#include <sstream>

namespace pocsim {

std::optional<std::string> read_input_file(const std::filesystem::path& file) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::optional<std::string> read_input_file(const std::filesystem::path& file,
                                           const std::string& what, Diagnostics& diagnostics) {
  std::optional<std::string> text = read_input_file(file);
  if (!text)
    diagnostics.error({file.string(), 1, 1}, "(file)", "cannot open the " + what + " file");
  return text;
}

}  // namespace pocsim
