// SPDX-License-Identifier: Apache-2.0
#pragma once
// `scenario:` the run itself: name, dates, seed and time step.
#include <cstdint>
#include <string>

#include "pocsim/core/date.hpp"
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct RunSection {
  std::string name = "unnamed";
  std::string description;
  std::string country_iso3 = "MLI";
  std::string country = "Mali";
  int country_iso_numeric = 466;
  std::string acled_region = "Western Africa";
  Date start_date{2022, 1, 1};
  int duration_days = 365;
  std::uint64_t seed = 1;
  int tick_hours = 1;

  template <class V>
  void describe(V& v) {
    v("name", name, {.doc = "short name of the scenario, used in outputs"});
    v("description", description, {.doc = "free text shown by `pocsim show`"});
    v("country_iso3", country_iso3,
      {.doc = "ISO 3166 alpha-3 code that prefixes event ids in events.csv, as in ACLED"});
    v("country", country, {.doc = "the country's name in events.csv's country column (ACLED's)"});
    v("country_iso_numeric", country_iso_numeric,
      {.doc = "ISO 3166 numeric code in events.csv's iso column, as in ACLED (Mali: 466)",
       .min = 0,
       .max = 999});
    v("acled_region", acled_region,
      {.doc = "ACLED's world region of the country, events.csv's region column (Mali: Western "
              "Africa)"});
    v("start_date", start_date, {.doc = "first simulated day, YYYY-MM-DD"});
    v("duration_days", duration_days, {.doc = "number of simulated days", .min = 1, .max = 3660});
    v("seed", seed, {.doc = "base seed of all random numbers; `--seed` overrides it"});
    v("tick_hours", tick_hours,
      {.doc = "hours per tick of the fast phases (movement, combat, violence); must divide 24",
       .min = 1,
       .max = 24});
  }
};

}  // namespace pocsim::scenario
