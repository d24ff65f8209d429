// SPDX-License-Identifier: Apache-2.0
#include "pocsim/calibration/replications.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "pocsim/output/outcome_list.hpp"
#include "pocsim/simulation.hpp"

namespace pocsim::calibration {

std::uint64_t replicate_seed(const scenario::Scenario& scenario, std::size_t index) {
  return scenario.scenario.seed + static_cast<std::uint64_t>(index);
}

std::vector<ReplicateOutputs> run_replications(const scenario::Scenario& scenario,
                                               const std::shared_ptr<const world::World>& world,
                                               std::size_t first, std::size_t count,
                                               const std::function<void(std::size_t)>& done) {
  std::vector<ReplicateOutputs> outputs(count);
  // One replicate per task: a run takes seconds, so scheduling costs nothing,
  // and the serial path inside keeps the threads busy with whole runs rather
  // than with the fine-grained loops of a single run.
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, count, 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t k = range.begin(); k != range.end(); ++k) {
          const std::size_t index = first + k;
          scenario::Scenario replicate = scenario;
          replicate.scenario.seed = replicate_seed(scenario, index);
          Simulation simulation(replicate, world, ExecutionMode::serial);
          simulation.run();
          outputs[k] = {index, replicate.scenario.seed, collect_outcomes(simulation.result())};
          if (done) done(index);
        }
      },
      tbb::simple_partitioner());
  return outputs;
}

}  // namespace pocsim::calibration
