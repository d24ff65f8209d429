// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs a loop over fixed blocks of indices, either serially (the reference
// path) or on TBB. Block boundaries depend only on the size and the block
// length, never on the thread count, so per-block partial results combined in
// block order are identical on both paths.
#include <cstddef>
#include <functional>

namespace pocsim {

enum class ExecutionMode { serial, parallel };

class Executor {
 public:
  static constexpr std::size_t default_block = 16384;

  explicit Executor(ExecutionMode mode = ExecutionMode::parallel) : mode_(mode) {}

  ExecutionMode mode() const { return mode_; }

  static std::size_t block_count(std::size_t n, std::size_t block = default_block) {
    return (n + block - 1) / block;
  }

  // Calls body(block_index, begin, end) once for every block.
  template <class Body>
  void for_blocks(std::size_t n, Body&& body, std::size_t block = default_block) const {
    const std::size_t blocks = block_count(n, block);
    auto run = [&](std::size_t b) {
      const std::size_t begin = b * block;
      const std::size_t end = begin + block < n ? begin + block : n;
      body(b, begin, end);
    };
    if (mode_ == ExecutionMode::serial || blocks <= 1) {
      for (std::size_t b = 0; b < blocks; ++b) run(b);
    } else {
      parallel_for_blocks(blocks, run);
    }
  }

 private:
  static void parallel_for_blocks(std::size_t blocks, const std::function<void(std::size_t)>& run);
  ExecutionMode mode_;
};

}  // namespace pocsim
