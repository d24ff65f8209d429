// SPDX-License-Identifier: Apache-2.0
#include <unistd.h>

#include <cstdlib>
#include <optional>

#include "commands.hpp"
#include "mpi_launcher.hpp"
#include "pocsim/scenario/value_text.hpp"
#include "sweep_folder.hpp"
#ifdef POCSIM_MPI
#include "mpi_sweep.hpp"
#endif

namespace pocsim::cli {

namespace {

struct SweepOptions {
  std::string file;
  std::string out;
  std::size_t jobs = 0;
  std::string shard;
  bool resume = false;
  bool force = false;
  bool quiet = false;
};

// "I/N" with 0 <= I < N; without one, Slurm's job-array variables, so that
// the same command line serves every task of an array.
std::optional<sweep::Shard> parse_shard(const std::string& text) {
  auto number = [](const std::string& s) { return scenario::parse_integer<std::size_t>(s); };
  if (text.empty()) {
    const char* id = std::getenv("SLURM_ARRAY_TASK_ID");
    const char* count = std::getenv("SLURM_ARRAY_TASK_COUNT");
    if (!id || !count) return sweep::Shard{};
    const char* min = std::getenv("SLURM_ARRAY_TASK_MIN");  // arrays may start at 1
    const auto i = number(id), n = number(count), lo = number(min ? min : "0");
    if (!i || !n || !lo || *n == 0 || *i < *lo || *i - *lo >= *n) return std::nullopt;
    return sweep::Shard{*i - *lo, *n};
  }
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const auto i = number(text.substr(0, slash)), n = number(text.substr(slash + 1));
  if (!i || !n || *n == 0 || *i >= *n) return std::nullopt;
  return sweep::Shard{*i, *n};
}

// The command in this process, or on rank 0 of an MPI job: all but making
// the runs, which `run_pending` does.
int sweep_here(const SweepOptions& o, const RunPending& run_pending, bool on_terminal) {
  const auto shard = parse_shard(o.shard);
  if (!shard)
    return sweep_input_error(o.shard.empty()
                                 ? "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT do not name a "
                                   "task of the array"
                                 : "--shard takes I/N with 0 <= I < N, got '" + o.shard + "'");
  return sweep_in_folder({o.file, o.out, *shard, o.resume, o.force, o.quiet}, run_pending,
                         on_terminal);
}

int run(const SweepOptions& o) {
  if (started_by_mpi_launcher()) {
#ifdef POCSIM_MPI
    // One run at a time per rank unless --jobs says otherwise: a launcher
    // places one rank per core.
    return sweep_under_mpi(o.file, o.jobs > 0 ? o.jobs : 1, [&](const RunPending& run_pending) {
      return sweep_here(o, run_pending, stderr_reaches_a_terminal());
    });
#else
    if (launcher_world_size() > 1)
      return sweep_input_error(
          "this pocsim was built without MPI, so each of the " +
          std::to_string(launcher_world_size()) +
          " processes the launcher started would make the whole sweep in the same "
          "folder; build with -DPOCSIM_MPI=ON, or start one process per shard, "
          "each with its own --shard I/N and --out (docs/sweeps.md)");
#endif
  }
  return sweep_here(o, runs_in_this_process(o.jobs), ::isatty(STDERR_FILENO));
}

}  // namespace

Command add_sweep_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "sweep", "Run every variant of a sweep file with its replications, in parallel");
  auto o = std::make_shared<SweepOptions>();
  accept_scenario_names(
      cmd->add_option("sweep", o->file, "sweep file (YAML) or shipped sweep's name")->required());
  cmd->add_option("--out", o->out, "folder for the results (default: out/sweeps/NAME)");
  cmd->add_option("--jobs", o->jobs,
                  "runs at a time (default: all cores; under MPI, on each rank, default 1)")
      ->check(CLI::Range(0, 4096));
  cmd->add_option("--shard", o->shard,
                  "run only shard I of N (0-based); default from SLURM_ARRAY_TASK_ID and "
                  "SLURM_ARRAY_TASK_COUNT");
  cmd->add_flag("--resume", o->resume, "continue an interrupted sweep in the folder");
  cmd->add_flag("--force", o->force, "discard a sweep already in the folder and start over");
  cmd->add_flag("--quiet", o->quiet, "print nothing but errors");
  return [o] { return run(*o); };
}

}  // namespace pocsim::cli
