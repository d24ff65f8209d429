// SPDX-License-Identifier: Apache-2.0
#pragma once
// `flights:` the host state's flight-authorisation policy (systems/flights.cpp).
#include <optional>
#include <string_view>
#include <vector>

#include "pocsim/core/date.hpp"
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct GroundingSection {
  Date from{2022, 1, 1};
  std::optional<Date> to;
  bool drones_only = false;

  template <class V>
  void describe(V& v) {
    v("from", from, {.doc = "first day of the grounding", .required = true});
    v("to", to, {.doc = "last day of the grounding; null means to the end of the run"});
    v("drones_only", drones_only,
      {.doc = "true: only drones (partner ISR) are grounded; false: every flight"});
  }
};

enum class DelayLaw { fixed, exponential };
inline constexpr std::string_view delay_law_names[] = {"fixed", "exponential"};
inline std::string_view to_string(DelayLaw d) { return delay_law_names[static_cast<int>(d)]; }

struct FlightPolicySection {
  bool authorisation_required = true;
  double delay_hours = 24.0;
  DelayLaw delay_law = DelayLaw::exponential;
  double refusal_probability = 0.1;
  double refusal_near_operations = 0.4;
  bool medevac_exempt = false;
  std::vector<GroundingSection> groundings;

  template <class V>
  void describe(V& v) {
    v("authorisation_required", authorisation_required,
      {.doc = "every flight needs the host state's authorisation"});
    v("delay_hours", delay_hours,
      {.doc = "mean hours from a flight request to the authorisation", .min = 0.0, .max = 10000.0});
    v("delay_law", delay_law,
      {.doc = "fixed: every wait is delay_hours; exponential: waits vary around that mean"});
    v("refusal_probability", refusal_probability,
      {.doc = "chance that a request is refused", .min = 0.0, .max = 1.0});
    v("refusal_near_operations", refusal_near_operations,
      {.doc = "added chance of refusal where state or mercenary units operate in the incident's "
              "cell",
       .min = 0.0,
       .max = 1.0});
    v("medevac_exempt", medevac_exempt,
      {.doc = "medevac flights need no authorisation (a grounding still sends them by road)"});
    v("groundings", groundings, {.doc = "dated windows when flights are grounded"});
  }
};

}  // namespace pocsim::scenario
