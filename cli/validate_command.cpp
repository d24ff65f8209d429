#include <iostream>

#include "commands.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/sweep/sweep_file.hpp"
#include "scenario_input.hpp"

namespace pocsim::cli {

namespace {

// A sweep file is checked with its base scenario and every variant's settings.
bool validate_sweep(const std::string& file) {
  const sweep::SweepLoadResult loaded = sweep::load_sweep(file);
  loaded.diagnostics.print(std::cerr);
  return loaded.sweep.has_value();
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("validate",
                                 "Check scenario and sweep files and report every error at once");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("files", *files, "scenario or sweep files (YAML)")->required();
  return [files] {
    int status = exit_ok;
    for (const std::string& file : *files) {
      const auto text = read_input_file(file);
      const bool ok = text && sweep::looks_like_sweep(*text)
                          ? validate_sweep(file)
                          : load_for_command(file, {}).has_value();
      if (ok)
        std::cout << file << ": ok\n";
      else
        status = exit_bad_input;
    }
    return status;
  };
}

}  // namespace pocsim::cli
