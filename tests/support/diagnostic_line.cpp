// SPDX-License-Identifier: Apache-2.0
#include "support/diagnostic_line.hpp"

#include <charconv>

namespace pocsim::test {

namespace {

std::optional<int> positive(const std::string& digits) {
  int value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || value <= 0)
    return std::nullopt;
  return value;
}

}  // namespace

std::optional<DiagnosticLine> parse_diagnostic_line(const std::string& text) {
  const std::string marker = ": error: ";
  const std::size_t at = text.find(marker);
  if (at == std::string::npos) return std::nullopt;
  const std::string where = text.substr(0, at);
  const std::size_t col_colon = where.rfind(':');
  if (col_colon == std::string::npos) return std::nullopt;
  const std::size_t line_colon = where.rfind(':', col_colon - 1);
  if (line_colon == std::string::npos || line_colon == 0) return std::nullopt;
  DiagnosticLine d;
  d.file = where.substr(0, line_colon);
  const auto line = positive(where.substr(line_colon + 1, col_colon - line_colon - 1));
  const auto column = positive(where.substr(col_colon + 1));
  const std::string rest = text.substr(at + marker.size());
  const std::size_t key_end = rest.find(": ");
  if (!line || !column || key_end == std::string::npos || key_end == 0) return std::nullopt;
  d.line = *line;
  d.column = *column;
  d.key_path = rest.substr(0, key_end);
  d.message = rest.substr(key_end + 2);
  if (d.key_path.find(':') != std::string::npos || d.key_path.front() == ' ') return std::nullopt;
  if (d.message.empty() || d.message.front() == ' ') return std::nullopt;
  return d;
}

}  // namespace pocsim::test
