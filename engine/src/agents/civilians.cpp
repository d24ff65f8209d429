// SPDX-License-Identifier: Apache-2.0
#include "pocsim/agents/civilians.hpp"

namespace pocsim {

void Civilians::resize(std::size_t n) {
  cell.resize(n);
  home.resize(n);
  alive.resize(n);
  killed.resize(n);
  status.resize(n);
  grievance.resize(n);
}

HomeIndex populate_civilians(Civilians& civilians, const std::vector<std::int64_t>& population,
                             int people_per_agent) {
  const auto per_agent = static_cast<std::int64_t>(people_per_agent);
  HomeIndex index;
  index.begin.assign(population.size() + 1, 0);
  std::size_t total = 0;
  for (std::size_t c = 0; c < population.size(); ++c) {
    index.begin[c] = static_cast<std::uint32_t>(total);
    const std::size_t agents =
        static_cast<std::size_t>((population[c] + per_agent - 1) / per_agent);
    if (agents > 0) index.homes.push_back(static_cast<world::CellId>(c));
    total += agents;
  }
  index.begin[population.size()] = static_cast<std::uint32_t>(total);
  civilians.resize(total);
  for (std::size_t c = 0; c < population.size(); ++c) {
    std::int64_t left = population[c];
    for (std::uint32_t a = index.begin[c]; a < index.begin[c + 1]; ++a) {
      const std::int64_t people = left < per_agent ? left : per_agent;
      left -= people;
      civilians.cell[a] = static_cast<world::CellId>(c);
      civilians.home[a] = static_cast<world::CellId>(c);
      civilians.alive[a] = static_cast<std::uint8_t>(people);
      civilians.killed[a] = 0;
      civilians.status[a] = CivilianStatus::at_home;
      civilians.grievance[a] = 0.0f;
    }
  }
  return index;
}

}  // namespace pocsim
