// SPDX-License-Identifier: Apache-2.0
#pragma once
// The outcomes of a run as typed data, built once at its end: the summary's
// values by name, the daily series as columns, and the run's event and
// incident tables. summary.json, timeseries.csv and events.csv are
// renderings of it (output/run_files.hpp); sweeps and checks read it
// directly. What each outcome means is declared once, in the outcome list
// (output/outcome_list.hpp).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "pocsim/simulation.hpp"

namespace pocsim {

// How an outcome's value is typed, and so written: counts as integers,
// measures as reals, a statistic of an empty sample or a date that did not
// come as null.
enum class OutcomeType : std::uint8_t {
  count,          // a whole number
  seed,           // an unsigned 64-bit number (the run's seed)
  real,           // a measure (hours, shares, means)
  optional_real,  // a measure, null when undefined
  flag,           // true or false
  text,           // a name or a date
  optional_text,  // a date, null when it did not happen
  empty_object,   // a group that may hold no value (written {} when empty)
  empty_list,     // a list that may hold no entry (written [] when empty)
};

std::string_view to_string(OutcomeType type);

struct Null {};
using OutcomeValue = std::variant<Null, bool, std::int64_t, std::uint64_t, double, std::string>;

// One value of the summary: its dotted name ("civilian_deaths.by_region.Gao",
// "operations.0.name") and the positions of its name that index a list.
struct SummaryEntry {
  std::vector<std::string> keys;
  std::uint32_t list_keys = 0;  // bit i: keys[i] is a list index
  OutcomeType type = OutcomeType::count;
  OutcomeValue value;

  std::string name() const;
  bool numeric() const;   // a number, a flag or a null; not text or a group
  double number() const;  // flags 1 or 0, nulls NaN
};

// The daily series: one row per day and region, one column per outcome.
struct DailySeries {
  std::vector<std::string> columns;
  std::vector<OutcomeType> types;  // count or real, per column
  std::vector<Date> dates;         // per row
  std::vector<std::uint32_t> days;
  std::vector<std::string> regions;         // per row
  std::vector<std::string> region_names;    // distinct, in the order of the rows
  std::vector<std::vector<double>> values;  // per column, per row

  int column_index(std::string_view name) const;  // -1 when there is none
};

struct Outcomes {
  Outcomes() = default;
  Outcomes(std::shared_ptr<const RunResult> run, std::vector<SummaryEntry> summary,
           DailySeries series);

  std::shared_ptr<const RunResult> run;  // the events and incidents, with their context
  std::vector<SummaryEntry> summary;     // in the order summary.json writes them
  DailySeries series;

  // The number named `name` (flags 1 or 0, nulls NaN), or nullptr when the
  // summary has no number by that name.
  const double* number(const std::string& name) const;
  // Every number of the summary, by name, in summary.json's order.
  std::vector<std::pair<std::string, double>> numbers() const;
  // The same, sorted by name.
  const std::vector<std::pair<std::string, double>>& sorted_numbers() const { return sorted_; }

 private:
  std::vector<std::pair<std::string, double>> sorted_;  // for number()
};

// Builds the outcomes of a finished run (Simulation::result()).
Outcomes collect_outcomes(RunResult result);

}  // namespace pocsim
