// SPDX-License-Identifier: Apache-2.0
#include <iostream>
#include <map>

#include "commands.hpp"
#include "pocsim/core/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"pocsim: an agent-based simulation of the protection of civilians in conflict",
               "pocsim"};
  app.set_version_flag("--version", pocsim::version_text());
  app.require_subcommand(1);
  std::map<CLI::App*, pocsim::cli::Command> commands;
  auto add = [&](pocsim::cli::Command (*make)(CLI::App&)) {
    const std::size_t before = app.get_subcommands({}).size();
    pocsim::cli::Command cmd = make(app);
    commands[app.get_subcommands({})[before]] = std::move(cmd);
  };
  add(pocsim::cli::add_run_command);
  add(pocsim::cli::add_validate_command);
  add(pocsim::cli::add_show_command);
  add(pocsim::cli::add_check_command);
  add(pocsim::cli::add_sweep_command);
  add(pocsim::cli::add_calibrate_command);
  add(pocsim::cli::add_merge_command);
  add(pocsim::cli::add_report_command);
  add(pocsim::cli::add_scenarios_command);
  add(pocsim::cli::add_serve_launcher);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : pocsim::cli::exit_bad_input;
  }
  for (auto& [sub, run] : commands)
    if (sub->parsed()) return run();
  return pocsim::cli::exit_bad_input;
}
