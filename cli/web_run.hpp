// SPDX-License-Identifier: Apache-2.0
#pragma once
// One run for the explorer's page: the scenario run as `pocsim run` runs it
// (the same summary.json for the same scenario and seed), and its day-by-day
// frames for the map: the violent events where and by whom, the incidents
// and how late the responder came, the responder's units each day, and the
// regions' daily figures (deaths, displaced).
#include <nlohmann/json.hpp>

#include "pocsim/scenario/scenario.hpp"

namespace pocsim::cli {

nlohmann::json run_for_explorer(const scenario::Scenario& scenario);

}  // namespace pocsim::cli
