// SPDX-License-Identifier: Apache-2.0
#include "pocsim/core/agent_blocks.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>

#include "pocsim/core/rng.hpp"

namespace pocsim {

// The bulk blocks are the draws one at a time would be, for every agent of
// runs that end anywhere in a group of eight, drawn again for a shorter run
// after a longer one.
TEST(AgentBlocks, GiveTheUniformsOfTheirCounters) {
  const CounterRng rng(20220101);
  AgentBlocks blocks;
  for (std::size_t agents : {41u, 0u, 1u, 7u, 8u, 9u, 16u, 23u}) {
    for (std::uint32_t k : {0u, 1u}) {
      blocks.draw(rng, Purpose::violence_onset, agents, 4321, k);
      for (std::size_t a = 0; a < agents; ++a) {
        const auto agent = static_cast<std::uint32_t>(a);
        ASSERT_EQ(blocks.uniform(a), rng.uniform(Purpose::violence_onset, agent, 4321, k))
            << agents << " agents, agent " << a << ", k " << k;
        const std::array<double, 2> two = blocks.uniform2(a);
        ASSERT_EQ(two, rng.uniform2(Purpose::violence_onset, agent, 4321, k))
            << agents << " agents, agent " << a << ", k " << k;
      }
    }
  }
}

}  // namespace pocsim
