// SPDX-License-Identifier: Apache-2.0
#pragma once
// The windows a run reports its outcomes over: the scenario's own
// (outputs.windows), then, unless outputs.quarters is false, every calendar
// quarter the run overlaps, named YYYY_qN ("2022_q3": July to September
// 2022), so that "what happened in the third quarter" needs no setting.
#include <vector>

#include "pocsim/scenario/scenario.hpp"

namespace pocsim {

std::vector<scenario::WindowSection> reported_windows(const scenario::Scenario& s);

}  // namespace pocsim
