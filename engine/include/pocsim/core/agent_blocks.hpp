// SPDX-License-Identifier: Apache-2.0
#pragma once
// One Philox block for each of agents 0 .. n-1 at one (purpose, step, k),
// drawn in bulk (eight per AVX2 register where the processor has them) for
// a phase that draws for most agents: one block at a time costs several
// times more (docs/performance.md). The numbers are those CounterRng's
// uniform() and uniform2() give for the same counters.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "pocsim/core/rng.hpp"

namespace pocsim {

class AgentBlocks {
 public:
  void draw(const CounterRng& rng, Purpose purpose, std::size_t agents, std::uint32_t step,
            std::uint32_t k) {
    words_.resize(4 * agents);
    rng.bits_for_agents(purpose, 0, agents, step, k, words_.data());
  }

  // CounterRng::uniform for the agent's counters.
  double uniform(std::size_t agent) const {
    return CounterRng::uniform_from_block(&words_[4 * agent]);
  }
  // CounterRng::uniform2 for the agent's counters.
  std::array<double, 2> uniform2(std::size_t agent) const {
    return {CounterRng::uniform_from_block(&words_[4 * agent]),
            CounterRng::uniform_from_block(&words_[4 * agent + 2])};
  }

 private:
  std::vector<std::uint32_t> words_;
};

}  // namespace pocsim
