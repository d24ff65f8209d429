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

// One draw of a posterior sweep: a particle of the posterior and the values
// it sets, applied after the variant's (the keys never overlap).
struct Draw {
  std::size_t particle = 0;  // the posterior's `particle` number
  std::vector<Setting> settings;
};

struct PlannedRun {
  std::size_t run_id = 0;
  std::size_t variant_id = 0;
  std::size_t draw = 0;  // 0 in a sweep without a posterior
  std::size_t replicate = 0;
  std::uint64_t seed = 0;
};

struct SweepPlan {
  std::vector<std::string> axis_columns;  // axis names (grid designs)
  std::vector<std::string> key_columns;   // every varied scenario key path
  std::vector<Variant> variants;
  // A posterior sweep's draws, the same for every variant; empty otherwise.
  std::vector<Draw> draws;
  std::vector<std::string> posterior_columns;  // the posterior's keys
  // Replicate r of draw d of variant v is run (v * draw_count() + d) *
  // replications + r, with seed sweep seed + d * replications + r in every
  // variant: runs of different variants with the same draw and replicate
  // are paired (common random numbers), as replicates are without a posterior.
  std::vector<PlannedRun> runs;
  std::size_t reference_variant = 0;
  // Saltelli designs: the evaluation points in the estimator's order (see
  // sweep/sampling.hpp); every variant is one point.
  std::size_t replications = 1;

  // 1 without a posterior: a variant's runs are then its replicates.
  std::size_t draw_count() const { return draws.empty() ? 1 : draws.size(); }
  // The runs of one variant, consecutive in run id: draw by draw, replicate
  // by replicate within a draw.
  std::size_t runs_per_variant() const { return draw_count() * replications; }
};

SweepPlan make_plan(const SweepFile& sweep);

// plan.csv: run_id, variant_id, variant, replicate, seed, the axis columns,
// then the key columns; a posterior sweep has `draw` and `particle` after
// `variant` and the posterior's keys (the drawn values) at the end.
std::string plan_csv_header(const SweepPlan& plan);
std::string plan_csv_row(const SweepPlan& plan, const PlannedRun& run);
std::string plan_csv(const SweepPlan& plan);

// The runs of shard `index` of `count`: every count-th run from `index`, so
// that each shard holds a share of every variant.
std::vector<std::size_t> shard_runs(const SweepPlan& plan, std::size_t index, std::size_t count);

}  // namespace pocsim::sweep
