// SPDX-License-Identifier: Apache-2.0
#pragma once
// Which parameter sets of a weighted posterior a sweep runs: K draws by
// systematic resampling (Kitagawa 1996). One uniform u from the sweep seed
// (Purpose::posterior_draws) places K points (u + k) / K, k = 0 .. K - 1, on
// [0, 1); draw k is the particle whose slice of the cumulative weights holds
// point k. Every particle is drawn floor(K w) or ceil(K w) times, and with
// probability K w - floor(K w) the extra time, so the draws follow the
// weights with less spread than independent draws would, while each is still
// a draw from the posterior.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace pocsim::sweep {

// The indices (into `weights`) of `draws` draws, in increasing order. The
// weights are >= 0 and sum to 1 (within rounding; the last particle with a
// weight above 0 takes what rounding leaves). Depends only on the weights,
// `draws` and `seed`. Throws std::invalid_argument for no weight above 0 or
// draws = 0.
std::vector<std::size_t> systematic_draws(std::span<const double> weights, std::size_t draws,
                                          std::uint64_t seed);

}  // namespace pocsim::sweep
