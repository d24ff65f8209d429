// SPDX-License-Identifier: Apache-2.0
#pragma once
// `outputs:` what a run reports beyond its fixed outputs (output/run_files.cpp).
#include <string>
#include <string_view>
#include <vector>

#include "pocsim/core/date.hpp"

#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

// A window of days, from `from` to `to` (both included), over which a run
// reports its outcomes again, in summary.json's `windows.NAME` block.
struct WindowSection {
  std::string name;
  Date from{2022, 1, 1};
  Date to{2022, 12, 31};

  template <class V>
  void describe(V& v) {
    v("name", name,
      {.doc = "name of the window, a plain word (letters, digits, _ or -): "
              "summary.json's windows.NAME",
       .required = true});
    v("from", from, {.doc = "first day of the window", .required = true});
    v("to", to, {.doc = "last day of the window (included)", .required = true});
  }
};

// True for a name of the built-in quarter windows' form (YYYY_qN), which a
// scenario's own window may not take while outputs.quarters is on.
inline bool is_quarter_window_name(std::string_view name) {
  const std::size_t n = name.size();
  if (n < 4 || name.substr(n - 3, 2) != "_q" || name[n - 1] < '1' || name[n - 1] > '4')
    return false;
  for (char c : name.substr(0, n - 3))
    if (c < '0' || c > '9') return false;
  return true;
}

// What a run reports beyond its fixed outputs.
struct OutputSection {
  std::vector<std::string> focus_regions;
  std::vector<WindowSection> windows;
  bool quarters = true;

  template <class V>
  void describe(V& v) {
    v("focus_regions", focus_regions,
      {.doc = "regions summed into summary.json's focus block (civilian deaths by perpetrator "
              "kind, jihadist control, protection, the mission's losses there); empty: no block"});
    v("windows", windows,
      {.doc = "date windows over which the run reports its outcomes again (summary.json's "
              "windows block: deaths, events, protection, displacement within each)"});
    v("quarters", quarters,
      {.doc = "also report every calendar quarter the run overlaps as a window named YYYY_qN "
              "(2022_q3: July to September 2022)"});
  }
};

}  // namespace pocsim::scenario
