// SPDX-License-Identifier: Apache-2.0
#pragma once
// `combat:` engagements between armed units (systems/combat.cpp,
// systems/reinforcement.cpp).
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct CombatSection {
  double crossfire_kill_probability = 0.00002;
  double break_off_ratio = 0.5;
  double replenish_per_day = 0.02;
  double town_defence = 1.5;
  double delta_defence = 1.3;
  int contact_cells = 1;
  double engage_probability = 0.01;
  double area_fire_reference_strength = 100.0;
  double area_fire_crossfire_factor = 5.0;
  double isr_warning = 0.0;

  template <class V>
  void describe(V& v) {
    v("crossfire_kill_probability", crossfire_kill_probability,
      {.doc = "chance per resident and per hour of fighting in the cell of being killed in the "
              "crossfire",
       .min = 0.0,
       .max = 1.0});
    v("break_off_ratio", break_off_ratio,
      {.doc = "a side whose strength falls below this share of the other side's breaks off",
       .min = 0.0,
       .max = 1.0});
    v("replenish_per_day", replenish_per_day,
      {.doc = "share of a unit's missing strength made good each day (reinforcement, recruits)",
       .min = 0.0,
       .max = 1.0});
    v("town_defence", town_defence,
      {.doc = "factor dividing the losses of a unit fighting from a town cell",
       .min = 1.0,
       .max = 10.0});
    v("delta_defence", delta_defence,
      {.doc = "factor dividing the losses of a unit fighting from inner-delta terrain",
       .min = 1.0,
       .max = 10.0});
    v("contact_cells", contact_cells,
      {.doc = "hostile units at most this many cells apart (in x and in y) meet and fight",
       .min = 0,
       .max = 10});
    v("engage_probability", engage_probability,
      {.doc = "chance per hour that units in contact fight rather than avoid each other",
       .min = 0.0,
       .max = 1.0});
    v("area_fire_reference_strength", area_fire_reference_strength,
      {.doc = "target strength at which area fire kills as many as aimed fire; area fire's "
              "toll grows with the targets' strength over this",
       .min = 1.0,
       .max = 100000.0});
    v("area_fire_crossfire_factor", area_fire_crossfire_factor,
      {.doc = "factor on crossfire_kill_probability for each side firing by area (the mean of "
              "the two sides' factors applies)",
       .min = 1.0,
       .max = 1000.0});
    v("isr_warning", isr_warning,
      {.doc = "share of their losses in combat that the mission's and partners' units are "
              "spared where a present partner's ISR watches the region and drones fly (warning "
              "of attacks)",
       .min = 0.0,
       .max = 1.0});
  }
};

}  // namespace pocsim::scenario
