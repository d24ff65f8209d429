// SPDX-License-Identifier: Apache-2.0
#pragma once
// `control:` presence, the abuse trigger and control of territory
// (systems/presence.cpp, systems/control.cpp and the systems that read presence).
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct ControlSection {
  // 50 / sqrt(pi): a disc of the area of the 5 x 5 cells of 10 km that a unit
  // marked when the reach was a count of cells (2 cells each way).
  double presence_km = 28.2;
  double presence_memory_days = 7.0;
  double presence_saturation = 1.0;
  double operations_presence = 0.1;
  double hold_presence = 0.5;

  template <class V>
  void describe(V& v) {
    v("presence_km", presence_km,
      {.doc = "a unit marks its presence on the cells whose centres lie within this many km of "
              "it (a disc, the same at any world.cell_km)",
       .min = 0.0,
       .max = 500.0});
    v("presence_memory_days", presence_memory_days,
      {.doc = "e-folding time in days of a faction's presence in a cell",
       .min = 0.1,
       .max = 3650.0});
    v("presence_saturation", presence_saturation,
      {.doc = "enemy presence (unit-days) at which the abuse trigger holds fully",
       .min = 0.001,
       .max = 1000.0});
    v("operations_presence", operations_presence,
      {.doc = "state or mercenary presence (unit-days) above which a cell counts as under "
              "their operations (flight refusals, ground access denied)",
       .min = 0.0,
       .max = 1000.0});
    v("hold_presence", hold_presence,
      {.doc = "presence (unit-days) from which a faction counts as holding a cell, or contesting "
              "it where a hostile faction has as much (control of territory, an output)",
       .min = 0.001,
       .max = 1000.0});
  }
};

}  // namespace pocsim::scenario
