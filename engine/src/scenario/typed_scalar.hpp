// SPDX-License-Identifier: Apache-2.0
#pragma once
// A scalar's text as a typed value, its range checked: the one conversion
// behind every input file's values (the describe()-driven reader of scenarios,
// and the readers of sweep, targets and places files), so that a bad value
// is reported in the same words wherever it is written.
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "pocsim/core/date.hpp"
#include "pocsim/scenario/diagnostics.hpp"
#include "pocsim/scenario/spec.hpp"
#include "pocsim/scenario/value_text.hpp"

namespace pocsim::scenario {

// Reads `text` into `out`. Returns the error message, or an empty string when
// the value was read. Enums are read by their names, which a function
// `std::span<const std::string_view> enum_names(E)` beside the enum gives.
template <class T>
std::string parse_scalar(const std::string& text, T& out, const Spec& spec = {}) {
  if constexpr (std::is_same_v<T, bool>) {
    if (auto b = parse_bool(text)) {
      out = *b;
      return {};
    }
    return "expected true or false, got '" + text + "'";
  } else if constexpr (std::is_integral_v<T>) {
    auto v = parse_integer<T>(text);
    if (!v)
      return std::string(std::is_signed_v<T> ? "expected a whole number"
                                             : "expected a non-negative whole number") +
             ", got '" + text + "'";
    if (static_cast<double>(*v) < spec.min || static_cast<double>(*v) > spec.max)
      return "must be " + range_text(spec.min, spec.max, true) + ", got " + text;
    out = *v;
    return {};
  } else if constexpr (std::is_floating_point_v<T>) {
    auto v = parse_number(text);
    if (!v) return "expected a number, got '" + text + "'";
    if (*v < spec.min || *v > spec.max)
      return "must be " + range_text(spec.min, spec.max, false) + ", got " + text;
    out = *v;
    return {};
  } else if constexpr (std::is_same_v<T, std::string>) {
    out = text;
    return {};
  } else if constexpr (std::is_same_v<T, Date>) {
    if (auto d = Date::parse(text)) {
      out = *d;
      return {};
    }
    return "expected a calendar date YYYY-MM-DD, got '" + text + "'";
  } else if constexpr (std::is_enum_v<T>) {
    const auto names = enum_names(T{});
    std::vector<std::string> candidates(names.begin(), names.end());
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == text) {
        out = static_cast<T>(i);
        return {};
      }
    std::string message = "'" + text + "' is not one of:";
    for (const auto& n : names) message += " " + std::string(n);
    return message + did_you_mean(text, candidates);
  } else {
    static_assert(sizeof(T) == 0, "no reader for this value type");
  }
}

}  // namespace pocsim::scenario
