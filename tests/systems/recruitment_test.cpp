// Grievance and recruitment over many seeds, on the teaching scenario that
// isolates them (scenarios/teaching/recruitment.yaml).
#include "pocsim/systems/recruitment.hpp"

#include <gtest/gtest.h>

#include "support/levers.hpp"

namespace pocsim {

// 20 paired seeds: more abuse by FAMa (the file's abuse_rate, against a
// fifth of it) means more grievance and more recruits for JNIM; paired mean
// difference more than 3 standard errors above zero.
TEST(RecruitmentTeaching, StateAbuseFillsTheJihadistsRanks) {
  const int seeds = 20;
  const auto restraint = test::summaries_over_seeds("teaching/recruitment.yaml",
                                                    {"factions.FAMa.abuse_rate=0.02"}, seeds);
  const auto abuse = test::summaries_over_seeds("teaching/recruitment.yaml", {}, seeds);
  EXPECT_GT(test::paired_z(test::figure(restraint, "/recruitment/by_faction/JNIM"),
                           test::figure(abuse, "/recruitment/by_faction/JNIM")),
            3.0);
}

}  // namespace pocsim
