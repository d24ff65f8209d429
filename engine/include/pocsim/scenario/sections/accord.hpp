// SPDX-License-Identifier: Apache-2.0
#pragma once
// `accord:` the peace accord (systems/accord.cpp).
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

// The 2015 Algiers accord between the state and the signatory groups.
struct AccordSection {
  double initial_tension = 0.3;
  double drift_per_day = 0.004;
  double tension_per_provocation = 0.01;
  double dialogue_per_day = 0.002;
  double collapse_at = 1.0;

  template <class V>
  void describe(V& v) {
    v("initial_tension", initial_tension,
      {.doc = "tension between the state and the signatories at the start (collapse at "
              "collapse_at)",
       .min = 0.0,
       .max = 100.0});
    v("drift_per_day", drift_per_day,
      {.doc = "daily rise of tension left unchecked; partners' escalation_deterrence holds it "
              "back",
       .min = 0.0,
       .max = 10.0});
    v("tension_per_provocation", tension_per_provocation,
      {.doc = "rise of tension per episode of state or mercenary violence in a region where a "
              "signatory operates",
       .min = 0.0,
       .max = 10.0});
    v("dialogue_per_day", dialogue_per_day,
      {.doc = "daily fall of tension while the responder (peacekeepers) keeps units in a "
              "signatory's area",
       .min = 0.0,
       .max = 10.0});
    v("collapse_at", collapse_at,
      {.doc = "tension at which the accord collapses and state forces and signatories fight",
       .min = 0.0,
       .max = 100.0});
  }
};

}  // namespace pocsim::scenario
