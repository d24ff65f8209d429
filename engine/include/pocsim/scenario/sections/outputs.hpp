// SPDX-License-Identifier: Apache-2.0
#pragma once
// `outputs:` what a run reports beyond its fixed outputs (output/run_files.cpp).
#include <string>
#include <vector>

#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

// What a run reports beyond its fixed outputs.
struct OutputSection {
  std::vector<std::string> focus_regions;

  template <class V>
  void describe(V& v) {
    v("focus_regions", focus_regions,
      {.doc = "regions summed into summary.json's focus block (civilian deaths by perpetrator "
              "kind, jihadist control, protection, the mission's losses there); empty: no block"});
  }
};

}  // namespace pocsim::scenario
