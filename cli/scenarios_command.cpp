// SPDX-License-Identifier: Apache-2.0
// `pocsim scenarios`: the shipped scenarios, sweeps and targets, by the names
// that `pocsim run`, `show`, `validate`, `check` and `sweep` accept.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "installed_paths.hpp"
#include "shipped_scenarios.hpp"

namespace pocsim::cli {

namespace {

namespace fs = std::filesystem;

int list_scenarios() {
  const std::vector<fs::path> roots = scenario_roots();
  if (roots.empty()) {
    std::cerr << "pocsim scenarios: error: no shipped scenarios found (looked for "
                 "share/pocsim/scenarios next to the executable's folder)\n";
    return exit_failure;
  }
  // The first root is the one names resolve to first; a name under a later root that the first
  // also holds would never be reached, so each root lists what it adds.
  std::vector<std::string> seen;
  for (const fs::path& root : roots) {
    std::vector<ShippedScenario> list = shipped_scenarios(root);
    std::erase_if(list, [&](const ShippedScenario& e) {
      return std::find(seen.begin(), seen.end(), e.name) != seen.end();
    });
    if (list.empty()) continue;
    std::cout << "Shipped scenarios in " << root.string() << "\n"
              << "(pocsim run NAME, pocsim show NAME; pocsim sweep NAME for sweeps;\n"
                 " pocsim check SCENARIO --targets NAME for targets):\n\n";
    std::size_t width = 0;
    for (const ShippedScenario& e : list) width = std::max(width, e.name.size());
    for (const ShippedScenario& e : list) {
      std::cout << "  " << e.name << std::string(width - e.name.size() + 2, ' ') << e.kind
                << std::string(10 - std::min<std::size_t>(e.kind.size(), 9), ' ') << e.about
                << "\n";
      seen.push_back(e.name);
    }
    std::cout << "\n";
  }
  return exit_ok;
}

}  // namespace

void accept_scenario_names(CLI::Option* option) {
  option->transform([](std::string name) { return resolve_scenario_name(name); });
}

Command add_scenarios_command(CLI::App& app) {
  app.add_subcommand("scenarios",
                     "List the shipped scenarios, sweeps and targets by the names other commands "
                     "accept (pocsim run mali_2022/baseline)");
  return [] { return list_scenarios(); };
}

}  // namespace pocsim::cli
