// SPDX-License-Identifier: Apache-2.0
#pragma once
// An entry of `operations:`, a scripted operation (systems/operations.cpp).
#include <string>

#include "pocsim/core/date.hpp"
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

// A scripted operation: its date, place and forces are given; what happens to
// the civilians there is left to the model's mechanisms.
struct OperationSection {
  std::string name;
  std::string faction;
  std::string town;
  Date from{2022, 1, 1};
  int days = 1;
  int units = 1;
  bool cordon = true;

  template <class V>
  void describe(V& v) {
    v("name", name, {.doc = "name of the operation, used in summary.json", .required = true});
    v("faction", faction, {.doc = "the faction that conducts it", .required = true});
    v("town", town, {.doc = "the town where its units land and hold", .required = true});
    v("from", from, {.doc = "first day of the operation", .required = true});
    v("days", days, {.doc = "how many days the units hold the town", .min = 1, .max = 3650});
    v("units", units,
      {.doc = "units of the faction taken for it (the first deployed ones)",
       .min = 1,
       .max = 1000});
    v("cordon", cordon,
      {.doc = "the town is sealed: residents cannot flee and phone reports cannot get out"});
  }
};

}  // namespace pocsim::scenario
