// Displacement over many seeds, on the teaching scenario that isolates it
// (scenarios/teaching/displacement.yaml).
#include "pocsim/systems/displacement.hpp"

#include <gtest/gtest.h>

#include "support/levers.hpp"

namespace pocsim {

// 20 paired seeds: a lower risk threshold (the file's flee_risk, against ten
// times higher) displaces more people at the peak; paired mean difference
// more than 3 standard errors above zero.
TEST(DisplacementTeaching, ALowerRiskThresholdDisplacesMorePeople) {
  const int seeds = 20;
  const auto high = test::summaries_over_seeds("teaching/displacement.yaml",
                                               {"civilians.flee_risk=0.003"}, seeds);
  const auto low = test::summaries_over_seeds("teaching/displacement.yaml", {}, seeds);
  EXPECT_GT(test::paired_z(test::figure(high, "/population/displaced_peak"),
                           test::figure(low, "/population/displaced_peak")),
            3.0);
}

}  // namespace pocsim
