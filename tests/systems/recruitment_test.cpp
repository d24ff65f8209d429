// SPDX-License-Identifier: Apache-2.0
// Recruitment: recruits go into a faction's deployed units (and are not
// counted when it has none); grievance -> recruitment over many seeds on the
// teaching scenario that isolates it (scenarios/teaching/recruitment.yaml).
#include "pocsim/systems/recruitment.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "pocsim/simulation.hpp"
#include "support/levers.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

std::int64_t strength_of(const SimulationContext& ctx, std::size_t faction) {
  std::int64_t sum = 0;
  for (std::size_t u = 0; u < ctx.units.size(); ++u)
    if (ctx.units.faction[u] == faction) sum += ctx.units.strength[u];
  return sum;
}

}  // namespace

TEST(Recruitment, RecruitsJoinDeployedUnitsAndAreNotCountedWithoutAny) {
  const scenario::Scenario s = test::load_shipped("teaching/flight_delay.yaml");
  for (bool deployed : {true, false}) {
    Simulation sim(s);
    SimulationContext& ctx = sim.context();
    std::size_t jnim = 0;
    while (ctx.factions[jnim].config.name != "JNIM") ++jnim;
    // Everyone in the country carries a grievance: plenty of recruits.
    std::fill(ctx.civilians.grievance.begin(), ctx.civilians.grievance.end(), 1.0f);
    if (!deployed)
      for (std::size_t u = 0; u < ctx.units.size(); ++u)
        if (ctx.units.faction[u] == jnim) ctx.units.task[u] = UnitTask::withdrawn;
    const std::int64_t before = strength_of(ctx, jnim);
    recruit(ctx, 0, take_census(ctx));
    const std::int64_t recruits = ctx.recorder.totals().recruits_by_faction[jnim];
    EXPECT_EQ(strength_of(ctx, jnim) - before, recruits) << "deployed " << deployed;
    if (deployed)
      EXPECT_GT(recruits, 0);
    else
      EXPECT_EQ(recruits, 0);
  }
}


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
