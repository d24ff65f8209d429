// SPDX-License-Identifier: Apache-2.0
#pragma once
// `civilians:` the population and how it flees and returns (world/world.cpp,
// systems/displacement.cpp, systems/risk.cpp).
#include <cstdint>
#include <string>
#include <vector>

#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

// People already displaced when the run starts, from one region.
struct InitialDisplacementSection {
  std::string region;
  std::int64_t people = 0;

  template <class V>
  void describe(V& v) {
    v("region", region, {.doc = "home region of the displaced", .required = true});
    v("people", people,
      {.doc = "people of the region away from home at the start, taken from its rural cells",
       .min = 0,
       .max = 1e9});
  }
};

struct CivilianSection {
  std::int64_t population = 22'600'000;
  int people_per_agent = 25;
  double urban_weight = 40.0;
  double urban_scale_km = 15.0;
  double desert_weight = 0.05;
  double flee_risk = 0.002;
  double flee_probability = 0.5;
  double return_risk = 0.0005;
  double return_probability = 0.02;
  double risk_memory_days = 30.0;
  std::vector<InitialDisplacementSection> initially_displaced;

  template <class V>
  void describe(V& v) {
    v("population", population,
      {.doc = "people in the country, spread over regions by their census shares",
       .min = 1,
       .max = 1e10});
    v("people_per_agent", people_per_agent,
      {.doc = "people represented by one civilian agent (a household group)",
       .min = 1,
       .max = 255});
    v("urban_weight", urban_weight,
      {.doc = "extra weight of a cell at a town centre relative to a rural cell when population "
              "is spread inside a region",
       .min = 0.0,
       .max = 1e6});
    v("urban_scale_km", urban_scale_km,
      {.doc = "distance in km over which a town's extra weight falls by a factor e",
       .min = 0.1,
       .max = 1000.0});
    v("desert_weight", desert_weight,
      {.doc = "weight of a desert cell relative to a Sahel cell when population is spread",
       .min = 0.0,
       .max = 1.0});
    v("flee_risk", flee_risk,
      {.doc = "recent civilian deaths per resident of a cell above which residents start to flee",
       .min = 0.0,
       .max = 1.0});
    v("flee_probability", flee_probability,
      {.doc = "daily chance that an agent at home in a cell above flee_risk leaves",
       .min = 0.0,
       .max = 1.0});
    v("return_risk", return_risk,
      {.doc = "risk of the home cell below which a displaced agent may return",
       .min = 0.0,
       .max = 1.0});
    v("return_probability", return_probability,
      {.doc = "daily chance that a displaced agent whose home is below return_risk goes home",
       .min = 0.0,
       .max = 1.0});
    v("risk_memory_days", risk_memory_days,
      {.doc = "e-folding time in days of a cell's memory of violence", .min = 0.5, .max = 3650.0});
    v("initially_displaced", initially_displaced,
      {.doc = "people displaced before the start, by home region; they stay in the nearest town "
              "of their region and return like anyone displaced"});
  }
};

}  // namespace pocsim::scenario
