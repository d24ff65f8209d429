// SPDX-License-Identifier: Apache-2.0
#include "pocsim/agents/factions.hpp"

#include <algorithm>

namespace pocsim {

namespace {

// How many of the candidate bases a faction opens: every listed base, or one
// per units_per_base units (at least one) when that is set.
std::size_t bases_opened(const scenario::FactionSection& cfg) {
  const std::size_t candidates = cfg.bases.size() + cfg.temporary_bases.size();
  if (cfg.units_per_base <= 0) return cfg.bases.size();
  const auto wanted =
      static_cast<std::size_t>((cfg.units + cfg.units_per_base - 1) / cfg.units_per_base);
  return std::clamp<std::size_t>(wanted, 1, candidates);
}

std::vector<BaseSite> make_sites(const scenario::FactionSection& cfg,
                                 const scenario::Scenario& scenario, const world::World& world) {
  const std::int64_t start = scenario.scenario.start_date.days_since_epoch();
  std::vector<std::string> towns = cfg.bases;
  towns.insert(towns.end(), cfg.temporary_bases.begin(), cfg.temporary_bases.end());
  towns.resize(std::min(towns.size(), bases_opened(cfg)));
  std::vector<BaseSite> sites;
  for (const std::string& name : towns) {
    BaseSite site;
    site.town = world.places.find_town(name);
    for (const scenario::BaseDatesSection& dates : cfg.base_dates) {
      if (dates.town != name) continue;
      if (dates.opens) site.open_day = dates.opens->days_since_epoch() - start;
      if (dates.closes) site.close_day = dates.closes->days_since_epoch() - start;
      if (dates.handed_to)
        for (std::size_t g = 0; g < scenario.factions.size(); ++g)
          if (scenario.factions[g].name == *dates.handed_to) site.handed_to = static_cast<int>(g);
    }
    sites.push_back(site);
  }
  return sites;
}

}  // namespace

std::vector<Faction> make_factions(const scenario::Scenario& scenario, const world::World& world) {
  std::vector<Faction> factions;
  const std::int64_t start = scenario.scenario.start_date.days_since_epoch();
  for (const scenario::FactionSection& cfg : scenario.factions) {
    Faction f;
    f.config = cfg;
    if (cfg.arrival_date) f.deploy_day = cfg.arrival_date->days_since_epoch() - start;
    if (cfg.withdrawal_date) f.withdraw_day = cfg.withdrawal_date->days_since_epoch() - start;
    if (cfg.ultimatums_from) f.ultimatum_day = cfg.ultimatums_from->days_since_epoch() - start;
    f.sites = make_sites(cfg, scenario, world);
    for (const BaseSite& site : f.sites) {
      f.bases.push_back(site.town);
      if (site.open_on(0)) f.open_bases.push_back(site.town);
    }
    f.in_area.assign(world.places.region_names.size(), 0);
    for (const std::string& r : cfg.area) f.in_area[world.places.find_region(r)] = 1;
    f.watches.assign(world.places.region_names.size(), 0);
    for (const std::string& r : cfg.isr_regions) f.watches[world.places.find_region(r)] = 1;
    if (cfg.area.empty())
      for (int b : f.bases) f.in_area[world.places.towns[b].region] = 1;
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
