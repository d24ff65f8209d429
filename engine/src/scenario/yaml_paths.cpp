// SPDX-License-Identifier: Apache-2.0
#include "yaml_paths.hpp"

#include "list_paths.hpp"
#include "syntax_errors.hpp"

#include <sstream>
#include <vector>

namespace pocsim::scenario {

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    // A file saved with Windows line ends must give the same keys.
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

struct LineShape {
  bool blank = true;
  int indent = 0;       // column of the first non-space character
  bool item = false;    // starts with "- "
  int item_indent = 0;  // column of the key after "- "
  std::string key;      // "key" of "key:" if the line has one
};

LineShape shape_of(const std::string& line) {
  LineShape s;
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string::npos || line[i] == '#') return s;
  s.blank = false;
  s.indent = static_cast<int>(i);
  s.item_indent = s.indent;
  if (line[i] == '-' && (i + 1 == line.size() || line[i + 1] == ' ')) {
    s.item = true;
    i = line.find_first_not_of(' ', i + 1);
    if (i == std::string::npos) return s;
    s.item_indent = static_cast<int>(i);
  }
  const std::size_t colon = line.find(':', i);
  if (colon != std::string::npos && (colon + 1 == line.size() || line[colon + 1] == ' ')) {
    std::string key = line.substr(i, colon - i);
    if (!key.empty() && key.find_first_of("{[\"'#") == std::string::npos) s.key = key;
  }
  return s;
}

// Whether the line ends in a block scalar header (`key: |`, `- >-`), so that
// the lines indented under it are text, in which a tab is an ordinary character.
bool starts_block_scalar(const std::string& line) {
  std::string code = line.substr(0, line.find(" #"));
  code.erase(code.find_last_not_of(" \t") + 1);
  const std::size_t space = code.find_last_of(' ');
  if (space == std::string::npos) return false;
  const std::string header = code.substr(space + 1);
  const std::size_t before = code.find_last_not_of(' ', space);
  return !header.empty() && (header[0] == '|' || header[0] == '>') &&
         header.find_first_not_of("0123456789+-", 1) == std::string::npos &&
         before != std::string::npos && (code[before] == ':' || code[before] == '-');
}

// The plain text of the value after the first ': ' of a line, without a
// comment or quotes.
std::string value_after_colon(const std::string& line) {
  const std::size_t colon = line.find(": ");
  if (colon == std::string::npos) return {};
  std::string value = line.substr(colon + 2);
  if (const std::size_t comment = value.find(" #"); comment != std::string::npos)
    value.erase(comment);
  value.erase(0, value.find_first_not_of(' '));
  value.erase(value.find_last_not_of(' ') + 1);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front())
    return value.substr(1, value.size() - 2);
  // What is not a plain word here (a flow list, a second colon) is no name.
  if (value.find(": ") != std::string::npos || value.find_first_of("[]{}&*!|>") == 0) return {};
  return value;
}

// The `name:` of the list item that starts at line `at`, written in block
// style on the item's own line or at its keys' indentation; "" when none.
std::string item_name(const std::vector<std::string>& lines, int at) {
  const LineShape item = shape_of(lines[at]);
  for (int k = at; k < static_cast<int>(lines.size()); ++k) {
    const LineShape s = shape_of(lines[k]);
    if (s.blank) continue;
    if (k > at && s.indent <= item.indent) break;
    const bool own_key = k == at || (!s.item && s.indent == item.item_indent);
    if (own_key && s.key == "name") return value_after_colon(lines[k]);
  }
  return {};
}

// How a key path names the list item that starts at line `at` (list_paths.hpp):
// by its name, or by its position among the items above it at its indentation.
std::string item_key(const std::vector<std::string>& lines, int at) {
  const int indent = shape_of(lines[at]).indent;
  std::vector<int> starts{at};
  for (int k = at - 1; k >= 0; --k) {
    const LineShape s = shape_of(lines[k]);
    if (s.blank) continue;
    if (s.indent < indent) break;
    if (s.indent == indent && s.item) starts.insert(starts.begin(), k);
  }
  std::vector<std::string> names;
  for (const int start : starts) names.push_back(item_name(lines, start));
  return element_key(names, names.size() - 1);
}

}  // namespace

std::string key_path_at_line(const std::string& text, int line);

namespace {

// The key path of a syntax error's line; for a line indented unlike its
// siblings, the path it has once indented as they are.
std::string syntax_error_path(const std::string& text, const std::vector<std::string>& lines,
                              const SyntaxError& error) {
  const std::optional<int> indent =
      error.misindented ? intended_indent(lines, error.line) : std::nullopt;
  if (!indent || error.line < 1 || error.line > static_cast<int>(lines.size()))
    return key_path_at_line(text, error.line);
  std::vector<std::string> fixed = lines;
  std::string& line = fixed[error.line - 1];
  // A line of spaces alone has nothing to indent again (it crashed the
  // reader: tests/data/fuzz/places/).
  const std::size_t first = line.find_first_not_of(' ');
  if (first == std::string::npos) return key_path_at_line(text, error.line);
  line = std::string(*indent, ' ') + line.substr(first);
  std::string fixed_text;
  for (const std::string& l : fixed) fixed_text += l + "\n";
  return key_path_at_line(fixed_text, error.line);
}

}  // namespace

std::optional<TextPosition> first_tab_indent(const std::string& text) {
  const std::vector<std::string> lines = split_lines(text);
  int block_parent = -1;  // indent of the key of the block scalar being read, if any
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string& line = lines[n];
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) continue;  // YAML ignores tabs on blank lines
    const std::size_t spaces = line.find_first_not_of(' ');
    if (block_parent >= 0 && static_cast<int>(spaces) > block_parent) continue;
    block_parent = -1;
    if (line[first] == '#') continue;  // YAML allows tabs before a comment
    if (spaces < first) return TextPosition{static_cast<int>(n) + 1, static_cast<int>(spaces) + 1};
    if (starts_block_scalar(line)) {
      // The text is indented under the key, or under the dash of `- |`.
      const LineShape shape = shape_of(line);
      block_parent = shape.key.empty() ? shape.indent : shape.item_indent;
    }
  }
  return std::nullopt;
}

std::string key_path_at_line(const std::string& text, int line) {
  const std::vector<std::string> lines = split_lines(text);
  std::vector<std::string> parts;
  int limit = 1 << 30;  // only lines indented less than this can enclose
  for (int n = std::min<int>(line, static_cast<int>(lines.size())) - 1; n >= 0; --n) {
    const LineShape s = shape_of(lines[n]);
    if (s.blank) continue;
    const bool first = n == line - 1;
    if (!s.key.empty() && (first || s.item_indent < limit)) {
      parts.insert(parts.begin(), s.key);
      limit = s.item_indent;
    }
    if (s.item && s.indent < limit) {
      parts.insert(parts.begin(), item_key(lines, n));
      limit = s.indent;
    } else if (s.key.empty()) {
      limit = std::min(limit, s.indent);
    }
    if (limit == 0) break;
  }
  if (parts.empty()) return "(document)";
  std::string path;
  for (const std::string& p : parts) path += (path.empty() ? "" : ".") + p;
  return path;
}

std::optional<YAML::Node> parse_yaml_document(const std::string& text, const std::string& file,
                                              Diagnostics& diagnostics) {
  if (const auto tab = first_tab_indent(text)) {
    diagnostics.error({file, tab->line, tab->column}, key_path_at_line(text, tab->line),
                      "tab character in indentation; YAML indents with spaces",
                      line_excerpt(split_lines(text), tab->line, tab->column));
    return std::nullopt;
  }
  try {
    return YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    const std::vector<std::string> lines = split_lines(text);
    const SyntaxError error =
        explain_syntax_error(lines, e.msg, e.mark.line + 1, e.mark.column + 1);
    diagnostics.error({file, error.line, error.column}, syntax_error_path(text, lines, error),
                      error.message, line_excerpt(lines, error.line, error.column));
    return std::nullopt;
  }
}

std::optional<YAML::Node> parse_input_document(const std::string& text, const std::string& file,
                                               Diagnostics& diagnostics,
                                               const std::string& what_it_needs) {
  std::optional<YAML::Node> parsed = parse_yaml_document(text, file, diagnostics);
  if (parsed && parsed->IsNull()) {
    diagnostics.error({file, 1, 1}, "(document)", "the file is empty; " + what_it_needs);
    return std::nullopt;
  }
  return parsed;
}

}  // namespace pocsim::scenario
