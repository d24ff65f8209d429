// SPDX-License-Identifier: Apache-2.0
#include <tbb/global_control.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "created_folder.hpp"
#include "epstein_run.hpp"
#include "pocsim/classic/epstein_scenario.hpp"
#include "pocsim/output/atomic_file.hpp"
#include "pocsim/output/outcome_list.hpp"
#include "pocsim/output/run_files.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/sweep/sweep_file.hpp"
#include "pocsim/systems/displacement.hpp"
#include "run_options.hpp"
#include "scenario_input.hpp"
#include "seed_option.hpp"

namespace pocsim::cli {

namespace {

int run(const RunOptions& o) {
  if (classic::names_classic_model(o.file)) return run_classic(o);
  if (const auto text = read_input_file(o.file, yaml_input_limit); text && sweep::looks_like_sweep(*text)) {
    std::cerr << o.file << ":1:1: error: (file): this is a sweep file (it has a 'sweep' "
              << "section); run it with: pocsim sweep " << o.file << "\n";
    return exit_bad_input;
  }
  std::vector<std::string> sets = o.sets;
  if (o.seed) sets.push_back("scenario.seed=" + std::to_string(*o.seed));
  if (!o.windows.empty()) {
    // --window NAME=FROM:TO, as outputs.windows; the loader checks the names and dates.
    std::string list;
    for (const std::string& w : o.windows) {
      const auto equals = w.find('='),
                 colon = w.find(':', equals == std::string::npos ? 0 : equals);
      if (equals == std::string::npos || colon == std::string::npos) {
        std::cerr
            << "pocsim run: error: --window " << w
            << ": expected NAME=FIRST_DAY:LAST_DAY, e.g. after_barkhane=2022-08-15:2022-12-31\n";
        return exit_bad_input;
      }
      list += (list.empty() ? "" : ", ") + std::string("{name: \"") + w.substr(0, equals) +
              "\", from: " + w.substr(equals + 1, colon - equals - 1) +
              ", to: " + w.substr(colon + 1) + "}";
    }
    sets.push_back("outputs.windows=[" + list + "]");
  }
  auto scenario = load_for_command(o.file, sets);
  if (!scenario) return exit_bad_input;

  namespace fs = std::filesystem;
  const fs::path out = o.out.empty() ? fs::path("out") / scenario->scenario.name : fs::path(o.out);
  if (results_in_the_way(
          out, {"scenario.resolved.yaml", "summary.json", "timeseries.csv", "events.csv"}, o.force))
    return exit_bad_input;

  const int threads = worker_threads(o.threads);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads));
  const ExecutionMode mode = threads == 1 ? ExecutionMode::serial : ExecutionMode::parallel;
  const bool show_progress = !o.quiet && ::isatty(STDERR_FILENO);
  try {
    Simulation simulation(*scenario, mode);
    simulation.run([&](std::uint32_t day, std::uint32_t days) {
      if (show_progress) std::cerr << "\rpocsim run: day " << day << "/" << days << std::flush;
    });
    if (show_progress) std::cerr << "\n";
    const Outcomes outcomes = collect_outcomes(simulation.result());
    const RunResult& result = *outcomes.run;
    CreatedFolder folder(out);
    write_files_atomically(out, run_files(outcomes));
    folder.keep();
    if (!o.quiet) {
      const CivilianCensus census = simulation.census();
      std::cout << scenario->scenario.name << " (seed " << scenario->scenario.seed
                << "): " << census.killed << " civilians killed, "
                << result.recorder.totals().displaced_peak << " displaced at the peak, "
                << result.recorder.events().size() << " events; results in " << out.string()
                << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "pocsim run: error: " << e.what() << "\n";
    return exit_failure;
  }
  return exit_ok;
}

}  // namespace

Command add_run_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("run", "Run one scenario and write its result files");
  auto o = std::make_shared<RunOptions>();
  accept_scenario_names(
      cmd->add_option("scenario", o->file, "scenario file (YAML) or shipped scenario's name")
          ->required());
  cmd->add_option("--out", o->out, "folder for the results (default: out/NAME)");
  add_seed_option(*cmd, o->seed, "seed, overriding scenario.seed");
  cmd->add_option("--threads", o->threads, "worker threads (default: all cores; 1 = serial path)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--set", o->sets, "override a key: --set KEY.PATH=VALUE (repeatable)");
  cmd->add_option("--window", o->windows,
                  "report every outcome also over a date window, in summary.json's windows "
                  "block: --window NAME=FIRST_DAY:LAST_DAY (repeatable; replaces the "
                  "scenario's outputs.windows)");
  cmd->add_flag("--quiet", o->quiet, "print nothing but errors");
  cmd->add_flag("--force", o->force, "replace the results of an earlier run in the folder");
  return [o] { return run(*o); };
}

}  // namespace pocsim::cli
