// SPDX-License-Identifier: Apache-2.0
#include "pocsim/core/seed_range.hpp"

namespace pocsim {

std::string seed_overflow_message(std::uint64_t first, std::uint64_t count) {
  return "seed " + std::to_string(first) + " with " + std::to_string(count) +
         " runs would need seeds up to " + std::to_string(first) + " + " +
         std::to_string(count - 1) + ", past 18446744073709551615, and wrap to 0";
}

}  // namespace pocsim
