// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/number_text.hpp"

#include <charconv>
#include <cmath>

namespace pocsim::sweep {

std::string number_text(double value) {
  if (std::isnan(value)) return "";
  if (value == 0.0) return "0";  // also -0
  char buf[64];
  const bool whole = std::fabs(value) < 1e15 && value == std::round(value);
  const auto [end, ec] = whole ? std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value))
                               : std::to_chars(buf, buf + sizeof buf, value);
  return ec == std::errc{} ? std::string(buf, end) : std::string();
}

std::string count_text(std::uint64_t count) {
  const std::string digits = std::to_string(count);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string count_text(double count) {
  if (!(count >= 0.0 && count < 18446744073709551616.0)) return number_text(count);
  return count_text(static_cast<std::uint64_t>(count));
}

}  // namespace pocsim::sweep
