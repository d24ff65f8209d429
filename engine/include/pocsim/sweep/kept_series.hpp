// SPDX-License-Identifier: Apache-2.0
#pragma once
// The daily series of every run of a sweep (`keep_timeseries: all`), for
// analysts who want whole curves rather than totals. Each run writes its rows
// as one gzip member into the sweep folder's timeseries/ as it finishes (so
// a killed sweep keeps what it ran, and a resume or merge adds to it); once
// every run has a record, the members are joined in run order after a header
// into timeseries.csv.gz, whose bytes do not depend on the order in which
// runs finished. Columns: run_id, variant_id, replicate, then a run's
// timeseries.csv columns.
#include <cstddef>
#include <filesystem>
#include <map>

#include "pocsim/output/outcomes.hpp"
#include "pocsim/sweep/plan.hpp"
#include "pocsim/sweep/run_journal.hpp"

namespace pocsim::sweep {

inline constexpr const char* series_pieces_folder = "timeseries";
inline constexpr const char* series_file_name = "timeseries.csv.gz";

// Writes the run's rows to FOLDER/timeseries/RUN_ID.csv.gz (and the header,
// once, beside them). Throws std::runtime_error when it cannot.
void keep_run_series(const std::filesystem::path& sweep_folder, const PlannedRun& run,
                     const Outcomes& outcomes);

// Joins the pieces of the recorded runs into FOLDER/timeseries.csv.gz and
// removes timeseries/. A failed run has no rows. Throws std::runtime_error
// when a successful run's piece is missing.
void join_kept_series(const std::filesystem::path& sweep_folder, const SweepPlan& plan,
                      const std::map<std::size_t, RunRecord>& records);

}  // namespace pocsim::sweep
