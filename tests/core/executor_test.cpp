// SPDX-License-Identifier: Apache-2.0
#include "pocsim/core/executor.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "pocsim/core/scheduler.hpp"

namespace pocsim {

TEST(Executor, VisitsEveryIndexOnceInTheSameBlocksOnBothPaths) {
  for (ExecutionMode mode : {ExecutionMode::serial, ExecutionMode::parallel}) {
    const Executor ex(mode);
    const std::size_t n = 100003;
    std::vector<int> seen(n, 0);
    std::vector<std::pair<std::size_t, std::size_t>> blocks(Executor::block_count(n, 1000));
    ex.for_blocks(
        n,
        [&](std::size_t b, std::size_t begin, std::size_t end) {
          blocks[b] = {begin, end};
          for (std::size_t i = begin; i < end; ++i) ++seen[i];
        },
        1000);
    EXPECT_EQ(std::accumulate(seen.begin(), seen.end(), 0), static_cast<int>(n));
    EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](int s) { return s == 1; }));
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      EXPECT_EQ(blocks[b].first, b * 1000);
      EXPECT_EQ(blocks[b].second, std::min(n, (b + 1) * 1000));
    }
  }
}

TEST(Scheduler, RunsPhasesInOrderAtTheirCadence) {
  Scheduler s;
  std::vector<std::pair<char, std::uint32_t>> log;
  s.add_phase("hourly", 1, [&](const TickInfo& t) { log.emplace_back('h', t.tick); });
  s.add_phase("daily", 24, [&](const TickInfo& t) { log.emplace_back('d', t.day()); });
  for (std::uint32_t t = 0; t < 48; ++t) s.run_tick({t, 24});
  ASSERT_EQ(log.size(), 50u);
  EXPECT_EQ(log[23], std::make_pair('h', 23u));
  EXPECT_EQ(log[24], std::make_pair('d', 0u));  // day 0 closes after its last hour
  EXPECT_EQ(log[25], std::make_pair('h', 24u));
  EXPECT_EQ(log.back(), std::make_pair('d', 1u));
  EXPECT_EQ(s.phase_names(), (std::vector<std::string>{"hourly", "daily"}));
}

}  // namespace pocsim
