// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "commands.hpp"
#include "pocsim/calibration/calibration_file.hpp"
#include "pocsim/classic/epstein_scenario.hpp"
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

// A calibration file is checked with its scenario, targets and priors.
bool validate_calibration(const std::string& file) {
  const calibration::CalibrationLoadResult loaded = calibration::load_calibration(file);
  loaded.diagnostics.print(std::cerr);
  return loaded.calibration.has_value();
}

// A classic model's scenario (Epstein's civil violence) has its own schema.
bool validate_classic(const std::string& file) {
  const classic::EpsteinLoadResult loaded = classic::load_epstein_scenario(file);
  loaded.diagnostics.print(std::cerr);
  return loaded.scenario.has_value();
}

bool validate_file(const std::string& file) {
  const auto text = read_input_file(file);
  if (text && sweep::looks_like_sweep(*text)) return validate_sweep(file);
  if (text && calibration::looks_like_calibration(*text)) return validate_calibration(file);
  if (classic::names_classic_model(file)) return validate_classic(file);
  return load_for_command(file, {}).has_value();
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("validate",
                                 "Check scenario and sweep files and report every error at once");
  auto files = std::make_shared<std::vector<std::string>>();
  accept_scenario_names(
      cmd->add_option("files", *files,
                      "scenario or sweep files (YAML), classic models included, or shipped names")
          ->required());
  return [files] {
    int status = exit_ok;
    for (const std::string& file : *files) {
      if (validate_file(file))
        std::cout << file << ": ok\n";
      else
        status = exit_bad_input;
    }
    return status;
  };
}

}  // namespace pocsim::cli
