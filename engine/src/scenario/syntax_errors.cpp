// SPDX-License-Identifier: Apache-2.0
#include "syntax_errors.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

namespace pocsim::scenario {

namespace {

bool blank_or_comment(const std::string& line) {
  const std::size_t first = line.find_first_not_of(' ');
  return first == std::string::npos || line[first] == '#';
}

int leading_spaces(const std::string& line) {
  const std::size_t first = line.find_first_not_of(' ');
  return first == std::string::npos ? static_cast<int>(line.size()) : static_cast<int>(first);
}

// Where the content of a line starts, after a list item's "- ": the column
// that the keys of the same mapping share.
int content_start(const std::string& line) {
  std::size_t at = line.find_first_not_of(' ');
  while (at != std::string::npos && line[at] == '-' && at + 1 < line.size() && line[at + 1] == ' ')
    at = line.find_first_not_of(' ', at + 1);
  return at == std::string::npos ? static_cast<int>(line.size()) : static_cast<int>(at);
}

// The nearest line above `line` (1-based) with something on it; 0 if none.
int line_above(const std::vector<std::string>& lines, int line) {
  for (int k = line - 1; k >= 1; --k)
    if (!blank_or_comment(lines[k - 1])) return k;
  return 0;
}

std::string count_of_spaces(int n) { return std::to_string(n) + (n == 1 ? " space" : " spaces"); }

// The column (0-based) right after the colon of `key:value` written without
// the space YAML needs, which makes it one word; nothing when the line has no such key.
std::optional<int> colon_without_space(const std::string& line) {
  std::size_t at = static_cast<std::size_t>(content_start(line));
  if (at >= line.size() || !std::isalpha(static_cast<unsigned char>(line[at]))) return std::nullopt;
  while (at < line.size() &&
         (std::isalnum(static_cast<unsigned char>(line[at])) || line[at] == '_' || line[at] == ' '))
    ++at;
  if (at + 1 >= line.size() || line[at] != ':') return std::nullopt;
  const char next = line[at + 1];
  if (next == ' ' || next == ':' || next == '/') return std::nullopt;
  return static_cast<int>(at) + 1;
}

// The last '[' or '{' before (line, column) that no bracket closes, outside
// quotes and comments: {line, column}, both 1-based.
std::optional<std::pair<int, int>> unclosed_bracket(const std::vector<std::string>& lines, int line,
                                                    int column) {
  std::vector<std::pair<int, int>> open;
  char quote = 0;
  for (int n = 1; n <= line && n <= static_cast<int>(lines.size()); ++n) {
    const std::string& text = lines[n - 1];
    const int end = n == line ? std::min<int>(column - 1, static_cast<int>(text.size()))
                              : static_cast<int>(text.size());
    for (int c = 0; c < end; ++c) {
      const char ch = text[c];
      if (quote) {
        if (ch == quote) quote = 0;
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '#' && (c == 0 || text[c - 1] == ' ')) {
        break;
      } else if (ch == '[' || ch == '{') {
        open.emplace_back(n, c + 1);
      } else if ((ch == ']' || ch == '}') && !open.empty()) {
        open.pop_back();
      }
    }
  }
  if (open.empty()) return std::nullopt;
  return open.back();
}

// Whether a line ends in a key or a dash whose value comes on the lines
// below it, indented more (`factions:`, `- `).
bool opens_block(const std::string& line) {
  std::string code = line.substr(0, line.find(" #"));
  code.erase(code.find_last_not_of(' ') + 1);
  return !code.empty() && (code.back() == ':' || code.back() == '-');
}

SyntaxError indentation_error(const std::vector<std::string>& lines, int line,
                              const std::string& what) {
  const int above = line_above(lines, line);
  const std::string& text = lines[line - 1];
  std::string message = "the lines of this " + what + " are not indented alike: line " +
                        std::to_string(line) + " starts after " +
                        count_of_spaces(leading_spaces(text));
  // A list item lines up with the dash of the item above, a key with the
  // key above (after its dash, if it is an item's first key).
  const bool item = text.compare(static_cast<std::size_t>(leading_spaces(text)), 2, "- ") == 0;
  if (above > 0)
    message +=
        ", line " + std::to_string(above) + " after " +
        count_of_spaces(item ? leading_spaces(lines[above - 1]) : content_start(lines[above - 1]));
  message += "; check the spaces at the start of line " + std::to_string(line);
  return {line, leading_spaces(text) + 1, message, true};
}

}  // namespace

SyntaxError explain_syntax_error(const std::vector<std::string>& lines,
                                 const std::string& parser_message, int line, int column) {
  const std::string said = " (the YAML parser said: " + parser_message + ")";
  auto plain = [&](SyntaxError e) {
    e.message = "YAML syntax error: " + e.message + said;
    return e;
  };
  if (parser_message == "end of sequence flow not found" ||
      parser_message == "end of map flow not found") {
    // Often raised at the end of the file, past its last line.
    const bool list = parser_message.starts_with("end of sequence");
    if (const auto open = unclosed_bracket(lines, line, column))
      return plain({open->first, open->second,
                    std::string("the ") +
                        (list ? "list opened with '['" : "mapping opened with '{'") + " on line " +
                        std::to_string(open->first) + " is not closed: add '" + (list ? "]" : "}") +
                        "' at its end"});
  }
  if (line < 1 || line > static_cast<int>(lines.size()))
    return {line, column, "YAML syntax error: " + parser_message};
  const std::string& text = lines[line - 1];
  if (parser_message == "end of sequence not found")
    return plain(indentation_error(lines, line, "list"));
  if (parser_message == "end of map not found")
    return plain(indentation_error(lines, line, "section"));
  if (parser_message == "illegal flow end")
    return plain({line, column,
                  "a ']' or '}' on line " + std::to_string(line) +
                      " closes no bracket: remove it, or add the bracket it should close"});
  if (parser_message == "illegal EOF in scalar")
    return plain({line, column, "a quoted value is not closed: add its closing quote"});
  if (parser_message == "illegal map value") {
    const int above = line_above(lines, line);
    if (above > 0)
      if (const auto colon = colon_without_space(lines[above - 1]))
        return plain({above, *colon + 1,
                      "missing space after ':' on line " + std::to_string(above) +
                          ": YAML reads 'key:value' as one word; write 'key: value'"});
    if (above > 0 && !opens_block(lines[above - 1]) &&
        leading_spaces(text) > content_start(lines[above - 1]))
      return plain({line, leading_spaces(text) + 1,
                    "line " + std::to_string(line) + " starts after " +
                        count_of_spaces(leading_spaces(text)) + ", more than line " +
                        std::to_string(above) + " (" +
                        count_of_spaces(content_start(lines[above - 1])) +
                        "), so it reads as part of that line's value; check the spaces at the "
                        "start of line " +
                        std::to_string(line),
                    true});
    return plain({line, column,
                  "a second ': ' on line " + std::to_string(line) +
                      ": a value that contains ': ' must be written in quotes"});
  }
  if (parser_message == "illegal block entry")
    return plain({line, column,
                  "a list item ('- ') where YAML expects a key or a value: check the spaces at "
                  "the start of line " +
                      std::to_string(line)});
  return {line, column, "YAML syntax error: " + parser_message};
}

std::optional<int> intended_indent(const std::vector<std::string>& lines, int line) {
  if (line < 1 || line > static_cast<int>(lines.size())) return std::nullopt;
  const auto is_item = [](const std::string& text) {
    return text.compare(static_cast<std::size_t>(leading_spaces(text)), 2, "- ") == 0;
  };
  const std::string& text = lines[line - 1];
  const bool item = is_item(text);
  const int own = leading_spaces(text);
  std::optional<int> best;
  for (int k = line - 1; k >= 1; --k) {
    const std::string& above = lines[k - 1];
    if (blank_or_comment(above)) continue;
    int column = -1;
    if (item && is_item(above))
      column = leading_spaces(above);
    else if (!item && above.find(':') != std::string::npos)
      column = content_start(above);
    if (column >= 0 && (!best || std::abs(column - own) < std::abs(*best - own))) best = column;
  }
  return best;
}

std::string line_excerpt(const std::vector<std::string>& lines, int line, int column) {
  if (line < 1 || line > static_cast<int>(lines.size())) return {};
  const std::string& text = lines[line - 1];
  const std::string number = std::to_string(line);
  const std::size_t width = std::max<std::size_t>(5, number.size());
  // Tabs stay tabs under the line, so that the caret lines up with it.
  std::string under;
  for (int c = 0; c + 1 < column && c < static_cast<int>(text.size()); ++c)
    under += text[c] == '\t' ? '\t' : ' ';
  // Appended piece by piece: GCC 12 warns (-Wrestrict) about a chain of '+'.
  std::string out(1 + width - number.size(), ' ');
  out += number;
  out += " | ";
  out += text;
  out += "\n ";
  out.append(width, ' ');
  out += " | ";
  out += under;
  out += "^\n";
  return out;
}

}  // namespace pocsim::scenario
