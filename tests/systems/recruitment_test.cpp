// Recruits go into a faction's deployed units, and are not counted when it
// has none.
#include "pocsim/systems/recruitment.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "pocsim/simulation.hpp"
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

}  // namespace pocsim
