// SPDX-License-Identifier: Apache-2.0
#include "pocsim/output/reported_windows.hpp"

#include <string>

namespace pocsim {

std::vector<scenario::WindowSection> reported_windows(const scenario::Scenario& s) {
  std::vector<scenario::WindowSection> out = s.outputs.windows;
  if (!s.outputs.quarters) return out;
  const Date first = s.scenario.start_date;
  const Date last = first.plus_days(s.scenario.duration_days - 1);
  for (Date q{first.year, (first.month - 1) / 3 * 3 + 1, 1}; q <= last;) {
    const Date next = q.month == 10 ? Date{q.year + 1, 1, 1} : Date{q.year, q.month + 3, 1};
    out.push_back({std::to_string(q.year) + "_q" + std::to_string((q.month - 1) / 3 + 1), q,
                   next.plus_days(-1)});
    q = next;
  }
  return out;
}

}  // namespace pocsim
