// SPDX-License-Identifier: Apache-2.0
#pragma once
// YAML syntax errors in words a student understands: yaml-cpp says what its
// parser did not find ("end of sequence not found", "illegal map value"), at
// the token where it gave up; these say what in the text is wrong and where
// to fix it (the spaces at the start of a line, a missing space after a
// colon, a bracket never closed), and show the line with a caret under it.
#include <string>
#include <vector>

#include "pocsim/scenario/diagnostics.hpp"

namespace pocsim::scenario {

struct SyntaxError {
  int line;    // 1-based, where the fix is
  int column;  // 1-based
  std::string message;
  // A line indented too far belongs beside this line (1-based), which gives
  // its key path; 0 when the line's own indentation gives it.
  int sibling_of = 0;
};

// The explanation of yaml-cpp's message `parser_message`, raised at `line`
// and `column` (1-based) of the text split into `lines`.
SyntaxError explain_syntax_error(const std::vector<std::string>& lines,
                                 const std::string& parser_message, int line, int column);

// The line `line` of `lines` quoted with a caret under `column`, as
// Diagnostic::excerpt holds it; empty when there is no such line.
std::string line_excerpt(const std::vector<std::string>& lines, int line, int column);

}  // namespace pocsim::scenario
