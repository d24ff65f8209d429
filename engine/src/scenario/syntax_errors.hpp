// SPDX-License-Identifier: Apache-2.0
#pragma once
// YAML syntax errors in words a student understands: yaml-cpp says what its
// parser did not find ("end of sequence not found", "illegal map value"), at
// the token where it gave up; these say what in the text is wrong and where
// to fix it (the spaces at the start of a line, a missing space after a
// colon, a bracket never closed), and show the line with a caret under it.
#include <optional>
#include <string>
#include <vector>

#include "pocsim/scenario/diagnostics.hpp"

namespace pocsim::scenario {

struct SyntaxError {
  int line;    // 1-based, where the fix is
  int column;  // 1-based
  std::string message;
  // Whether the line is indented unlike its siblings, so that its key path
  // is the one it has once re-indented (intended_indent).
  bool misindented = false;
};

// The explanation of yaml-cpp's message `parser_message`, raised at `line`
// and `column` (1-based) of the text split into `lines`.
SyntaxError explain_syntax_error(const std::vector<std::string>& lines,
                                 const std::string& parser_message, int line, int column);

// The column (0-based) a misindented line most likely belongs at: that of
// the key (for a key) or the dash (for a list item) above it nearest to its
// own indentation, the closest line winning a tie; nothing if none is above.
std::optional<int> intended_indent(const std::vector<std::string>& lines, int line);

// The line `line` of `lines` quoted with a caret under `column`, as
// Diagnostic::excerpt holds it; empty when there is no such line.
std::string line_excerpt(const std::vector<std::string>& lines, int line, int column);

}  // namespace pocsim::scenario
