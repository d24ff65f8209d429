// SPDX-License-Identifier: Apache-2.0
#pragma once
// Loading a scenario named on the command line, with its `--set` overrides,
// printing every diagnostic to stderr.
#include <optional>
#include <string>
#include <vector>

#include "pocsim/scenario/loader.hpp"

namespace pocsim::cli {

// The `--set KEY.PATH=VALUE` texts as overrides; nothing (after saying what
// is wrong, with `example` as a model) when one has no '='.
std::optional<std::vector<scenario::Override>> parse_overrides(const std::vector<std::string>& sets,
                                                               const char* example);

std::optional<scenario::Scenario> load_for_command(const std::string& file,
                                                   const std::vector<std::string>& sets);

}  // namespace pocsim::cli
