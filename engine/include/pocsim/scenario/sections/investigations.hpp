// SPDX-License-Identifier: Apache-2.0
#pragma once
// `investigations:` human-rights investigations (systems/investigation.cpp).
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct InvestigationSection {
  double share = 0.5;
  double delay_hours = 48.0;

  template <class V>
  void describe(V& v) {
    v("share", share,
      {.doc = "chance that the responder's human-rights division investigates an incident it "
              "knows of that killed civilians",
       .min = 0.0,
       .max = 1.0});
    v("delay_hours", delay_hours,
      {.doc = "hours after the episode's end (or its detection, if later) before investigators "
              "set out",
       .min = 0.0,
       .max = 10000.0});
  }
};

}  // namespace pocsim::scenario
