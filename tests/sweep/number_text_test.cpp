// SPDX-License-Identifier: Apache-2.0
// Numbers written into a sweep's tables and settings, and counts in messages.
#include "pocsim/sweep/number_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace pocsim::sweep {
namespace {

TEST(NumberText, WholeNumbersWithoutAPointOthersShortestNaNEmpty) {
  EXPECT_EQ(number_text(24.0), "24");
  EXPECT_EQ(number_text(-0.0), "0");
  EXPECT_EQ(number_text(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(number_text(1e20), "1e+20");
  EXPECT_EQ(number_text(std::nan("")), "");
}

TEST(CountText, ThousandsAreSeparated) {
  EXPECT_EQ(count_text(std::uint64_t{0}), "0");
  EXPECT_EQ(count_text(std::uint64_t{999}), "999");
  EXPECT_EQ(count_text(std::uint64_t{1000}), "1,000");
  EXPECT_EQ(count_text(std::uint64_t{1'000'001}), "1,000,001");
  EXPECT_EQ(count_text(std::uint64_t{18'446'744'073'709'551'615u}), "18,446,744,073,709,551,615");
  EXPECT_EQ(count_text(2e8), "200,000,000");
  EXPECT_EQ(count_text(1e20), "1e+20") << "beyond any 64-bit count";
}

}  // namespace
}  // namespace pocsim::sweep
