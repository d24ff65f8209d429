// SPDX-License-Identifier: Apache-2.0
#pragma once
// Text forms of scenario values shared by the loader and the printer, so that
// what `pocsim show` prints reads back to the same value.
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace pocsim::scenario {

std::string format_number(double value);

// "between 1 and 100", "at least 0", "at most 5" or "" for an unbounded range.
std::string range_text(double min, double max, bool integer);

template <class Int>
std::optional<Int> parse_integer(std::string_view text) {
  Int out{};
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, out);
  if (ec != std::errc{} || ptr != end) return std::nullopt;
  return out;
}

std::optional<double> parse_number(std::string_view text);
std::optional<bool> parse_bool(std::string_view text);

}  // namespace pocsim::scenario
