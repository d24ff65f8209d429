// SPDX-License-Identifier: Apache-2.0
#pragma once
// `response:` how the responder reaches incidents (systems/response.cpp), and
// the deterrence of violence by presence (systems/violence.cpp).
#include <string>

#include "pocsim/scenario/sections/common.hpp"
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

// A number per perpetrator kind (peacekeepers and partners never abuse, so
// only the four kinds that do have one).
struct ByPerpetratorKind {
  double state_forces = 0.0;
  double mercenaries = 0.0;
  double jihadist = 0.0;
  double signatory = 0.0;

  double of(FactionKind kind) const {
    switch (kind) {
      case FactionKind::state_forces:
        return state_forces;
      case FactionKind::mercenaries:
        return mercenaries;
      case FactionKind::jihadist:
        return jihadist;
      case FactionKind::signatory:
        return signatory;
      default:
        return 0.0;
    }
  }

  template <class V>
  void describe(V& v) {
    v("state_forces", state_forces, {.doc = "for state forces", .min = 0.0, .max = 1.0});
    v("mercenaries", mercenaries, {.doc = "for mercenaries", .min = 0.0, .max = 1.0});
    v("jihadist", jihadist, {.doc = "for jihadist groups", .min = 0.0, .max = 1.0});
    v("signatory", signatory, {.doc = "for accord signatories", .min = 0.0, .max = 1.0});
  }
};

struct ResponseSection {
  std::string responder;
  double respond_probability = 0.9;
  double decision_hours = 2.0;
  int helicopters = 11;
  double helicopter_serviceability = 0.6;
  double helicopter_speed_kmh = 200.0;
  double helicopter_range_km = 400.0;
  double helicopter_turnaround_hours = 6.0;
  double ground_speed_kmh = 25.0;
  double ground_denial_near_operations = 0.0;
  double ground_range_km = 300.0;
  ByPerpetratorKind stop_on_arrival{0.3, 0.2, 0.8, 0.8};
  ByPerpetratorKind presence_deterrence{0.1, 0.0, 0.6, 0.6};
  ByPerpetratorKind partner_deterrence{0.0, 0.0, 0.0, 0.0};

  template <class V>
  void describe(V& v) {
    v("responder", responder,
      {.doc = "the peacekeepers faction that responds; empty means the first of kind "
              "peacekeepers"});
    v("respond_probability", respond_probability,
      {.doc = "chance that the mission decides to respond to an incident it knows of",
       .min = 0.0,
       .max = 1.0});
    v("decision_hours", decision_hours,
      {.doc = "hours from learning of an incident to requesting a response",
       .min = 0.0,
       .max = 1000.0});
    v("helicopters", helicopters,
      {.doc = "the responder's own helicopters available for quick reaction",
       .min = 0,
       .max = 1000});
    v("helicopter_serviceability", helicopter_serviceability,
      {.doc = "share of the responder's helicopters fit to fly on its own logistics; partners' "
              "logistics_support adds to it",
       .min = 0.0,
       .max = 1.0});
    v("helicopter_speed_kmh", helicopter_speed_kmh,
      {.doc = "cruise speed of a helicopter", .min = 1.0, .max = 1000.0});
    v("helicopter_range_km", helicopter_range_km,
      {.doc = "farthest incident a helicopter flies to from a base", .min = 0.0, .max = 5000.0});
    v("helicopter_turnaround_hours", helicopter_turnaround_hours,
      {.doc = "hours a helicopter is busy after it lands at an incident",
       .min = 0.0,
       .max = 1000.0});
    v("ground_speed_kmh", ground_speed_kmh,
      {.doc = "speed of a ground response: the responder's nearest patrolling unit drives to the "
              "incident at this speed, and an IED or a lost fight on the way stops it",
       .min = 1.0,
       .max = 200.0});
    v("ground_denial_near_operations", ground_denial_near_operations,
      {.doc = "chance that the host state bars a convoy from a cell where state or mercenary "
              "units operate",
       .min = 0.0,
       .max = 1.0});
    v("ground_range_km", ground_range_km,
      {.doc = "farthest a detachment sets out by road: the nearest patrolling unit of the "
              "responder within this distance of the incident goes",
       .min = 0.0,
       .max = 5000.0});
    v("stop_on_arrival", stop_on_arrival,
      {.doc = "chance that the arrival of peacekeepers ends an ongoing episode, by perpetrator"});
    v("presence_deterrence", presence_deterrence,
      {.doc = "share by which full peacekeeper presence in a cell lowers the onset of violence, "
              "by perpetrator"});
    v("partner_deterrence", partner_deterrence,
      {.doc = "share by which full presence of partner forces in a cell lowers the onset of "
              "violence, by perpetrator; applies on top of presence_deterrence"});
  }
};

}  // namespace pocsim::scenario
