// SPDX-License-Identifier: Apache-2.0
#pragma once
// An entry of `seasons:`, a dated window of weather that slows movement and
// grounds flights (systems/seasons.cpp). No entry, no season: a scenario is
// the same every day of its run unless it names one.
#include <string>

#include "pocsim/core/date.hpp"
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct SeasonSection {
  std::string name;
  Date from{2022, 7, 1};
  Date to{2022, 9, 30};
  double offroad_speed_factor = 1.0;
  double flooded_speed_factor = 1.0;
  double flights_grounded_share = 0.0;

  template <class V>
  void describe(V& v) {
    v("name", name, {.doc = "name of the season, for --set seasons.NAME.KEY", .required = true});
    v("from", from, {.doc = "first day of the season", .required = true});
    v("to", to, {.doc = "last day of the season (included)", .required = true});
    v("offroad_speed_factor", offroad_speed_factor,
      {.doc = "factor on every unit's speed across country (1: unchanged)",
       .min = 0.01,
       .max = 1.0});
    v("flooded_speed_factor", flooded_speed_factor,
      {.doc = "further factor on the speed across country in inner-delta and river cells "
              "(flood and river crossings)",
       .min = 0.01,
       .max = 1.0});
    v("flights_grounded_share", flights_grounded_share,
      {.doc = "share of the season's days on which the weather grounds every flight",
       .min = 0.0,
       .max = 1.0});
  }
};

}  // namespace pocsim::scenario
