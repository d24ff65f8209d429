// SPDX-License-Identifier: Apache-2.0
#include "pocsim/scenario/value_text.hpp"

#include <cmath>

namespace pocsim::scenario {

std::string format_number(double value) {
  char buf[400];
  // Plain decimals read best in a scenario (0.0005, not 5e-04); both forms
  // are the shortest that reads back to the same double.
  const double magnitude = std::fabs(value);
  const bool plain = magnitude == 0.0 || (magnitude >= 1e-6 && magnitude < 1e15);
  const auto [end, ec] = plain
                             ? std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed)
                             : std::to_chars(buf, buf + sizeof buf, value);
  std::string text(buf, ec == std::errc{} ? end : buf);
  // Keep a decimal point so that the printed value reads back as a number
  // even where an integer would also be accepted.
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  return text;
}

std::string range_text(double min, double max, bool integer) {
  auto num = [&](double v) {
    return integer ? std::to_string(static_cast<long long>(v)) : format_number(v);
  };
  const bool has_min = min > -1e300, has_max = max < 1e300;
  if (has_min && has_max) return "between " + num(min) + " and " + num(max);
  if (has_min) return "at least " + num(min);
  if (has_max) return "at most " + num(max);
  return "";
}

std::optional<double> parse_number(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double out = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, out);
  if (ec != std::errc{} || ptr != end || !std::isfinite(out)) return std::nullopt;
  return out;
}

std::optional<bool> parse_bool(std::string_view text) {
  if (text == "true" || text == "yes" || text == "on") return true;
  if (text == "false" || text == "no" || text == "off") return false;
  return std::nullopt;
}

}  // namespace pocsim::scenario
