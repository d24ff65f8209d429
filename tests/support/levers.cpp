#include "support/levers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim::test {

std::vector<nlohmann::json> summaries_over_seeds(const std::string& relative,
                                                 const std::vector<std::string>& overrides,
                                                 int seeds) {
  const auto world =
      std::make_shared<const world::World>(world::build_world(load_shipped(relative, overrides)));
  std::vector<nlohmann::json> out;
  for (int seed = 1; seed <= seeds; ++seed) {
    std::vector<std::string> o = overrides;
    o.push_back("scenario.seed=" + std::to_string(seed));
    Simulation sim(load_shipped(relative, o), world);
    sim.run();
    out.push_back(nlohmann::json::parse(summary_json(sim.result())));
  }
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

double paired_z(const std::vector<double>& a, const std::vector<double>& b) {
  const auto n = static_cast<double>(a.size());
  double sum = 0.0, sum2 = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double d = b[i] - a[i];
    sum += d;
    sum2 += d * d;
  }
  const double mean = sum / n;
  const double sd = std::sqrt(std::max(0.0, sum2 - n * mean * mean) / (n - 1));
  if (sd == 0.0)
    return mean == 0.0 ? std::numeric_limits<double>::quiet_NaN()
                       : std::copysign(std::numeric_limits<double>::infinity(), mean);
  return mean / (sd / std::sqrt(n));
}

}  // namespace pocsim::test
