// SPDX-License-Identifier: Apache-2.0
#pragma once
// Campaigns: scripted operations at scale. A campaign's operations start
// every `every_days` days from `from` to `to`; each is placed at a town drawn
// at random among the towns of the campaign's regions and then runs as a
// scripted operation does (systems/operations.cpp): the faction's patrolling
// units nearest the town hold it for `days` days, sealing it when the
// campaign has a cordon. No toll is scripted: what the units do to the
// residents is left to the violence mechanism.
#include <vector>

#include "pocsim/scenario/sections/campaign.hpp"
#include "pocsim/systems/context.hpp"

namespace pocsim {

// The towns of the campaign's regions, in the places file's order: where its
// operations may take place.
std::vector<int> campaign_towns(const scenario::CampaignSection& campaign,
                                const world::Places& places);

// Every campaign's operations that start within the run, campaign by
// campaign, in date order. Those that would start before the run's first day
// are skipped; an operation's town depends only on the seed, the campaign's
// place in the list and the operation's number counted from `from`, so a
// later start date or a shorter run leaves the others where they were.
std::vector<PlannedOperation> campaign_operations(const scenario::Scenario& scenario,
                                                  const world::World& world);

}  // namespace pocsim
