// SPDX-License-Identifier: Apache-2.0
#include <tbb/global_control.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string_view>

#include "commands.hpp"
#include "mpi_launcher.hpp"
#include "pending_runs.hpp"
#include "pocsim/output/atomic_file.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/scenario/value_text.hpp"
#include "pocsim/sweep/sweep_directory.hpp"
#include "pocsim/sweep/sweep_runner.hpp"
#include "sweep_progress.hpp"
#ifdef POCSIM_MPI
#include "mpi_sweep.hpp"
#endif

namespace pocsim::cli {

namespace {

namespace fs = std::filesystem;

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

int fail_input(const std::string& message) {
  std::cerr << "pocsim sweep: error: " << message << "\n";
  return exit_bad_input;
}

// A scenario or variant file: a top-level `scenario:`, `factions:` or `base:`.
bool looks_like_scenario(const std::string& text) {
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line(text.data() + at, end - at);
    for (const std::string_view key : {"scenario:", "factions:", "base:"})
      if (line.starts_with(key)) return true;
    at = end + 1;
  }
  return false;
}

// The whole command in this process, or on rank 0 of an MPI job: all but
// making the runs, which `run_pending` does.
int sweep_in_folder(const SweepOptions& o, const RunPending& run_pending, bool on_terminal) {
  const auto shard = parse_shard(o.shard);
  if (!shard)
    return fail_input(o.shard.empty() ? "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT do not name a "
                                        "task of the array"
                                      : "--shard takes I/N with 0 <= I < N, got '" + o.shard + "'");
  if (const auto text = read_input_file(o.file);
      text && !sweep::looks_like_sweep(*text) && looks_like_scenario(*text)) {
    std::cerr << o.file << ":1:1: error: (file): this is a scenario file, not a sweep file "
              << "(it has no 'sweep' section); run it with: pocsim run " << o.file
              << " (docs/sweeps.md says how to write a sweep file)\n";
    return exit_bad_input;
  }
  const sweep::SweepLoadResult loaded = sweep::load_sweep(o.file);
  if (!loaded.sweep) {
    loaded.diagnostics.print(std::cerr);
    return exit_bad_input;
  }
  const sweep::SweepFile& file = *loaded.sweep;
  const std::string scenario_text = read_input_file(file.scenario).value_or("");
  const sweep::SweepPlan plan = sweep::make_plan(file);
  const fs::path out = o.out.empty() ? fs::path("out") / "sweeps" / file.name : fs::path(o.out);

  std::optional<sweep::Manifest> previous = sweep::read_manifest(out);
  if (previous && o.force) {
    for (const std::string& name : sweep::sweep_file_names()) fs::remove_all(out / name);
    previous.reset();
  } else if (previous && !o.resume) {
    return fail_input(out.string() + " already holds " +
                      (previous->finished ? "a finished" : "an unfinished") + " sweep ('" +
                      previous->sweep_name +
                      "'); use --resume to continue it or --force to start over");
  } else if (previous && previous->sweep_text != file.text) {
    return fail_input(out.string() + " holds a sweep made from another version of " + o.file +
                      "; use --force to start over");
  } else if (previous && previous->scenario_text != scenario_text) {
    return fail_input(out.string() + " holds a sweep of another version of " +
                      file.scenario.string() + "; use --force to start over");
  } else if (previous &&
             (previous->shard.index != shard->index || previous->shard.count != shard->count)) {
    return fail_input(out.string() + " holds shard " + std::to_string(previous->shard.index) + "/" +
                      std::to_string(previous->shard.count) + ", not " +
                      std::to_string(shard->index) + "/" + std::to_string(shard->count));
  }

  const std::vector<std::size_t> mine = sweep::shard_runs(plan, shard->index, shard->count);
  sweep::Manifest manifest;
  manifest.sweep_name = file.name;
  manifest.sweep_file = o.file;
  manifest.sweep_dir = fs::absolute(fs::path(o.file)).parent_path().lexically_normal().string();
  manifest.sweep_text = file.text;
  manifest.scenario_text = scenario_text;
  manifest.started = previous ? previous->started : sweep::utc_now();
  manifest.shard = *shard;
  manifest.runs_planned = mine.size();

  try {
    fs::create_directories(out);
    if (!previous)
      write_files_atomically(
          out, {{"plan.csv", sweep::plan_csv(plan)},
                {sweep::manifest_name, sweep::manifest_json(manifest, file, plan, {})}});
    {
      sweep::RunJournal journal(out / sweep::journal_name);
      std::vector<std::size_t> pending;
      // A resume also retries the runs that failed, in case the cause is gone.
      for (std::size_t id : mine) {
        const auto it = journal.existing().find(id);
        if (it == journal.existing().end() || !it->second.ok) pending.push_back(id);
      }
      SweepProgress progress("pocsim sweep", mine.size(), mine.size() - pending.size(),
                             !o.quiet && on_terminal);
      run_pending({file, plan, fs::absolute(out), std::move(pending), journal, progress, o.quiet});
      progress.finish();
    }
    // The journal on disk is the record, including runs of earlier attempts.
    const sweep::RunJournal final_journal(out / sweep::journal_name);
    const auto& records = final_journal.existing();
    for (const auto& [id, record] : records) {
      ++manifest.runs_done;
      if (!record.ok) ++manifest.runs_failed;
    }
    const auto outcomes = sweep::write_tables(out, file, plan, records);
    manifest.finished = sweep::utc_now();
    write_files_atomically(
        out, {{sweep::manifest_name, sweep::manifest_json(manifest, file, plan, outcomes)}});
    if (manifest.runs_failed > 0) {
      std::cerr << "pocsim sweep: " << manifest.runs_failed << " of " << manifest.runs_done
                << " runs failed; their errors are in " << (out / "runs.csv").string() << "\n";
      for (const auto& [id, record] : records)
        if (!record.ok) {
          std::cerr << "  run " << id << ": " << record.error << "\n";
          break;
        }
      return exit_failure;
    }
    if (!o.quiet)
      std::cout << file.name << ": " << manifest.runs_done << " runs of " << plan.variants.size()
                << " variants; results in " << out.string() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "pocsim sweep: error: " << e.what() << "\n";
    return exit_failure;
  }
  return exit_ok;
}

// The runs on TBB in this process, `jobs` at a time (0: every core).
RunPending runs_in_this_process(std::size_t jobs) {
  return [jobs](const PendingRuns& p) {
    auto runs = scenario_runs_in(p.file, p.plan, p.folder);
    sweep::run_sweep(
        p.plan, p.ids,
        jobs > 0 ? jobs
                 : tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism),
        std::ref(runs), p.journal, [&] { p.progress.step(); });
  };
}

int run(const SweepOptions& o) {
  if (started_by_mpi_launcher()) {
#ifdef POCSIM_MPI
    // One run at a time per rank unless --jobs says otherwise: a launcher
    // places one rank per core.
    return sweep_under_mpi(o.file, o.jobs > 0 ? o.jobs : 1, [&](const RunPending& run_pending) {
      return sweep_in_folder(o, run_pending, stderr_reaches_a_terminal());
    });
#else
    if (launcher_world_size() > 1)
      return fail_input("this pocsim was built without MPI, so each of the " +
                        std::to_string(launcher_world_size()) +
                        " processes the launcher started would make the whole sweep in the same "
                        "folder; build with -DPOCSIM_MPI=ON, or start one process per shard, "
                        "each with its own --shard I/N and --out (docs/sweeps.md)");
#endif
  }
  return sweep_in_folder(o, runs_in_this_process(o.jobs), ::isatty(STDERR_FILENO));
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
