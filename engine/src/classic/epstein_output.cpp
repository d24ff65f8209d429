// SPDX-License-Identifier: Apache-2.0
#include "pocsim/classic/epstein_output.hpp"

namespace pocsim::classic {

std::string epstein_timeseries_csv(const std::vector<EpsteinCounts>& history) {
  std::string out = "step,active,quiet,jailed\n";
  out.reserve(out.size() + history.size() * 24);
  for (const EpsteinCounts& c : history)
    out += std::to_string(c.step) + "," + std::to_string(c.active) + "," + std::to_string(c.quiet) +
           "," + std::to_string(c.jailed) + "\n";
  return out;
}

}  // namespace pocsim::classic
