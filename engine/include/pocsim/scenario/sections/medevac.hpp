// SPDX-License-Identifier: Apache-2.0
#pragma once
// `medevac:` evacuation of the wounded (systems/medevac.cpp).
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct MedevacSection {
  double wounded_per_death = 3.0;
  double golden_hours = 2.0;
  double death_rate_per_hour = 0.02;

  template <class V>
  void describe(V& v) {
    v("wounded_per_death", wounded_per_death,
      {.doc = "mean wounded per expected death of a peacekeeper or partner IED strike or fight "
              "(Poisson); each casualty event with wounded calls one medevac flight",
       .min = 0.0,
       .max = 100.0});
    v("golden_hours", golden_hours,
      {.doc = "hours within which an evacuated wounded survives", .min = 0.0, .max = 1000.0});
    v("death_rate_per_hour", death_rate_per_hour,
      {.doc = "hourly chance that a wounded dies of wounds once the wait passes golden_hours",
       .min = 0.0,
       .max = 1.0});
  }
};

}  // namespace pocsim::scenario
