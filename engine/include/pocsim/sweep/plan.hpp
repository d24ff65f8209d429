// SPDX-License-Identifier: Apache-2.0
#pragma once
// The plan of a sweep: every run it will make, in a fixed order. Run ids,
// variant ids and seeds depend only on the sweep file, so any process (a
// resumed sweep, a shard, a merge) agrees on what run 17 is.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "pocsim/sweep/sweep_file.hpp"

namespace pocsim::sweep {

struct Variant {
  std::size_t id = 0;
  std::string label;                       // "flight_delay=24 withdrawal=barkhane"
  std::vector<std::string> levels;         // per axis (grid designs)
  std::vector<Setting> settings;           // applied after the sweep's common settings
  std::vector<std::string> column_values;  // per plan column of the varied keys
};

struct PlannedRun {
  std::size_t run_id = 0;
  std::size_t variant_id = 0;
  std::size_t replicate = 0;
  std::uint64_t seed = 0;
};

struct SweepPlan {
  std::vector<std::string> axis_columns;  // axis names (grid designs)
  std::vector<std::string> key_columns;   // every varied scenario key path
  std::vector<Variant> variants;
  std::vector<PlannedRun> runs;  // run r of variant v is v * replications + r
  std::size_t reference_variant = 0;
  // Saltelli designs: the evaluation points in the estimator's order (see
  // sweep/sampling.hpp); every variant is one point.
  std::size_t replications = 1;
};

SweepPlan make_plan(const SweepFile& sweep);

// plan.csv: run_id, variant_id, variant, replicate, seed, the axis columns,
// then the key columns.
std::string plan_csv_header(const SweepPlan& plan);
std::string plan_csv_row(const SweepPlan& plan, const PlannedRun& run);
std::string plan_csv(const SweepPlan& plan);

// The runs of shard `index` of `count`: every count-th run from `index`, so
// that each shard holds a share of every variant.
std::vector<std::size_t> shard_runs(const SweepPlan& plan, std::size_t index, std::size_t count);

}  // namespace pocsim::sweep
