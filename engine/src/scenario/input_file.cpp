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

std::string relative_path_note(const std::string& written, const std::string& file,
                               const std::filesystem::path& folder) {
  if (written.empty() || std::filesystem::path(written).is_absolute()) return {};
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(folder.empty() ? "." : folder, ec);
  absolute = absolute.lexically_normal();
  std::string shown = absolute.string();
  if (shown.size() > 1 && shown.back() == std::filesystem::path::preferred_separator)
    shown.pop_back();
  return " (relative to the folder of " + file + ": " + shown + ")";
}

}  // namespace pocsim
