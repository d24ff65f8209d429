// SPDX-License-Identifier: Apache-2.0
#pragma once
// The tables of a sweep directory, made from its plan and the records of its
// finished runs: runs.csv, summary.csv, differences.csv and sobol.csv. They
// depend only on the plan and the records, never on the order in which runs
// finished, so any --jobs, a resumed sweep and merged shards give the same
// bytes.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "pocsim/sweep/plan.hpp"
#include "pocsim/sweep/run_journal.hpp"

namespace pocsim::sweep {

// Every outcome as numbers: values[o][run_id] is NaN where the run failed,
// has not run, or lacks the outcome.
struct OutcomeTable {
  std::vector<std::string> names;  // in order of first appearance by run id
  std::vector<std::vector<double>> values;
  std::vector<bool> counts;  // per name: declared a count, so never below zero
};

OutcomeTable outcome_table(const SweepPlan& plan, const std::map<std::size_t, RunRecord>& records);

// One row per recorded run, by run id: the plan's columns, status, error,
// then every outcome.
std::string runs_csv(const SweepPlan& plan, const std::map<std::size_t, RunRecord>& records);

// Per variant and outcome: n, mean, sd, 95% CI (for counts, the interval of
// summarise_count, which stays above zero), p5, p50, p95.
std::string summary_csv(const SweepPlan& plan, const OutcomeTable& outcomes);

// Per variant other than the reference and per outcome: the paired
// difference variant - reference over replicates with the same seed, with
// the p-value of a paired t test and that p-value adjusted by
// Benjamini-Hochberg over the variant's family (all its outcomes).
std::string differences_csv(const SweepPlan& plan, const OutcomeTable& outcomes);

// Saltelli designs: first- and total-order Sobol indices of each named
// outcome (the mean over a point's replicates), with bootstrap CIs.
std::string sobol_csv(const SweepFile& sweep, const SweepPlan& plan, const OutcomeTable& outcomes);

}  // namespace pocsim::sweep
