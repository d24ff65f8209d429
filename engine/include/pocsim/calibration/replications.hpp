// SPDX-License-Identifier: Apache-2.0
#pragma once
// Replications of one scenario that differ only in their seed, run in
// parallel over replications on TBB (each replication on the serial path),
// for estimates over the model's randomness. Results are kept by replicate
// index, so they are the same for any number of worker threads.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pocsim/output/outcomes.hpp"
#include "pocsim/scenario/scenario.hpp"
#include "pocsim/world/world.hpp"

namespace pocsim::calibration {

// The seed of replicate `index`: the scenario's seed plus the index, so that
// replicate 0 is the run `pocsim run` makes of the same scenario.
std::uint64_t replicate_seed(const scenario::Scenario& scenario, std::size_t index);

struct ReplicateOutputs {
  std::size_t index = 0;
  std::uint64_t seed = 0;
  Outcomes outcomes;  // what `pocsim run` writes its files from
};

// Runs replicates first .. first + count - 1 of the scenario on the world
// built from it (the world does not depend on the seed, so all share it), on
// as many threads as the current TBB limit allows. `done(index)` is called
// after each replicate finishes, from the thread that ran it. Element k of the
// result is replicate first + k. An exception in any replicate propagates.
std::vector<ReplicateOutputs> run_replications(const scenario::Scenario& scenario,
                                               const std::shared_ptr<const world::World>& world,
                                               std::size_t first, std::size_t count,
                                               const std::function<void(std::size_t)>& done = {});

}  // namespace pocsim::calibration
