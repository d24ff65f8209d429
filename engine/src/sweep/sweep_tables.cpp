// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/sweep_tables.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>

#include "pocsim/output/csv.hpp"
#include "pocsim/output/outcome_list.hpp"
#include "pocsim/scenario/value_text.hpp"
#include "pocsim/sweep/nested_variance.hpp"
#include "pocsim/sweep/number_text.hpp"
#include "pocsim/sweep/outcome_statistics.hpp"
#include "pocsim/sweep/sobol_indices.hpp"

namespace pocsim::sweep {

namespace {

// Counts and hours cannot go below zero, shares stay within [0, 1]; other
// measures (and names the outcome list does not declare) can be anything.
OutcomeRange outcome_range(const std::string& name) {
  const OutcomeInfo* info = summary_outcome_info(name);
  if (!info) return OutcomeRange::any;
  if (info->type == OutcomeType::count) return OutcomeRange::non_negative;
  if (info->unit == "share") return OutcomeRange::share;
  if (info->unit == "hours" || info->unit == "helicopters" || info->unit == "unit-days")
    return OutcomeRange::non_negative;
  return OutcomeRange::any;
}

// The figure of a run that failed, or of a variant with no run that ended.
constexpr double missing = std::numeric_limits<double>::quiet_NaN();

std::string numbers(std::initializer_list<double> values) {
  std::string out;
  for (double v : values) (out += ',') += number_text(v);
  return out;
}

// The runs of one variant, in run order: replicate by replicate (draw by
// draw in a sweep over a posterior).
std::vector<double> variant_values(const SweepPlan& plan, const std::vector<double>& by_run,
                                   std::size_t variant) {
  const std::size_t size = plan.runs_per_variant();
  const auto first = by_run.begin() + static_cast<std::ptrdiff_t>(variant * size);
  return {first, first + static_cast<std::ptrdiff_t>(size)};
}

// The columns a sweep over a posterior adds to summary.csv and
// differences.csv: the two components of the spread and the intervals they
// give around the mean (sweep/nested_variance.hpp; docs/sweeps.md).
constexpr const char* posterior_header =
    ",draws,sd_stochastic,sd_parameter,stochastic_low,stochastic_high,parameter_low,"
    "parameter_high,total_low,total_high";

std::string posterior_columns(const NestedVariance& nested, double mean) {
  const Spread stochastic = normal_spread(mean, nested.stochastic_variance);
  const Spread parameter = normal_spread(mean, nested.parameter_variance);
  const Spread total = normal_spread(mean, nested.stochastic_variance + nested.parameter_variance);
  return "," + std::to_string(nested.draws) +
         numbers({stochastic.sd, parameter.sd, stochastic.low, stochastic.high, parameter.low,
                  parameter.high, total.low, total.high});
}

std::string variant_columns(const Variant& v) {
  return std::to_string(v.id) + "," + csv_field(v.label);
}

}  // namespace

OutcomeTable outcome_table(const SweepPlan& plan, const std::map<std::size_t, RunRecord>& records) {
  OutcomeTable table;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& [id, record] : records)
    for (const auto& [name, text] : record.outcomes)
      if (index.emplace(name, table.names.size()).second) table.names.push_back(name);
  table.values.assign(table.names.size(), std::vector<double>(plan.run_count(), missing));
  for (const std::string& name : table.names) table.ranges.push_back(outcome_range(name));
  for (const auto& [id, record] : records) {
    if (!record.ok || id >= plan.run_count()) continue;
    for (const auto& [name, text] : record.outcomes)
      if (const auto v = scenario::parse_number(text)) table.values[index.at(name)][id] = *v;
  }
  return table;
}

std::string runs_csv(const SweepPlan& plan, const std::map<std::size_t, RunRecord>& records) {
  std::vector<std::string> names;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& [id, record] : records)
    for (const auto& [name, text] : record.outcomes)
      if (index.emplace(name, names.size()).second) names.push_back(name);
  std::string out = plan_csv_header(plan) + ",status,error";
  for (const std::string& n : names) (out += ',') += csv_field(n);
  out += "\n";
  std::vector<std::string> row(names.size());
  std::optional<Variant> variant;  // of the last row: a variant's runs are consecutive
  for (const auto& [id, record] : records) {
    if (id >= plan.run_count()) continue;
    const PlannedRun run = plan.run(id);
    if (!variant || variant->id != run.variant_id) variant = plan.variant(run.variant_id);
    std::fill(row.begin(), row.end(), std::string());
    for (const auto& [name, text] : record.outcomes) row[index.at(name)] = text;
    out += plan_csv_row(plan, *variant, run) + (record.ok ? ",ok," : ",failed,") +
           csv_field(record.error);
    for (const std::string& v : row) (out += ',') += csv_field(v);
    out += "\n";
  }
  return out;
}

std::string summary_csv(const SweepPlan& plan, const OutcomeTable& outcomes) {
  const bool posterior = !plan.draws.empty();
  std::string out = "variant_id,variant,outcome,n,mean,sd,ci_low,ci_high,p5,p50,p95";
  out += posterior ? std::string(posterior_header) + "\n" : "\n";
  for (std::size_t id = 0; id < plan.variant_count(); ++id) {
    const Variant v = plan.variant(id);
    for (std::size_t o = 0; o < outcomes.names.size(); ++o) {
      const std::vector<double> values = variant_values(plan, outcomes.values[o], v.id);
      OutcomeSummary s = summarise_in_range(values, outcomes.ranges[o]);
      std::string extra;
      if (posterior) {
        // The draws are the independent units: runs of one draw share its
        // parameters, so the mean and its interval are those of the draw means.
        const NestedVariance nested = nested_variance(values, plan.replications);
        const OutcomeSummary of_draws = summarise_in_range(nested.draw_means, outcomes.ranges[o]);
        s.mean = of_draws.mean;
        s.ci_low = of_draws.ci_low;
        s.ci_high = of_draws.ci_high;
        extra = posterior_columns(nested, s.mean);
      }
      out += variant_columns(v) + "," + csv_field(outcomes.names[o]) + "," + std::to_string(s.n) +
             numbers({s.mean, s.sd, s.ci_low, s.ci_high, s.p5, s.p50, s.p95}) + extra + "\n";
    }
  }
  return out;
}

std::string differences_csv(const SweepPlan& plan, const OutcomeTable& outcomes) {
  const bool posterior = !plan.draws.empty();
  std::string out =
      "variant_id,variant,reference_variant_id,outcome,n,mean,sd,ci_low,ci_high,p_value,"
      "p_adjusted";
  out += posterior ? std::string(posterior_header) + "\n" : "\n";
  std::vector<PairedDifference> family(outcomes.names.size());
  std::vector<std::string> extra(outcomes.names.size());
  std::vector<double> p_values(outcomes.names.size());
  for (std::size_t id = 0; id < plan.variant_count(); ++id) {
    if (id == plan.reference_variant) continue;
    const Variant v = plan.variant(id);
    for (std::size_t o = 0; o < outcomes.names.size(); ++o) {
      const std::vector<double> values = variant_values(plan, outcomes.values[o], v.id);
      const std::vector<double> reference =
          variant_values(plan, outcomes.values[o], plan.reference_variant);
      family[o] = paired_difference(values, reference);
      if (posterior) {
        // Run k of the variant and of the reference share draw and seed; the
        // per-draw mean differences are the independent units of the test.
        std::vector<double> differences(values.size());
        for (std::size_t k = 0; k < values.size(); ++k) differences[k] = values[k] - reference[k];
        const NestedVariance nested = nested_variance(differences, plan.replications);
        const PairedDifference of_draws = mean_difference(nested.draw_means);
        family[o].mean = of_draws.mean;
        family[o].ci_low = of_draws.ci_low;
        family[o].ci_high = of_draws.ci_high;
        family[o].p_value = of_draws.p_value;
        extra[o] = posterior_columns(nested, of_draws.mean);
      }
      p_values[o] = family[o].p_value;
    }
    // One family per variant: every outcome it is compared on.
    const std::vector<double> adjusted = benjamini_hochberg(p_values);
    for (std::size_t o = 0; o < outcomes.names.size(); ++o) {
      const PairedDifference& d = family[o];
      out += variant_columns(v) + "," + std::to_string(plan.reference_variant) + "," +
             csv_field(outcomes.names[o]) + "," + std::to_string(d.n) +
             numbers({d.mean, d.sd, d.ci_low, d.ci_high, d.p_value, adjusted[o]}) + extra[o] + "\n";
    }
  }
  return out;
}

std::string sobol_csv(const SweepFile& sweep, const SweepPlan& plan, const OutcomeTable& outcomes) {
  std::string out =
      "parameter,outcome,first_order,first_order_low,first_order_high,total_order,"
      "total_order_low,total_order_high\n";
  const std::size_t d = sweep.parameters.size();
  for (const std::string& name : sweep.sobol_outcomes) {
    const auto it = std::find(outcomes.names.begin(), outcomes.names.end(), name);
    // A point's value is the mean of its replicates: the indices apportion
    // the variance of the expected outcome, not of one run's noise.
    std::vector<double> means(plan.variant_count(), missing);
    if (it != outcomes.names.end())
      for (std::size_t id = 0; id < plan.variant_count(); ++id) {
        const auto values = variant_values(
            plan, outcomes.values[static_cast<std::size_t>(it - outcomes.names.begin())], id);
        double sum = 0.0;
        bool complete = true;
        for (double x : values) {
          complete = complete && !std::isnan(x);
          sum += x;
        }
        if (complete) means[id] = sum / static_cast<double>(values.size());
      }
    const SobolIndices indices =
        sobol_indices(split_saltelli_outputs(means, d), {sweep.bootstrap, 0.95, sweep.seed});
    for (std::size_t k = 0; k < d; ++k) {
      const SobolIndex& s = indices.parameters[k];
      out += csv_field(sweep.parameters[k].key_path) + "," + csv_field(name) +
             numbers({s.first_order, s.first_order_low, s.first_order_high, s.total_order,
                      s.total_order_low, s.total_order_high}) +
             "\n";
    }
  }
  return out;
}

}  // namespace pocsim::sweep
