// SPDX-License-Identifier: Apache-2.0
#include "scenario_input.hpp"

#include <iostream>

namespace pocsim::cli {

std::optional<std::vector<scenario::Override>> parse_overrides(const std::vector<std::string>& sets,
                                                               const char* example) {
  std::vector<scenario::Override> overrides;
  bool usage_ok = true;
  for (const std::string& text : sets) {
    if (auto o = scenario::Override::parse(text)) {
      overrides.push_back(*o);
    } else {
      std::cerr << "<--set " << text << ">:1:1: error: (command line): expected --set "
                << "KEY.PATH=VALUE, for example --set " << example << "\n";
      usage_ok = false;
    }
  }
  if (!usage_ok) return std::nullopt;
  return overrides;
}

std::optional<scenario::Scenario> load_for_command(const std::string& file,
                                                   const std::vector<std::string>& sets) {
  const auto overrides = parse_overrides(sets, "civilians.flee_probability=0.3");
  if (!overrides) return std::nullopt;
  scenario::LoadResult loaded = scenario::load_scenario(file, *overrides);
  loaded.diagnostics.print(std::cerr);
  return std::move(loaded.scenario);
}

}  // namespace pocsim::cli
