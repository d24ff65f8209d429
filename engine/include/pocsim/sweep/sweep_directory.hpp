// SPDX-License-Identifier: Apache-2.0
#pragma once
// The files of a sweep directory and their life: the manifest and plan
// written before the first run, the journal growing run by run, and the
// tables written from the journal at the end (also after a resume or a merge).
// See docs/sweeps.md for the files.
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pocsim/sweep/plan.hpp"
#include "pocsim/sweep/run_journal.hpp"
#include "pocsim/sweep/sweep_file.hpp"

namespace pocsim::sweep {

inline constexpr const char* journal_name = "runs.journal";
inline constexpr const char* manifest_name = "manifest.json";

// Every name a sweep writes into its directory; --force removes these only.
std::vector<std::string> sweep_file_names();

struct Shard {
  std::size_t index = 0;  // 0-based
  std::size_t count = 1;
};

// What manifest.json says about a sweep directory.
struct Manifest {
  std::string sweep_name;
  std::string sweep_file;      // as named when the sweep started
  std::string sweep_dir;       // absolute folder of the sweep file, to read it back
  std::string sweep_text;      // the sweep file's bytes
  std::string scenario_text;   // the base scenario's bytes: a resume must run the same model
  std::string posterior_hash;  // of the posterior file's bytes; empty without a posterior
  std::string started;         // ISO 8601 UTC
  std::optional<std::string> finished;
  Shard shard;
  std::size_t runs_planned = 0;  // in this shard
  std::size_t runs_done = 0;
  std::size_t runs_failed = 0;
};

std::string manifest_json(const Manifest& manifest, const SweepFile& sweep, const SweepPlan& plan,
                          const std::vector<std::string>& outcomes);

// Nothing when there is no readable manifest in the folder.
std::optional<Manifest> read_manifest(const std::filesystem::path& folder);

std::string utc_now();

// Writes runs.csv from the records and, when every planned run has a record,
// summary.csv and differences.csv (grid) or sobol.csv (Saltelli), all at
// once. Returns the outcome names, for the manifest.
std::vector<std::string> write_tables(const std::filesystem::path& folder, const SweepFile& sweep,
                                      const SweepPlan& plan,
                                      const std::map<std::size_t, RunRecord>& records);

}  // namespace pocsim::sweep
