// SPDX-License-Identifier: Apache-2.0
// summary.csv and differences.csv of a sweep over a posterior, on records
// whose statistics are computed by hand: the mean and interval come from the
// draw means, and the stochastic and parameter components are added as
// columns; a sweep without a posterior keeps its columns.
#include "pocsim/sweep/sweep_tables.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "pocsim/output/csv.hpp"
#include "pocsim/scenario/value_text.hpp"

namespace pocsim::sweep {
namespace {

// Axis a (levels 0, 1) x 2 draws x 2 replicates; outcome x of run k is
// values[k].
SweepPlan plan_over_posterior() {
  SweepFile s;
  s.replications = 2;
  s.seed = 7;
  Axis axis;
  axis.name = "a";
  axis.levels = {{"0", {{"k.a", "0", {}, ""}}}, {"1", {{"k.a", "1", {}, ""}}}};
  s.axes = {axis};
  s.reference = {"0"};
  PosteriorParameters p;
  p.draws = 2;
  p.posterior.keys = {"x.y"};
  p.posterior.particles = {{0, 0.5, {{"1", 1.0, {}}}}, {1, 0.5, {{"2", 2.0, {}}}}};
  s.posterior = p;
  return make_plan(s);
}

std::map<std::size_t, RunRecord> records(const std::vector<double>& values) {
  std::map<std::size_t, RunRecord> out;
  for (std::size_t k = 0; k < values.size(); ++k)
    out[k] = {k, true, "", {{"x", scenario::format_number(values[k])}}};
  return out;
}

// The row of `variant_id` as column name -> number.
std::map<std::string, double> row_of(const std::string& csv, const std::string& variant_id) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = csv_fields(line);
  while (std::getline(in, line)) {
    const std::vector<std::string> fields = csv_fields(line);
    if (fields[0] != variant_id) continue;
    std::map<std::string, double> out;
    for (std::size_t i = 0; i < header.size(); ++i)
      out[header[i]] = scenario::parse_number(fields[i]).value_or(std::nan(""));
    return out;
  }
  return {};
}

// Variant 0: draws {1, 3} and {4, 6}; variant 1: {2, 6} and {5, 9}.
const std::vector<double> values{1, 3, 4, 6, 2, 6, 5, 9};

TEST(SweepTables, PosteriorSummarySplitsStochasticAndParameterSpread) {
  const SweepPlan plan = plan_over_posterior();
  const std::string csv = summary_csv(plan, outcome_table(plan, records(values)));
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "variant_id,variant,outcome,n,mean,sd,ci_low,ci_high,p5,p50,p95,draws,sd_stochastic,"
            "sd_parameter,stochastic_low,stochastic_high,parameter_low,parameter_high,total_low,"
            "total_high");
  const auto r = row_of(csv, "0");
  EXPECT_EQ(r.at("n"), 4);
  EXPECT_EQ(r.at("draws"), 2);
  EXPECT_DOUBLE_EQ(r.at("mean"), 3.5);
  // Within draws: squares 2 + 2 over 2 degrees of freedom; the draw means 2
  // and 5 have variance 4.5, of which 2 / 2 is noise: sigma_p^2 = 3.5.
  EXPECT_NEAR(r.at("sd_stochastic"), std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(r.at("sd_parameter"), std::sqrt(3.5), 1e-12);
  const double z = 1.959963984540054;
  EXPECT_NEAR(r.at("stochastic_high"), 3.5 + z * std::sqrt(2.0), 1e-9);
  EXPECT_NEAR(r.at("parameter_low"), 3.5 - z * std::sqrt(3.5), 1e-9);
  EXPECT_NEAR(r.at("total_high"), 3.5 + z * std::sqrt(5.5), 1e-9);
  // The interval of the mean rests on the two draw means (t with 1 degree of
  // freedom, 12.706), not on four runs as if they were independent.
  EXPECT_NEAR(r.at("ci_high"), 3.5 + 12.7062047 * 1.5, 1e-5);
  EXPECT_NEAR(r.at("sd"), std::sqrt(13.0 / 3.0), 1e-12) << "the runs' own spread, pooled";
}

TEST(SweepTables, PosteriorDifferencesArePairedWithinDraws) {
  const SweepPlan plan = plan_over_posterior();
  const std::string csv = differences_csv(plan, outcome_table(plan, records(values)));
  const auto r = row_of(csv, "1");
  // Differences {1, 3} in both draws: no parameter spread, within-draw
  // variance 2, the draw means agree exactly.
  EXPECT_EQ(r.at("n"), 4);
  EXPECT_DOUBLE_EQ(r.at("mean"), 2.0);
  EXPECT_DOUBLE_EQ(r.at("sd_parameter"), 0.0);
  EXPECT_NEAR(r.at("sd_stochastic"), std::sqrt(2.0), 1e-12);
  EXPECT_DOUBLE_EQ(r.at("ci_low"), 2.0);
  EXPECT_DOUBLE_EQ(r.at("p_value"), 0.0) << "every draw differs by the same amount";
  EXPECT_DOUBLE_EQ(r.at("parameter_high"), 2.0);
}

TEST(SweepTables, WithoutPosteriorTheColumnsAreThoseOfBefore) {
  SweepFile s;
  s.replications = 2;
  Axis axis;
  axis.name = "a";
  axis.levels = {{"0", {{"k.a", "0", {}, ""}}}, {"1", {{"k.a", "1", {}, ""}}}};
  s.axes = {axis};
  s.reference = {"0"};
  const SweepPlan plan = make_plan(s);
  const OutcomeTable table = outcome_table(plan, records({1, 3, 2, 6}));
  const std::string summary = summary_csv(plan, table);
  EXPECT_EQ(summary.substr(0, summary.find('\n')),
            "variant_id,variant,outcome,n,mean,sd,ci_low,ci_high,p5,p50,p95");
  const std::string differences = differences_csv(plan, table);
  EXPECT_EQ(differences.substr(0, differences.find('\n')),
            "variant_id,variant,reference_variant_id,outcome,n,mean,sd,ci_low,ci_high,p_value,"
            "p_adjusted");
}

}  // namespace
}  // namespace pocsim::sweep
