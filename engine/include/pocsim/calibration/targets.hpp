// SPDX-License-Identifier: Apache-2.0
#pragma once
// Calibration targets: what a scenario's outcomes should come to, each with
// the source of its figure, read from a YAML targets file; and the metrics
// that compute an outcome from one replication's summary.json and
// timeseries.csv. Nothing here runs a simulation, so the metrics can be
// tested on small hand-written outputs.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pocsim/core/date.hpp"
#include "pocsim/output/outcomes.hpp"
#include "pocsim/scenario/diagnostics.hpp"

namespace pocsim::calibration {

// A value of the targets file with the place it was written, so that checks
// made later, against the outputs of a run, point at its line and key.
template <class T>
struct Located {
  T value{};
  SourceLocation where;
  std::string key_path;
};

// --- metric kinds (the keys of `metric:`) ----------------------------------
// Summary paths name a number of summary.json by its keys joined with dots:
// `civilian_deaths.by_region.Mopti`.

// `summary: PATH`
struct SummaryValue {
  Located<std::string> path;
};

// `summary_sum: [PATH, ...]`
struct SummarySum {
  std::vector<Located<std::string>> paths;
};

// `ratio: {numerator: [PATH, ...], denominator: [PATH, ...]}`: sum over sum.
struct SummaryRatio {
  std::vector<Located<std::string>> numerator;
  std::vector<Located<std::string>> denominator;
};

// The days a timeseries metric sums over, both ends included: `date: D`
// (from = to = D), `from:` and/or `to:`, or the whole run when neither.
struct DayWindow {
  std::optional<Located<Date>> from;
  std::optional<Located<Date>> to;
};

// `timeseries: {column: C, date: D | from: D, to: D, regions: [R, ...]}`:
// the sum of a column over the days and regions (all regions when none).
struct TimeseriesSum {
  Located<std::string> column;
  DayWindow days;
  std::vector<Located<std::string>> regions;
};

// `timeseries_ratio: {column: C, numerator_regions: [R, ...],
// denominator_regions: [R, ...], date | from/to}`: the share of a column's
// sum over the days that falls in some regions (of all regions when
// denominator_regions is left out).
struct TimeseriesRatio {
  Located<std::string> column;
  DayWindow days;
  std::vector<Located<std::string>> numerator_regions;
  std::vector<Located<std::string>> denominator_regions;
};

using Metric = std::variant<SummaryValue, SummarySum, SummaryRatio, TimeseriesSum, TimeseriesRatio>;

// The keys of `metric:`, in the order of the variant.
inline constexpr std::string_view metric_kind_names[] = {"summary", "summary_sum", "ratio",
                                                         "timeseries", "timeseries_ratio"};

struct Target {
  std::string name;
  std::string description;
  std::string source;
  double low = 0.0;  // the band [low, high] the replication mean must fall in
  double high = 0.0;
  std::vector<std::string> applies_to;  // scenario names; empty = every scenario
  Metric metric;
  SourceLocation where;  // the list item
  std::string key_path;  // "targets.3"

  bool applies(const std::string& scenario_name) const;
  bool hit(double mean) const { return mean >= low && mean <= high; }
};

struct TargetsFile {
  std::string file;
  std::vector<Target> targets;
};

struct TargetsLoadResult {
  std::optional<TargetsFile> targets;  // set only when there are no diagnostics
  Diagnostics diagnostics;
};

TargetsLoadResult load_targets(const std::filesystem::path& file);
TargetsLoadResult load_targets_text(const std::string& text, const std::string& display_name);

// Reports what a target asks of a run that its outputs do not have: summary
// paths, columns and regions that do not exist, days outside the run.
void check_target(const Target& target, const Outcomes& run, Diagnostics& diagnostics);

// The metric in one replication, or NaN where it is undefined there (a ratio
// with a zero denominator, a null summary value). Expects a checked target.
double evaluate(const Metric& metric, const Outcomes& run);

}  // namespace pocsim::calibration
