// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/kept_series.hpp"

#include <stdexcept>
#include <string>

#include "pocsim/output/atomic_file.hpp"
#include "pocsim/output/gzip.hpp"
#include "pocsim/output/run_files.hpp"
#include "pocsim/scenario/input_file.hpp"

namespace pocsim::sweep {

namespace {

constexpr const char* series_header_name = "header.csv";

std::string piece_name(std::size_t run_id) { return std::to_string(run_id) + ".csv.gz"; }

}  // namespace

void keep_run_series(const std::filesystem::path& sweep_folder, const PlannedRun& run,
                     const Outcomes& outcomes) {
  const std::string table = timeseries_csv(outcomes);
  const std::size_t header_end = table.find('\n');
  const std::string header = "run_id,variant_id,replicate," + table.substr(0, header_end + 1);
  const std::string prefix = std::to_string(run.run_id) + "," + std::to_string(run.variant_id) +
                             "," + std::to_string(run.replicate) + ",";
  std::string rows;
  rows.reserve(table.size() + (table.size() / 64 + 1) * prefix.size());
  for (std::size_t start = header_end + 1; start < table.size();) {
    const std::size_t end = table.find('\n', start);
    const std::size_t stop = end == std::string::npos ? table.size() : end + 1;
    rows += prefix;
    rows.append(table, start, stop - start);
    start = stop;
  }
  const auto folder = sweep_folder / series_pieces_folder;
  std::filesystem::create_directories(folder);
  // Every run writes the same header; whichever lands last changes nothing.
  write_files_atomically(
      folder, {{piece_name(run.run_id), gzip_member(rows)}, {series_header_name, header}});
}

void join_kept_series(const std::filesystem::path& sweep_folder, const SweepPlan& plan,
                      const std::map<std::size_t, RunRecord>& records) {
  const auto folder = sweep_folder / series_pieces_folder;
  const auto header = read_input_file(folder / series_header_name);
  std::string joined = gzip_member(header.value_or(""));
  for (const auto& [id, record] : records) {
    if (!record.ok || id >= plan.run_count()) continue;
    const auto piece = read_input_file(folder / piece_name(id));
    if (!piece)
      throw std::runtime_error("the daily series of run " + std::to_string(id) +
                               " is missing from " + folder.string() +
                               " (keep_timeseries: all); rerun the sweep with --force");
    joined += *piece;
  }
  write_files_atomically(sweep_folder, {{series_file_name, joined}});
  std::filesystem::remove_all(folder);
}

}  // namespace pocsim::sweep
