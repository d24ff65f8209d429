// SPDX-License-Identifier: Apache-2.0
#pragma once
// An entry of `campaigns:`, scripted operations at scale (systems/campaigns.cpp):
// a faction's operations at towns of some regions, one every few days between
// two dates. Like an operation, a campaign gives the forces, the places and
// the dates, never a toll.
#include <string>
#include <vector>

#include "pocsim/core/date.hpp"
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct CampaignSection {
  std::string name;
  std::string faction;
  std::vector<std::string> regions;
  Date from{2022, 1, 1};
  Date to{2022, 12, 31};
  int every_days = 7;
  int units = 1;
  int days = 1;
  bool cordon = true;

  template <class V>
  void describe(V& v) {
    v("name", name,
      {.doc = "name of the campaign, a plain word, used in summary.json and for --set "
              "campaigns.NAME.KEY",
       .required = true});
    v("faction", faction, {.doc = "the faction that conducts it", .required = true});
    v("regions", regions,
      {.doc = "its operations take place at towns of these regions, one drawn at random for each",
       .required = true});
    v("from", from, {.doc = "first day an operation may start", .required = true});
    v("to", to, {.doc = "last day an operation may start (included)", .required = true});
    v("every_days", every_days,
      {.doc = "an operation starts every this many days from `from`", .min = 1, .max = 3650});
    v("units", units,
      {.doc = "units of the faction taken for each operation (the patrolling ones nearest the "
              "town)",
       .min = 1,
       .max = 1000});
    v("days", days, {.doc = "how many days each operation holds its town", .min = 1, .max = 365});
    v("cordon", cordon,
      {.doc = "each operation seals its town: residents cannot flee and phone reports cannot "
              "get out"});
  }
};

}  // namespace pocsim::scenario
