// SPDX-License-Identifier: Apache-2.0
#include "sweep_folder.hpp"

#include <tbb/global_control.h>

#include <algorithm>
#include <functional>
#include <string_view>

#include "exit_codes.hpp"
#include "pocsim/output/atomic_file.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/sweep/sweep_runner.hpp"

namespace pocsim::cli {

namespace {

namespace fs = std::filesystem;

// A scenario or variant file: a top-level `scenario:`, `factions:` or `base:`.
bool looks_like_scenario_file(const std::string& text) {
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

}  // namespace

int sweep_input_error(const std::string& message, std::ostream& messages) {
  messages << "pocsim sweep: error: " << message << "\n";
  return exit_bad_input;
}

int sweep_in_folder(const SweepFolderOptions& o, const RunPending& run_pending, bool on_terminal,
                    std::ostream& messages) {
  auto fail_input = [&](const std::string& message) {
    return sweep_input_error(message, messages);
  };
  if (const auto text = read_input_file(o.file, yaml_input_limit);
      text && !sweep::looks_like_sweep(*text) && looks_like_scenario_file(*text)) {
    messages << o.file << ":1:1: error: (file): this is a scenario file, not a sweep file "
             << "(it has no 'sweep' section); run it with: pocsim run " << o.file
             << " (docs/sweeps.md says how to write a sweep file)\n";
    return exit_bad_input;
  }
  const sweep::SweepLoadResult loaded = sweep::load_sweep(o.file);
  if (!loaded.sweep) {
    loaded.diagnostics.print(messages);
    return exit_bad_input;
  }
  const sweep::SweepFile& file = *loaded.sweep;
  const std::string scenario_text = read_input_file(file.scenario).value_or("");
  const sweep::SweepPlan plan = sweep::make_plan(file);
  const std::string posterior_hash = file.posterior ? file.posterior->posterior.hash : "";
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
  } else if (previous && previous->posterior_hash != posterior_hash) {
    return fail_input(out.string() + " holds a sweep over another version of the posterior " +
                      file.posterior->posterior.file.string() + "; use --force to start over");
  } else if (previous &&
             (previous->shard.index != o.shard.index || previous->shard.count != o.shard.count)) {
    return fail_input(out.string() + " holds shard " + std::to_string(previous->shard.index) + "/" +
                      std::to_string(previous->shard.count) + ", not " +
                      std::to_string(o.shard.index) + "/" + std::to_string(o.shard.count));
  }

  const std::vector<std::size_t> mine = sweep::shard_runs(plan, o.shard.index, o.shard.count);
  sweep::Manifest manifest;
  manifest.sweep_name = file.name;
  manifest.sweep_file = o.file;
  manifest.sweep_dir = fs::absolute(fs::path(o.file)).parent_path().lexically_normal().string();
  manifest.sweep_text = file.text;
  manifest.scenario_text = scenario_text;
  manifest.posterior_hash = posterior_hash;
  manifest.started = previous ? previous->started : sweep::utc_now();
  manifest.shard = o.shard;
  manifest.runs_planned = mine.size();

  try {
    fs::create_directories(out);
    if (!previous)
      write_files_atomically(
          out,
          {{"plan.csv", {}, [&](std::ostream& stream) { sweep::write_plan_csv(plan, stream); }},
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
      messages << "pocsim sweep: " << manifest.runs_failed << " of " << manifest.runs_done
               << " runs failed; their errors are in " << (out / "runs.csv").string() << "\n";
      for (const auto& [id, record] : records)
        if (!record.ok) {
          messages << "  run " << id << ": " << record.error << "\n";
          break;
        }
      return exit_failure;
    }
    if (!o.quiet)
      std::cout << file.name << ": " << manifest.runs_done << " runs of " << plan.variant_count()
                << " variants; results in " << out.string() << "\n";
  } catch (const std::exception& e) {
    messages << "pocsim sweep: error: " << e.what() << "\n";
    return exit_failure;
  }
  return exit_ok;
}

RunPending runs_in_this_process(std::size_t jobs, const StopRequest* stop) {
  return [jobs, stop](const PendingRuns& p) {
    auto runs = scenario_runs_in(p.file, p.plan, p.folder, stop);
    sweep::run_sweep(
        p.plan, p.ids,
        jobs > 0 ? jobs
                 : tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism),
        std::ref(runs), p.journal, [&] { p.progress.step(); }, stop);
  };
}

}  // namespace pocsim::cli
