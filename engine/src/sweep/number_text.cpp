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

}  // namespace pocsim::sweep
