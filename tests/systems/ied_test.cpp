// SPDX-License-Identifier: Apache-2.0
// IEDs on road patrols, over many seeds, on the teaching scenario that
// isolates them (scenarios/teaching/ied.yaml).
#include "pocsim/systems/ied.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "pocsim/simulation.hpp"
#include "support/levers.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

// 20 paired seeds: with the risk twenty times higher where jihadists are
// present (the file's setting) patrols meet more IEDs and lose more
// peacekeepers to them than with the same risk everywhere; each paired mean
// difference more than 3 standard errors above zero.
TEST(IedTeaching, RiskRisingWhereJihadistsHoldTheGroundMeansMoreStrikes) {
  const int seeds = 20;
  const auto flat =
      test::summaries_over_seeds("teaching/ied.yaml", {"ied.jihadist_factor=1"}, seeds);
  const auto rising = test::summaries_over_seeds("teaching/ied.yaml", {}, seeds);
  EXPECT_GT(
      test::paired_z(test::figure(flat, "/ied_attacks"), test::figure(rising, "/ied_attacks")),
      3.0);
  EXPECT_GT(test::paired_z(test::figure(flat, "/peacekeeper_deaths/ied"),
                           test::figure(rising, "/peacekeeper_deaths/ied")),
            3.0);
}


// Route clearance, exactly: -ln(1 - p) of a strike is per_km x km, times
// (1 - isr_clearance) for the mission's and partners' own vehicles while a
// partner that watches the region is present and its drones fly; other
// drivers never get it. Partners teaching scenario: Barkhane watches Gao and
// Ménaka and leaves here on 1 April (day 31).
TEST(IedRisk, ClearanceSparesTheMissionsVehiclesWhileAWatchingPartnerIsThere) {
  Simulation sim(test::load_shipped("teaching/partners.yaml",
                                    {"ied.isr_clearance=0.6", "ied.per_km=0.001",
                                     "factions.Barkhane.withdrawal_date=2022-04-01"}));
  const SimulationContext& ctx = sim.context();
  auto faction = [&](const std::string& name) {
    for (std::size_t f = 0; f < ctx.factions.size(); ++f)
      if (ctx.factions[f].config.name == name) return static_cast<std::uint16_t>(f);
    throw std::runtime_error("no faction " + name);
  };
  const std::uint16_t minusma = faction("MINUSMA"), is = faction("IS Sahel");
  const world::CellId gao = ctx.world.town_cell[ctx.world.places.find_town("Gao")];
  const std::uint32_t before = 10 * ctx.ticks_per_day, after = 40 * ctx.ticks_per_day;
  auto rate = [&](std::uint16_t driver, std::uint32_t tick) {
    return -std::log1p(-ied_strike_chance(ctx, gao, 50.0, driver, tick)) / 50.0;
  };
  const double plain = rate(is, before);
  ASSERT_GT(plain, 0.0);
  EXPECT_NEAR(rate(minusma, before), 0.4 * plain, 1e-9 * plain);
  EXPECT_NEAR(rate(minusma, after), plain, 1e-9 * plain) << "Barkhane has left";
  EXPECT_NEAR(rate(is, after), plain, 1e-9 * plain);
}

}  // namespace pocsim
