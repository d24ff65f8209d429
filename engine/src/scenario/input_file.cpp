// SPDX-License-Identifier: Apache-2.0
#include "pocsim/scenario/input_file.hpp"

#include <fstream>
#include <sstream>

namespace pocsim {

namespace {

std::string size_in_words(std::uintmax_t bytes) {
  if (bytes % (std::uintmax_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string input_file_problem(const std::filesystem::path& file, std::uintmax_t max_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  switch (status.type()) {
    case fs::file_type::regular: break;
    case fs::file_type::not_found:
    case fs::file_type::none: return "it does not exist";
    case fs::file_type::directory: return "it is a folder";
    case fs::file_type::fifo: return "it is a FIFO, not a regular file";
    case fs::file_type::socket: return "it is a socket, not a regular file";
    case fs::file_type::character:
    case fs::file_type::block: return "it is a device, not a regular file";
    default: return "it is not a regular file";
  }
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec) return "its size cannot be read (" + ec.message() + ")";
  if (size > max_bytes)
    return "it has " + std::to_string(size) + " bytes, more than the " + size_in_words(max_bytes) +
           " allowed";
  return {};
}

std::optional<std::string> read_input_file(const std::filesystem::path& file,
                                           std::uintmax_t max_bytes) {
  if (!input_file_problem(file, max_bytes).empty()) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::optional<std::string> read_input_file(const std::filesystem::path& file,
                                           const std::string& what, Diagnostics& diagnostics,
                                           std::uintmax_t max_bytes) {
  const std::string problem = input_file_problem(file, max_bytes);
  std::optional<std::string> text;
  if (problem.empty()) text = read_input_file(file, max_bytes);
  if (text) return text;
  std::error_code ec;
  if (problem.empty() || !std::filesystem::exists(file, ec))
    diagnostics.error({file.string(), 1, 1}, "(file)", "cannot open the " + what + " file");
  else
    diagnostics.error({file.string(), 1, 1}, "(file)",
                      "cannot read the " + what + " file: " + problem);
  return std::nullopt;
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
