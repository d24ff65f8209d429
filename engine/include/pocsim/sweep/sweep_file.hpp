// SPDX-License-Identifier: Apache-2.0
#pragma once
// A sweep file: a base scenario, what varies between its variants (axes of a
// grid, or continuous parameters sampled by a design), and how many
// replications each variant runs. Read and checked like a scenario: every
// error at once, at its line. Each axis level (and each sampled parameter at
// its min and max) is checked against the base scenario before anything runs;
// a combination of levels that is only wrong together (an arrival date after
// a withdrawal date on another axis) shows up as a failed run instead.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pocsim/scenario/diagnostics.hpp"
#include "pocsim/scenario/loader.hpp"
#include "pocsim/sweep/posterior_file.hpp"

namespace pocsim::sweep {

// One scenario key set to one value, with where the sweep file says so.
struct Setting {
  std::string key_path;  // a scenario key path, as for --set
  std::string value;     // YAML text of the value
  SourceLocation where;
  std::string sweep_path;  // the sweep file's key path of the value
};

// One level of an axis: its label in the plan and the keys it sets.
struct Level {
  std::string label;
  std::vector<Setting> settings;
};

struct Axis {
  std::string name;
  std::vector<Level> levels;
  SourceLocation where;
  std::string path;  // "axes.2"
};

enum class Design { grid, latin_hypercube, saltelli };
inline constexpr const char* design_names[] = {"grid", "latin_hypercube", "saltelli"};

// A continuous parameter of a sampled design, drawn on [min, max].
struct Parameter {
  std::string key_path;
  double min = 0.0;
  double max = 1.0;
  bool integer = false;  // rounded to the nearest integer (counts, hours)
  SourceLocation where;
  std::string path;  // "sample.parameters.1"
};

// `parameters: {posterior: PATH, draws: K}`: every variant runs over the
// same K draws of the posterior's parameter sets (sweep/posterior_draws.hpp).
struct PosteriorParameters {
  Posterior posterior;
  std::string written;  // PATH as written in the sweep file
  std::size_t draws = 1;
  SourceLocation where;  // of `posterior:` in the sweep file
};

struct SweepFile {
  std::string file;  // as named on the command line
  std::string text;  // the file's bytes, kept in the manifest
  std::string name;
  std::filesystem::path scenario;  // the base scenario, resolved against the file
  std::size_t replications = 1;
  std::uint64_t seed = 0;       // replicate r of every variant runs with seed + r
  std::vector<Setting> common;  // `set:`, applied to every run before the variant's
  Design design = Design::grid;
  std::vector<Axis> axes;  // grid: every combination of their levels
  // Labels of the reference level of each axis (grid), for paired differences.
  std::vector<std::string> reference;
  std::vector<Parameter> parameters;  // sampled designs
  std::size_t points = 0;             // base sample size of a sampled design
  std::size_t bootstrap = 1000;       // resamples for Sobol confidence intervals
  std::vector<std::string> sobol_outcomes;
  bool keep_samples =
      true;  // keep the run folder of replicate 0 of each grid variant (the first few)
  bool keep_timeseries = false;                  // `keep_timeseries: all`: every run's daily series
  std::optional<PosteriorParameters> posterior;  // grid designs only
};

// The most runs a sweep may plan (variants x posterior draws x
// replications). Every planned run holds a row of the plan, of the journal
// and of the outcome table in memory at the end (a few kB each with the
// baseline's outcomes), so a larger plan would take the machine's memory
// before it failed; a study that needs more runs is several sweeps. The
// reader counts the runs before anything is allocated for them.
inline constexpr std::uint64_t max_planned_runs = 1'000'000;

// The variants whose sample run folder a sweep keeps (`keep_samples`), from
// variant 0: one run folder is 60 kB for a day and megabytes for a year, so
// a million variants would fill the disk; a report reads a few.
inline constexpr std::size_t max_kept_samples = 1'000;

// The runs the file plans, saturating at 2^64 - 1 (a count that does not fit
// is above any limit): the product of the axes' levels (a grid) or the
// design's points (n for a Latin hypercube, n (d + 2) for Saltelli's), times
// the posterior's draws and the replications.
std::uint64_t planned_run_count(const SweepFile& sweep);

struct SweepLoadResult {
  std::optional<SweepFile> sweep;  // set only when there are no diagnostics
  Diagnostics diagnostics;
};

SweepLoadResult load_sweep(const std::filesystem::path& file);
SweepLoadResult load_sweep_text(const std::string& text, const std::string& display_name,
                                const std::filesystem::path& base_dir);

// True when the text looks like a sweep file (a top-level `sweep:` section),
// so that `pocsim validate` can take scenarios and sweeps alike.
bool looks_like_sweep(const std::string& text);

// The settings as command-line overrides, whose errors the loader reports
// under an origin that names the sweep file's place.
std::vector<scenario::Override> to_overrides(const std::vector<Setting>& settings);

}  // namespace pocsim::sweep
