// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ied:` improvised explosive devices on the roads (systems/ied.cpp).
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct IedSection {
  double per_km = 0.0000003;
  double jihadist_factor = 20.0;
  double deaths = 0.5;
  double isr_clearance = 0.0;

  template <class V>
  void describe(V& v) {
    v("per_km", per_km,
      {.doc = "chance per km driven on a road that a vehicle of the state, the mission or a "
              "partner strikes an IED where no jihadist is present",
       .min = 0.0,
       .max = 1.0});
    v("jihadist_factor", jihadist_factor,
      {.doc = "factor on per_km where jihadist presence is full", .min = 1.0, .max = 10000.0});
    v("deaths", deaths, {.doc = "mean deaths per IED strike (Poisson)", .min = 0.0, .max = 100.0});
    v("isr_clearance", isr_clearance,
      {.doc = "share of the IED risk that partners' ISR and route clearance take off the roads "
              "for the mission's and the partners' own vehicles, in regions a present partner "
              "watches while its drones fly",
       .min = 0.0,
       .max = 1.0});
  }
};

}  // namespace pocsim::scenario
