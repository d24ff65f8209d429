#include <iostream>

#include "commands.hpp"
#include "pocsim/classic/epstein_scenario.hpp"
#include "scenario_input.hpp"

namespace pocsim::cli {

Command add_validate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("validate", "Check scenario files and report every error at once");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("files", *files, "scenario files (YAML)")->required();
  return [files] {
    int status = exit_ok;
    for (const std::string& file : *files) {
      bool ok = false;
      if (classic::names_classic_model(file)) {
        const classic::EpsteinLoadResult loaded = classic::load_epstein_scenario(file);
        loaded.diagnostics.print(std::cerr);
        ok = loaded.scenario.has_value();
      } else {
        ok = load_for_command(file, {}).has_value();
      }
      if (ok)
        std::cout << file << ": ok\n";
      else
        status = exit_bad_input;
    }
    return status;
  };
}

}  // namespace pocsim::cli
