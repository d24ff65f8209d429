// SPDX-License-Identifier: Apache-2.0
// `pocsim calibrate`: finds the parameter values of a scenario consistent
// with its targets (ABC-SMC or history matching), its runs made and
// journalled as a sweep's, so that --resume after a kill ends with the same
// files (docs/calibration.md).
#include <tbb/global_control.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <mutex>

#include "commands.hpp"
#include "pocsim/calibration/calibration_directory.hpp"
#include "pocsim/calibration/calibration_runs.hpp"
#include "pocsim/output/atomic_file.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/sweep/sweep_directory.hpp"

namespace pocsim::cli {

namespace {

namespace fs = std::filesystem;

struct CalibrateOptions {
  std::string file;
  std::string out;
  std::size_t jobs = 0;
  bool resume = false;
  bool force = false;
  bool quiet = false;
};

int input_error(const std::string& message) {
  std::cerr << "pocsim calibrate: error: " << message << "\n";
  return exit_bad_input;
}

int calibrate(const CalibrateOptions& o) {
  const calibration::CalibrationLoadResult loaded = calibration::load_calibration(o.file);
  if (!loaded.calibration) {
    loaded.diagnostics.print(std::cerr);
    return exit_bad_input;
  }
  const calibration::CalibrationFile& c = *loaded.calibration;
  const fs::path out =
      o.out.empty() ? fs::path("out") / "calibrations" / c.runs.name : fs::path(o.out);

  calibration::CalibrationManifest manifest;
  manifest.name = c.runs.name;
  manifest.file = o.file;
  manifest.text = c.runs.text;
  manifest.scenario_text = read_input_file(c.runs.scenario).value_or("");
  manifest.targets_text = c.targets_text;
  std::optional<calibration::CalibrationManifest> previous =
      calibration::read_calibration_manifest(out);
  if (!previous && fs::exists(out / sweep::manifest_name) && !o.force)
    return input_error(out.string() +
                       " holds something other than a calibration; use --force "
                       "to start over there or --out to choose another folder");
  if (o.force) {
    for (const std::string& name : calibration::calibration_file_names())
      fs::remove_all(out / name);
    previous.reset();
  } else if (previous && !o.resume) {
    return input_error(out.string() + " already holds " +
                       (previous->finished ? "a finished" : "an unfinished") + " calibration ('" +
                       previous->name + "'); use --resume to continue it or --force to start over");
  } else if (previous && previous->text != manifest.text) {
    return input_error(out.string() + " holds a calibration made from another version of " +
                       o.file + "; use --force to start over");
  } else if (previous && (previous->scenario_text != manifest.scenario_text ||
                          previous->targets_text != manifest.targets_text)) {
    return input_error(out.string() + " holds a calibration of another version of " +
                       c.runs.scenario.string() + " or " + c.targets_file.string() +
                       "; use --force to start over");
  }
  manifest.started = previous ? previous->started : sweep::utc_now();

  const std::size_t jobs =
      o.jobs > 0 ? o.jobs
                 : tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism);
  const bool show_progress = !o.quiet && ::isatty(STDERR_FILENO);
  std::atomic<std::size_t> made{0};
  std::mutex progress_mutex;
  auto progress = [&] {
    const std::size_t k = ++made;
    if (!show_progress) return;
    const std::lock_guard lock(progress_mutex);
    std::cerr << "\rpocsim calibrate: " << k << " simulations" << std::flush;
  };
  try {
    fs::create_directories(out);
    if (!previous)
      write_files_atomically(out,
                             {{sweep::manifest_name, calibration::manifest_json(manifest, c)}});
    sweep::RunJournal journal(out / sweep::journal_name);
    calibration::CalibrationRuns runs(c, journal, jobs, progress);
    const calibration::Posterior posterior =
        calibration::run_method(c, [&](const Eigen::MatrixXd& points) { return runs(points); });
    if (show_progress) std::cerr << "\n";
    manifest.simulations = runs.runs();
    manifest.finished = sweep::utc_now();
    write_files_atomically(out, {{"posterior.csv", calibration::posterior_csv(c, posterior)},
                                 {"waves.csv", calibration::waves_csv(c, posterior)},
                                 {"predictive.csv", calibration::predictive_csv(c, posterior)},
                                 {"runs.csv", runs.runs_csv()},
                                 {sweep::manifest_name, calibration::manifest_json(manifest, c)}});
    if (!o.quiet)
      std::cout << c.runs.name << ": " << posterior.points.rows() << " accepted of "
                << runs.runs() / c.runs.replications << " points (" << runs.runs()
                << " simulations) in " << posterior.waves.size()
                << (c.method == calibration::Method::abc_smc ? " generations" : " waves")
                << "; results in " << out.string() << "\n";
  } catch (const std::exception& e) {
    if (show_progress) std::cerr << "\n";
    std::cerr << "pocsim calibrate: error: " << e.what() << "\n";
    return exit_failure;
  }
  return exit_ok;
}

}  // namespace

Command add_calibrate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "calibrate",
      "Find the parameter values consistent with the targets (ABC-SMC or history matching)");
  auto o = std::make_shared<CalibrateOptions>();
  accept_scenario_names(
      cmd->add_option("calibration", o->file, "calibration file (YAML)")->required());
  cmd->add_option("--out", o->out, "folder for the results (default: out/calibrations/NAME)");
  cmd->add_option("--jobs", o->jobs, "runs at a time (default: all cores)")
      ->check(CLI::Range(0, 4096));
  cmd->add_flag("--resume", o->resume, "continue an interrupted calibration in the folder");
  cmd->add_flag("--force", o->force, "discard a calibration already in the folder and start over");
  cmd->add_flag("--quiet", o->quiet, "print nothing but errors");
  return [o] { return calibrate(*o); };
}

}  // namespace pocsim::cli
