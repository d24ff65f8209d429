// SPDX-License-Identifier: Apache-2.0
#pragma once
// The plan of a sweep: every run it will make, in a fixed order. Run ids,
// variant ids and seeds depend only on the sweep file, so any process (a
// resumed sweep, a shard, a merge) agrees on what run 17 is.
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include <Eigen/Core>

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

// The plan's variants and runs are made when asked for, from the axes'
// levels or the design's points, rather than held: a sweep of a million runs
// (the limit) held a gigabyte of variants before it ran one, and its plan now
// takes what its axes take. A calibration lists its points' variants itself.
struct SweepPlan {
  std::vector<std::string> axis_columns;  // axis names (grid designs)
  std::vector<std::string> key_columns;   // every varied scenario key path
  // A posterior sweep's draws, the same for every variant; empty otherwise.
  std::vector<Draw> draws;
  std::vector<std::string> posterior_columns;  // the posterior's keys
  std::size_t reference_variant = 0;
  std::size_t replications = 1;

  // What the variants are made from: the axes of a grid, a design's points,
  // or a list.
  enum class Source { grid, sampled, listed } source = Source::grid;
  std::vector<Axis> axes;  // a grid: every combination, the last axis fastest
  // A sampled design: a row of [0, 1) values a variant; Saltelli's in the
  // estimator's order (see sweep/sampling.hpp).
  Eigen::MatrixXd points;
  std::vector<Parameter> parameters;  // the design's columns
  std::vector<Variant> listed;        // variants given one by one (a calibration's points)

  // Replicate r of draw d of variant v is run k = (v * draw_count() + d) *
  // replications + r, with run id first_run + k. Paired seeds (a sweep):
  // seed + d * replications + r in every variant, so that runs of different
  // variants with the same draw and replicate are paired (common random
  // numbers), as replicates are without a posterior. Seeds per run (a
  // calibration, whose points are not compared pairwise): seed + run id.
  std::uint64_t seed = 0;
  std::size_t first_run = 0;
  bool seed_per_run = false;

  // 1 without a posterior: a variant's runs are then its replicates.
  std::size_t draw_count() const { return draws.empty() ? 1 : draws.size(); }
  // The runs of one variant, consecutive in run id: draw by draw, replicate
  // by replicate within a draw.
  std::size_t runs_per_variant() const { return draw_count() * replications; }
  std::size_t variant_count() const;
  std::size_t run_count() const { return variant_count() * runs_per_variant(); }
  // Variant `id` and run `k` (from 0, whatever first_run is); both throw
  // std::out_of_range past the end.
  Variant variant(std::size_t id) const;
  PlannedRun run(std::size_t k) const;
};

SweepPlan make_plan(const SweepFile& sweep);

// plan.csv: run_id, variant_id, variant, replicate, seed, the axis columns,
// then the key columns; a posterior sweep has `draw` and `particle` after
// `variant` and the posterior's keys (the drawn values) at the end.
std::string plan_csv_header(const SweepPlan& plan);
std::string plan_csv_row(const SweepPlan& plan, const PlannedRun& run);
// The same for a run of `variant`, made once for all its runs.
std::string plan_csv_row(const SweepPlan& plan, const Variant& variant, const PlannedRun& run);
// The whole file, a row at a time, without holding it (a million runs make
// 70 MB of text).
void write_plan_csv(const SweepPlan& plan, std::ostream& out);

// The runs of shard `index` of `count`: every count-th run from `index`, so
// that each shard holds a share of every variant.
std::vector<std::size_t> shard_runs(const SweepPlan& plan, std::size_t index, std::size_t count);

}  // namespace pocsim::sweep
