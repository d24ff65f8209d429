// SPDX-License-Identifier: Apache-2.0
// The flight-policy variants (scenarios/mali_2022/flights/) set what their
// names say (issue 25, item 3): the delay files 6h, 24h, 72h and one_week
// change the delay and refuse nothing, so that each against none.yaml
// measures the delay alone; refusals.yaml keeps the baseline's refusals with
// no delay; 72h_with_refusals.yaml both; refusals_dominate.yaml refuses most.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "pocsim/output/outcomes.hpp"
#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim {
namespace {

using FlightPolicy = scenario::FlightPolicySection;

FlightPolicy flight_policy_of(const std::string& variant) {
  return test::load_shipped("mali_2022/flights/" + variant + ".yaml").flights;
}

TEST(FlightVariants, TheDelayFilesSetTheirDelayAndRefuseNothing) {
  const std::vector<std::pair<std::string, double>> delays = {
      {"6h", 6.0}, {"24h", 24.0}, {"72h", 72.0}, {"one_week", 168.0}};
  const FlightPolicy baseline = test::load_shipped("mali_2022/baseline.yaml").flights;
  for (const auto& [variant, hours] : delays) {
    const FlightPolicy p = flight_policy_of(variant);
    EXPECT_TRUE(p.authorisation_required) << variant;
    EXPECT_EQ(p.delay_hours, hours) << variant;
    EXPECT_EQ(p.refusal_probability, 0.0) << variant;
    EXPECT_EQ(p.refusal_near_operations, 0.0) << variant;
    EXPECT_EQ(p.delay_law, baseline.delay_law) << variant;
    EXPECT_EQ(p.medevac_exempt, baseline.medevac_exempt) << variant;
    EXPECT_EQ(p.groundings.size(), baseline.groundings.size()) << variant;
  }
  EXPECT_FALSE(flight_policy_of("none").authorisation_required);
}

TEST(FlightVariants, TheRefusalFilesRefuseAsTheirNamesSay) {
  const FlightPolicy baseline = test::load_shipped("mali_2022/baseline.yaml").flights;
  ASSERT_GT(baseline.refusal_probability, 0.0);
  ASSERT_GT(baseline.refusal_near_operations, 0.0);

  const FlightPolicy refusals = flight_policy_of("refusals");  // the baseline's, no delay
  EXPECT_TRUE(refusals.authorisation_required);
  EXPECT_EQ(refusals.delay_hours, 0.0);
  EXPECT_EQ(refusals.refusal_probability, baseline.refusal_probability);
  EXPECT_EQ(refusals.refusal_near_operations, baseline.refusal_near_operations);

  const FlightPolicy both = flight_policy_of("72h_with_refusals");
  EXPECT_TRUE(both.authorisation_required);
  EXPECT_EQ(both.delay_hours, 72.0);
  EXPECT_EQ(both.refusal_probability, baseline.refusal_probability);
  EXPECT_EQ(both.refusal_near_operations, baseline.refusal_near_operations);

  const FlightPolicy dominate = flight_policy_of("refusals_dominate");
  EXPECT_TRUE(dominate.authorisation_required);
  EXPECT_GT(dominate.refusal_probability, baseline.refusal_probability);
  EXPECT_GE(dominate.refusal_probability + dominate.refusal_near_operations, 1.0);
}

// Flights requested and refused over a month of a variant, seed 1.
std::pair<double, double> requested_and_refused(const std::string& variant) {
  Simulation sim(test::load_shipped("mali_2022/flights/" + variant + ".yaml",
                                    {"scenario.duration_days=30", "scenario.seed=1"}));
  sim.run();
  const Outcomes run = collect_outcomes(sim.result());
  return {*run.number("protection.flights.requested"), *run.number("protection.flights.refused")};
}

// Run: 72h against none refuses no flight; 72h_with_refusals, the same month
// and seed, refuses some, so the check of 72h would see a refusal if there
// were one.
TEST(FlightVariants, SeventyTwoHoursAgainstNoneRefusesNoFlight) {
  const auto [requested_72h, refused_72h] = requested_and_refused("72h");
  const double refused_none = requested_and_refused("none").second;
  const auto [requested_both, refused_both] = requested_and_refused("72h_with_refusals");
  EXPECT_GT(requested_72h, 10.0);
  EXPECT_EQ(refused_72h, 0.0);
  EXPECT_EQ(refused_none, 0.0);
  EXPECT_GT(requested_both, 10.0);
  EXPECT_GT(refused_both, 0.0);
}

}  // namespace
}  // namespace pocsim
