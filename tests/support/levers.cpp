// SPDX-License-Identifier: Apache-2.0
#include "support/levers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include <tbb/parallel_for.h>

#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim::test {

std::vector<nlohmann::json> summaries_over_seeds(const std::string& relative,
                                                 const std::vector<std::string>& overrides,
                                                 int seeds) {
  const auto world =
      std::make_shared<const world::World>(world::build_world(load_shipped(relative, overrides)));
  // Seeds side by side, each run on the serial path, as a sweep runs them:
  // a run's results do not depend on its path, and whole runs share the
  // cores better than one run's fine-grained loops do.
  std::vector<nlohmann::json> out(static_cast<std::size_t>(std::max(seeds, 0)));
  tbb::parallel_for(0, seeds, [&](int k) {
    std::vector<std::string> o = overrides;
    o.push_back("scenario.seed=" + std::to_string(k + 1));
    Simulation sim(load_shipped(relative, o), world, ExecutionMode::serial);
    sim.run();
    out[static_cast<std::size_t>(k)] = nlohmann::json::parse(summary_json(sim.result()));
  });
  return out;
}

std::vector<double> figure(const std::vector<nlohmann::json>& summaries,
                           const std::string& pointer) {
  std::vector<double> out;
  for (const nlohmann::json& s : summaries) {
    const nlohmann::json& v = s.at(nlohmann::json::json_pointer(pointer));
    out.push_back(v.is_boolean() ? (v.get<bool>() ? 1.0 : 0.0)
                  : v.is_null()  ? std::numeric_limits<double>::quiet_NaN()
                                 : v.get<double>());
  }
  return out;
}

double total(const std::vector<double>& values) {
  double sum = 0.0;
  for (const double v : values) sum += v;
  return sum;
}

}  // namespace pocsim::test
