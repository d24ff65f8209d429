// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "commands.hpp"
#include "pocsim/output/outcome_list.hpp"
#include "pocsim/scenario/printer.hpp"
#include "scenario_input.hpp"

namespace pocsim::cli {

Command add_show_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "show", "Print the fully resolved scenario (every key, defaults filled in) as YAML");
  struct Options {
    std::string file;
    std::vector<std::string> sets;
    bool keys = false;
    bool outcomes = false;
  };
  auto o = std::make_shared<Options>();
  accept_scenario_names(
      cmd->add_option("scenario", o->file, "scenario file (YAML) or shipped scenario's name"));
  cmd->add_option("--set", o->sets, "override a key: --set KEY.PATH=VALUE (repeatable)");
  cmd->add_flag("--keys", o->keys, "list every scenario key with its type, default and meaning");
  cmd->add_flag("--outcomes", o->outcomes,
                "list every outcome of a run (summary.json and timeseries.csv) with its type, "
                "unit and meaning");
  return [o] {
    if (o->outcomes) {
      std::cout << outcome_list_markdown();
      return int{exit_ok};
    }
    if (o->keys) {
      std::cout << scenario::key_reference_markdown();
      return int{exit_ok};
    }
    if (o->file.empty()) {
      std::cerr << "pocsim show: error: a scenario file is needed (or --keys, or --outcomes)\n";
      return int{exit_bad_input};
    }
    auto scenario = load_for_command(o->file, o->sets);
    if (!scenario) return int{exit_bad_input};
    std::cout << "# Resolved scenario from " << o->file << "; data paths are absolute.\n"
              << scenario::to_yaml(*scenario);
    return int{exit_ok};
  };
}

}  // namespace pocsim::cli
