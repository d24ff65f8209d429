// SPDX-License-Identifier: Apache-2.0
#include "pocsim/core/date.hpp"

#include <gtest/gtest.h>

namespace pocsim {

TEST(Date, ParsesValidDatesAndRejectsImpossibleOnes) {
  ASSERT_TRUE(Date::parse("2022-03-27"));
  EXPECT_EQ(Date::parse("2022-03-27")->day, 27);
  EXPECT_TRUE(Date::parse("2024-02-29"));
  EXPECT_FALSE(Date::parse("2022-02-29"));
  EXPECT_FALSE(Date::parse("2022-13-01"));
  EXPECT_FALSE(Date::parse("2022-1-01"));
  EXPECT_FALSE(Date::parse("27/03/2022"));
  EXPECT_FALSE(Date::parse(""));
}

TEST(Date, DayCountsRoundTripAcrossYears) {
  EXPECT_EQ(Date::parse("1970-01-01")->days_since_epoch(), 0);
  const Date start = *Date::parse("2022-01-01");
  EXPECT_EQ(start.plus_days(364).to_string(), "2022-12-31");
  EXPECT_EQ(start.plus_days(365).to_string(), "2023-01-01");
  EXPECT_EQ(Date::parse("2022-03-31")->days_since_epoch() - start.days_since_epoch(), 89);
  for (std::int64_t d = -1000; d < 30000; d += 37)
    EXPECT_EQ(Date::from_days(d).days_since_epoch(), d);
}

}  // namespace pocsim
