#pragma once
// Loading a scenario named on the command line, with its `--set` overrides,
// printing every diagnostic to stderr.
#include <optional>
#include <string>
#include <vector>

#include "pocsim/scenario/loader.hpp"

namespace pocsim::cli {

std::optional<scenario::Scenario> load_for_command(const std::string& file,
                                                   const std::vector<std::string>& sets);

}  // namespace pocsim::cli
