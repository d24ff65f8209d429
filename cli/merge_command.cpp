// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "created_folder.hpp"
#include "pocsim/output/atomic_file.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/sweep/kept_series.hpp"
#include "pocsim/sweep/sweep_directory.hpp"

namespace pocsim::cli {

namespace {

namespace fs = std::filesystem;

struct MergeOptions {
  std::vector<std::string> folders;
  std::string out;
  bool force = false;
  bool quiet = false;
};

int fail_input(const std::string& message) {
  std::cerr << "pocsim merge: error: " << message << "\n";
  return exit_bad_input;
}

int merge(const MergeOptions& o) {
  std::vector<sweep::Manifest> manifests;
  for (const std::string& folder : o.folders) {
    auto m = sweep::read_manifest(folder);
    if (!m) return fail_input(folder + " is not a sweep folder (no readable manifest.json)");
    if (!manifests.empty() && m->sweep_text != manifests.front().sweep_text)
      return fail_input(folder + " holds a sweep made from another sweep file than " +
                        o.folders.front());
    manifests.push_back(std::move(*m));
  }
  const sweep::Manifest& first = manifests.front();
  // The sweep file is read back from the manifest's copy of its text, so
  // that its base scenario resolves as it did when the shards ran.
  const sweep::SweepLoadResult loaded =
      sweep::load_sweep_text(first.sweep_text, first.sweep_file, first.sweep_dir);
  if (!loaded.sweep) {
    loaded.diagnostics.print(std::cerr);
    return exit_bad_input;
  }
  // The draws are made from the posterior file as it is now: it must be the
  // file the shards ran.
  const std::string posterior_hash =
      loaded.sweep->posterior ? loaded.sweep->posterior->posterior.hash : "";
  for (std::size_t k = 0; k < manifests.size(); ++k)
    if (manifests[k].posterior_hash != posterior_hash)
      return fail_input(o.folders[k] +
                        " was made from another version of the sweep's posterior file than the "
                        "one there now; these results cannot be merged");
  const sweep::SweepPlan plan = sweep::make_plan(*loaded.sweep);

  std::map<std::size_t, sweep::RunRecord> records;
  for (std::size_t k = 0; k < o.folders.size(); ++k) {
    const auto text = read_input_file(fs::path(o.folders[k]) / sweep::journal_name);
    if (!text) continue;
    for (auto& [id, record] : sweep::read_journal_text(*text)) {
      const auto [it, fresh] = records.emplace(id, record);
      if (!fresh && sweep::journal_line(it->second) != sweep::journal_line(record))
        return fail_input("run " + std::to_string(id) + " differs between " + o.folders[k] +
                          " and an earlier folder; these are not shards of one sweep");
    }
  }

  const fs::path out(o.out);
  if (sweep::read_manifest(out) && !o.force)
    return fail_input(out.string() + " already holds a sweep; use --force to replace it");
  try {
    CreatedFolder merged(out);
    for (const std::string& name : sweep::sweep_file_names()) fs::remove_all(out / name);
    std::string journal;
    for (const auto& [id, record] : records) journal += sweep::journal_line(record);
    sweep::Manifest manifest = first;
    manifest.shard = {};
    manifest.runs_planned = plan.run_count();
    manifest.runs_done = records.size();
    manifest.runs_failed = 0;
    for (const auto& [id, record] : records)
      if (!record.ok) ++manifest.runs_failed;
    for (const auto& m : manifests)
      if (m.started < manifest.started) manifest.started = m.started;
    manifest.finished = sweep::utc_now();
    write_files_atomically(
        out, {{"plan.csv", {}, [&](std::ostream& stream) { sweep::write_plan_csv(plan, stream); }},
              {sweep::journal_name, journal}});
    // Each shard kept the daily series of the runs it ran, if asked to.
    for (const std::string& folder : o.folders)
      if (fs::is_directory(fs::path(folder) / sweep::series_pieces_folder))
        fs::copy(fs::path(folder) / sweep::series_pieces_folder, out / sweep::series_pieces_folder,
                 fs::copy_options::recursive | fs::copy_options::skip_existing);
    const auto outcomes = sweep::write_tables(out, *loaded.sweep, plan, records);
    // Each shard kept the run folders of the variants' replicate 0 it ran.
    for (const std::string& folder : o.folders)
      if (fs::is_directory(fs::path(folder) / "samples"))
        fs::copy(fs::path(folder) / "samples", out / "samples",
                 fs::copy_options::recursive | fs::copy_options::skip_existing);
    write_files_atomically(out, {{sweep::manifest_name,
                                  sweep::manifest_json(manifest, *loaded.sweep, plan, outcomes)}});
    merged.keep();
  } catch (const std::exception& e) {
    std::cerr << "pocsim merge: error: " << e.what() << "\n";
    return exit_failure;
  }
  if (records.size() < plan.run_count()) {
    std::cerr << "pocsim merge: " << plan.run_count() - records.size() << " of " << plan.run_count()
              << " planned runs are missing; runs.csv holds the others, and the statistics wait "
                 "for all of them\n";
    return exit_failure;
  }
  const std::size_t failed = static_cast<std::size_t>(
      std::count_if(records.begin(), records.end(), [](const auto& r) { return !r.second.ok; }));
  if (failed > 0) {
    std::cerr << "pocsim merge: " << failed << " of " << records.size()
              << " runs failed; their errors are in " << (out / "runs.csv").string() << "\n";
    return exit_failure;
  }
  if (!o.quiet)
    std::cout << first.sweep_name << ": merged " << records.size() << " runs from "
              << o.folders.size() << " folders into " << out.string() << "\n";
  return exit_ok;
}

}  // namespace

Command add_merge_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("merge", "Merge the folders of a sharded sweep into one");
  auto o = std::make_shared<MergeOptions>();
  cmd->add_option("folders", o->folders, "sweep folders of the shards")->required();
  cmd->add_option("--out", o->out, "folder for the merged sweep")->required();
  cmd->add_flag("--force", o->force, "replace a sweep already in --out");
  cmd->add_flag("--quiet", o->quiet, "print nothing but errors");
  return [o] { return merge(*o); };
}

}  // namespace pocsim::cli
