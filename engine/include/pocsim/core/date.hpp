// SPDX-License-Identifier: Apache-2.0
#pragma once
// Calendar dates as days since 1970-01-01 (proleptic Gregorian), enough for
// scenario dates, withdrawals and ACLED-style event dates.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pocsim {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  // Parses exactly YYYY-MM-DD and rejects impossible days (2022-02-30).
  static std::optional<Date> parse(std::string_view text);
  static Date from_days(std::int64_t days_since_epoch);

  std::int64_t days_since_epoch() const;
  std::string to_string() const;
  Date plus_days(std::int64_t days) const { return from_days(days_since_epoch() + days); }

  friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace pocsim
