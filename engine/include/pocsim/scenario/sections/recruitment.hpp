// SPDX-License-Identifier: Apache-2.0
#pragma once
// `recruitment:` grievance and recruitment (systems/violence.cpp,
// systems/displacement.cpp, systems/recruitment.cpp).
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct RecruitmentSection {
  double grievance_per_abuse_hour = 0.05;
  double grievance_memory_days = 180.0;
  double recruits_per_grievance = 0.00002;

  template <class V>
  void describe(V& v) {
    v("grievance_per_abuse_hour", grievance_per_abuse_hour,
      {.doc = "grievance a civilian group gains for each hour of abuse by state forces or "
              "mercenaries in its cell",
       .min = 0.0,
       .max = 100.0});
    v("grievance_memory_days", grievance_memory_days,
      {.doc = "e-folding time in days of a group's grievance", .min = 1.0, .max = 36500.0});
    v("recruits_per_grievance", recruits_per_grievance,
      {.doc = "fighters a jihadist faction recruits per day per person-unit of grievance among "
              "the people of its area",
       .min = 0.0,
       .max = 1.0});
  }
};

}  // namespace pocsim::scenario
