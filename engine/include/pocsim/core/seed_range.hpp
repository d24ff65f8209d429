// SPDX-License-Identifier: Apache-2.0
#pragma once
// A family of runs takes the seeds first, first + 1, ..., first + count - 1
// (a sweep's replicates, `pocsim check`'s replications, a calibration's
// runs). A first seed near 2^64 would wrap to 0, 1, ...: runs that the user
// asked for as different would silently share their seeds with another
// request's, so the readers refuse such a seed instead.
#include <cstdint>
#include <limits>
#include <string>

namespace pocsim {

constexpr bool seeds_fit(std::uint64_t first, std::uint64_t count) {
  return count == 0 || first <= std::numeric_limits<std::uint64_t>::max() - (count - 1);
}

// "seed S with N runs (seeds S to S + N - 1) passes 2^64 - 1", for the
// readers' messages.
std::string seed_overflow_message(std::uint64_t first, std::uint64_t count);

}  // namespace pocsim
