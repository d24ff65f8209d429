// SPDX-License-Identifier: Apache-2.0
#include "pocsim/agents/factions.hpp"

namespace pocsim {

std::vector<Faction> make_factions(const scenario::Scenario& scenario, const world::World& world) {
  std::vector<Faction> factions;
  const std::int64_t start = scenario.scenario.start_date.days_since_epoch();
  for (const scenario::FactionSection& cfg : scenario.factions) {
    Faction f;
    f.config = cfg;
    for (const std::string& b : cfg.bases) f.bases.push_back(world.places.find_town(b));
    f.in_area.assign(world.places.region_names.size(), 0);
    for (const std::string& r : cfg.area) f.in_area[world.places.find_region(r)] = 1;
    f.watches.assign(world.places.region_names.size(), 0);
    for (const std::string& r : cfg.isr_regions) f.watches[world.places.find_region(r)] = 1;
    if (cfg.area.empty())
      for (int b : f.bases) f.in_area[world.places.towns[b].region] = 1;
    if (cfg.arrival_date) f.deploy_day = cfg.arrival_date->days_since_epoch() - start;
    if (cfg.withdrawal_date) f.withdraw_day = cfg.withdrawal_date->days_since_epoch() - start;
    factions.push_back(std::move(f));
  }
  for (std::size_t a = 0; a < factions.size(); ++a)
    for (const std::string& name : factions[a].config.hostile_to)
      for (std::size_t b = 0; b < factions.size(); ++b)
        if (factions[b].config.name == name) {
          factions[a].hostile |= std::uint64_t{1} << b;
          factions[b].hostile |= std::uint64_t{1} << a;
        }
  return factions;
}

}  // namespace pocsim
