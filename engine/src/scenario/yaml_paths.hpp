// SPDX-License-Identifier: Apache-2.0
#pragma once
// Finding the key path of a line in block-style YAML text, for errors that
// come before there is a node tree to ask (syntax errors, tabs).
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "pocsim/scenario/diagnostics.hpp"

namespace pocsim::scenario {

struct TextPosition {
  int line;    // 1-based
  int column;  // 1-based
};

std::optional<TextPosition> first_tab_indent(const std::string& text);

// The dotted key path that encloses `line` (1-based), judged by indentation:
// "factions.JNIM.units", list items named as in list_paths.hpp. "(document)"
// when no key encloses it.
std::string key_path_at_line(const std::string& text, int line);

// Parses a YAML document, reporting a tab in the indentation or a syntax
// error at its line with the key path around it; nothing on failure.
std::optional<YAML::Node> parse_yaml_document(const std::string& text, const std::string& file,
                                              Diagnostics& diagnostics);

// The same for a whole input file, where an empty document is an error too:
// "the file is empty; " + `what_it_needs`, at its first line.
std::optional<YAML::Node> parse_input_document(const std::string& text, const std::string& file,
                                               Diagnostics& diagnostics,
                                               const std::string& what_it_needs);

}  // namespace pocsim::scenario
