// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/campaigns.hpp"

#include <algorithm>

#include "pocsim/core/rng.hpp"
#include "pocsim/scenario/sections/campaign.hpp"
#include "pocsim/scenario/sections/run.hpp"

namespace pocsim {

namespace {

// Uniform among the campaign's towns: the sources date and place campaigns
// by region, not by village, and nothing in them says which towns drew more
// operations than others (docs/model.md#campaigns).
int draw_campaign_town(const CounterRng& rng, std::uint32_t campaign, std::uint32_t number,
                       const std::vector<int>& towns) {
  std::uint32_t k = 0;
  const std::uint32_t first_word = rng.bits(Purpose::campaign_town, campaign, number, k)[0];
  const std::uint32_t pick =
      uniform_below(static_cast<std::uint32_t>(towns.size()), first_word,
                    [&] { return rng.bits(Purpose::campaign_town, campaign, number, ++k)[0]; });
  return towns[pick];
}

}  // namespace

std::vector<int> campaign_towns(const scenario::CampaignSection& campaign,
                                const world::Places& places) {
  std::vector<int> regions;
  for (const std::string& name : campaign.regions) regions.push_back(places.find_region(name));
  std::vector<int> towns;
  for (std::size_t t = 0; t < places.towns.size(); ++t)
    if (std::find(regions.begin(), regions.end(), places.towns[t].region) != regions.end())
      towns.push_back(static_cast<int>(t));
  return towns;
}

std::vector<PlannedOperation> campaign_operations(const scenario::Scenario& scenario,
                                                  const world::World& world) {
  const CounterRng rng(scenario.scenario.seed);
  const std::int64_t run_start = scenario.scenario.start_date.days_since_epoch();
  std::vector<PlannedOperation> planned;
  for (std::size_t c = 0; c < scenario.campaigns.size(); ++c) {
    const scenario::CampaignSection& campaign = scenario.campaigns[c];
    const std::vector<int> towns = campaign_towns(campaign, world.places);
    if (towns.empty()) continue;  // the loader refuses such a campaign
    const std::int64_t last = campaign.to.days_since_epoch();
    std::uint32_t number = 0;
    for (std::int64_t date = campaign.from.days_since_epoch(); date <= last;
         date += campaign.every_days, ++number) {
      const std::int64_t day = date - run_start;
      if (day < 0) continue;
      if (day >= scenario.scenario.duration_days) break;
      PlannedOperation op;
      op.faction = faction_index_of(scenario, campaign.faction);
      op.town = draw_campaign_town(rng, static_cast<std::uint32_t>(c), number, towns);
      op.first_day = day;
      op.days = campaign.days;
      op.units = campaign.units;
      op.cordon = campaign.cordon;
      op.choice = UnitChoice::nearest_to_town;
      op.campaign = static_cast<int>(c);
      planned.push_back(op);
    }
  }
  return planned;
}

}  // namespace pocsim
