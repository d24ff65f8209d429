#include "yaml_paths.hpp"

#include <sstream>
#include <vector>

namespace pocsim::scenario {

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

struct LineShape {
  bool blank = true;
  int indent = 0;           // column of the first non-space character
  bool item = false;        // starts with "- "
  int item_indent = 0;      // column of the key after "- "
  std::string key;          // "key" of "key:" if the line has one
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

}  // namespace

std::optional<TextPosition> first_tab_indent(const std::string& text) {
  const std::vector<std::string> lines = split_lines(text);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string& line = lines[n];
    for (std::size_t i = 0; i < line.size() && (line[i] == ' ' || line[i] == '\t'); ++i)
      if (line[i] == '\t' && line.find_first_not_of(" \t") != std::string::npos)
        return TextPosition{static_cast<int>(n) + 1, static_cast<int>(i) + 1};
  }
  return std::nullopt;
}

std::string key_path_at_line(const std::string& text, int line) {
  const std::vector<std::string> lines = split_lines(text);
  std::vector<std::string> parts;
  int limit = 1 << 30;  // only lines indented less than this can enclose
  auto index_of_item = [&](int at, int indent) {
    int count = 0;
    for (int k = at - 1; k >= 0; --k) {
      const LineShape s = shape_of(lines[k]);
      if (s.blank) continue;
      if (s.indent < indent) break;
      if (s.indent == indent && s.item) ++count;
    }
    return count;
  };
  for (int n = std::min<int>(line, static_cast<int>(lines.size())) - 1; n >= 0; --n) {
    const LineShape s = shape_of(lines[n]);
    if (s.blank) continue;
    const bool first = n == line - 1;
    if (!s.key.empty() && (first || s.item_indent < limit)) {
      parts.insert(parts.begin(), s.key);
      limit = s.item_indent;
    }
    if (s.item && s.indent < limit) {
      parts.insert(parts.begin(), std::to_string(index_of_item(n, s.indent)));
      limit = s.indent;
    } else if (s.key.empty() && !first) {
      limit = std::min(limit, s.indent);
    }
    if (limit == 0) break;
  }
  if (parts.empty()) return "(document)";
  std::string path;
  for (const std::string& p : parts) path += (path.empty() ? "" : ".") + p;
  return path;
}

}  // namespace pocsim::scenario
