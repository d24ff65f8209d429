// SPDX-License-Identifier: Apache-2.0
#pragma once
// Loading the shipped scenarios in tests, with overrides, failing loudly.
#include <string>
#include <vector>

#include "pocsim/scenario/scenario.hpp"

namespace pocsim::test {

// Loads scenarios/RELATIVE with `KEY=VALUE` overrides; throws with the
// diagnostics when the scenario does not load.
scenario::Scenario load_shipped(const std::string& relative,
                                const std::vector<std::string>& overrides = {});

}  // namespace pocsim::test
