// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading back the error lines the command line prints:
// FILE:LINE:COL: error: KEY.PATH: message
#include <optional>
#include <string>

namespace pocsim::test {

struct DiagnosticLine {
  std::string file;
  int line = 0;
  int column = 0;
  std::string key_path;
  std::string message;
};

// Nothing when the line does not have that form exactly (a file, positive
// line and column, a key path without colons, a message).
std::optional<DiagnosticLine> parse_diagnostic_line(const std::string& text);

}  // namespace pocsim::test
