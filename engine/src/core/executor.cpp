// SPDX-License-Identifier: Apache-2.0
#include "pocsim/core/executor.hpp"

#include <tbb/parallel_for.h>

namespace pocsim {

void Executor::parallel_for_blocks(std::size_t blocks,
                                   const std::function<void(std::size_t)>& run) {
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) { run(b); });
}

}  // namespace pocsim
