// SPDX-License-Identifier: Apache-2.0
#include "json_location.hpp"

#include <cctype>

namespace pocsim::world {

namespace {

std::size_t skip_json_space(const std::string& text, std::size_t pos) {
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  return pos;
}

// `pos` is at the opening quote; returns the position after the closing one.
std::size_t skip_json_string(const std::string& text, std::size_t pos) {
  for (++pos; pos < text.size() && text[pos] != '"'; ++pos)
    if (text[pos] == '\\') ++pos;
  return pos + 1;
}

std::size_t skip_json_value(const std::string& text, std::size_t pos) {
  if (pos >= text.size()) return pos;
  if (text[pos] == '"') return skip_json_string(text, pos);
  if (text[pos] == '{' || text[pos] == '[') {
    int depth = 0;
    while (pos < text.size()) {
      const char c = text[pos];
      if (c == '"') {
        pos = skip_json_string(text, pos);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if ((c == '}' || c == ']') && --depth == 0) return pos + 1;
      ++pos;
    }
    return pos;
  }
  while (pos < text.size() && text[pos] != ',' && text[pos] != '}' && text[pos] != ']' &&
         !std::isspace(static_cast<unsigned char>(text[pos])))
    ++pos;
  return pos;
}

// The start of the member `key` of the object at `pos`, or npos.
std::size_t json_member(const std::string& text, std::size_t pos, const std::string& key) {
  pos = skip_json_space(text, pos + 1);
  while (pos < text.size() && text[pos] == '"') {
    const std::size_t end = skip_json_string(text, pos);
    const std::string name = text.substr(pos + 1, end - pos - 2);
    pos = skip_json_space(text, end);
    if (pos >= text.size() || text[pos] != ':') return std::string::npos;
    pos = skip_json_space(text, pos + 1);
    if (name == key) return pos;
    pos = skip_json_space(text, skip_json_value(text, pos));
    if (pos >= text.size() || text[pos] != ',') return std::string::npos;
    pos = skip_json_space(text, pos + 1);
  }
  return std::string::npos;
}

// The start of element `index` of the array at `pos`, or npos.
std::size_t json_element(const std::string& text, std::size_t pos, std::size_t index) {
  pos = skip_json_space(text, pos + 1);
  for (std::size_t i = 0; pos < text.size() && text[pos] != ']'; ++i) {
    if (i == index) return pos;
    pos = skip_json_space(text, skip_json_value(text, pos));
    if (pos >= text.size() || text[pos] != ',') return std::string::npos;
    pos = skip_json_space(text, pos + 1);
  }
  return std::string::npos;
}

}  // namespace

SourceLocation location_at_byte(const std::string& file, const std::string& text,
                                std::size_t offset) {
  SourceLocation where{file, 1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++where.line;
      where.column = 1;
    } else {
      ++where.column;
    }
  }
  return where;
}

SourceLocation json_location(const std::string& file, const std::string& text,
                             const std::vector<std::string>& path) {
  std::size_t pos = skip_json_space(text, 0);
  for (const std::string& segment : path) {
    std::size_t next = std::string::npos;
    if (pos < text.size() && text[pos] == '{') {
      next = json_member(text, pos, segment);
    } else if (pos < text.size() && text[pos] == '[' && !segment.empty() &&
               std::isdigit(static_cast<unsigned char>(segment[0]))) {
      next = json_element(text, pos, std::stoul(segment));
    }
    if (next == std::string::npos) break;
    pos = next;
  }
  return location_at_byte(file, text, pos);
}

}  // namespace pocsim::world
