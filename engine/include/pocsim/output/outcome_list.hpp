// SPDX-License-Identifier: Apache-2.0
#pragma once
// The list of a run's outcomes: the only place where an outcome is declared.
// Each entry names an outcome (a pattern whose <placeholders> expand over the
// run's regions, factions, kinds, operations...), its unit, its type and what
// it means, and says how it is computed. An entry added here appears in
// summary.json (or as a column of timeseries.csv), hence in a sweep's
// runs.csv, summary.csv and differences.csv, and among the names a targets
// file may use; `pocsim show --outcomes` prints the list and docs/outputs.md
// holds it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pocsim/output/outcomes.hpp"

namespace pocsim {

struct OutcomeInfo {
  std::string name;  // dotted, with <placeholders>
  std::string unit;
  OutcomeType type;
  std::string doc;
  bool daily = false;  // a column of the daily series (timeseries.csv), not of the summary
};

// Every outcome, summary values first in summary.json's order, then the
// columns of the daily series.
const std::vector<OutcomeInfo>& outcome_list();

// The declared type of a summary outcome by its concrete name
// ("windows.after.civilian_deaths.by_region.Gao"): a <placeholder> of the
// list stands for any one dotted part. Nothing for an undeclared name.
std::optional<OutcomeType> summary_outcome_type(std::string_view name);

// The list as a Markdown table (what `pocsim show --outcomes` prints).
std::string outcome_list_markdown();

}  // namespace pocsim
