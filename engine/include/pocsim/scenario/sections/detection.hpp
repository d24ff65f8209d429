// SPDX-License-Identifier: Apache-2.0
#pragma once
// `detection:` how the responder learns of incidents (systems/response.cpp).
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct DetectionSection {
  double own_unit_km = 30.0;
  double own_unit_hours = 1.0;
  double phone_report_share = 0.5;
  double phone_report_hours = 6.0;
  double second_hand_hours = 72.0;

  template <class V>
  void describe(V& v) {
    v("own_unit_km", own_unit_km,
      {.doc = "a peacekeeper unit this close to an incident learns of it itself",
       .min = 0.0,
       .max = 1000.0});
    v("own_unit_hours", own_unit_hours,
      {.doc = "mean hours before a nearby peacekeeper unit reports an incident (exponential)",
       .min = 0.0,
       .max = 1000.0});
    v("phone_report_share", phone_report_share,
      {.doc = "chance that residents report an incident by phone, where the cell's phone tower "
              "stands",
       .min = 0.0,
       .max = 1.0});
    v("phone_report_hours", phone_report_hours,
      {.doc = "mean hours before a phone report reaches the mission (exponential)",
       .min = 0.0,
       .max = 1000.0});
    v("second_hand_hours", second_hand_hours,
      {.doc = "mean hours before second-hand reports (social media, word of mouth) reach the "
              "mission (exponential)",
       .min = 0.0,
       .max = 10000.0});
  }
};

}  // namespace pocsim::scenario
