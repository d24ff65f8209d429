// SPDX-License-Identifier: Apache-2.0
// Aimed and area fire: the Lanchester laws on a controlled engagement, and
// area fire's crossfire over many seeds.
#include "pocsim/systems/combat.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"
#include "support/paired.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

using scenario::FireMode;

// The mean attrition of two sides, integrated in small steps.
struct Battle {
  double a, b;
};
Battle fight(const scenario::CombatSection& cfg, FireMode fire, Battle s, double alpha_a,
             double alpha_b, double hours) {
  const double dt = 0.01;
  for (double t = 0.0; t < hours; t += dt) {
    const double loss_a = expected_losses(cfg, alpha_b, fire, s.b, s.a, 1.0, dt);
    const double loss_b = expected_losses(cfg, alpha_a, fire, s.a, s.b, 1.0, dt);
    s = {s.a - loss_a, s.b - loss_b};
  }
  return s;
}

}  // namespace

TEST(Combat, AimedFireFollowsTheSquareLaw) {
  const scenario::CombatSection cfg;
  // Losses grow with the shooters, not with the targets.
  const double base = expected_losses(cfg, 0.001, FireMode::aimed, 100, 50, 1.0, 1.0);
  EXPECT_DOUBLE_EQ(base, 0.1);
  EXPECT_DOUBLE_EQ(expected_losses(cfg, 0.001, FireMode::aimed, 200, 50, 1.0, 1.0), 2 * base);
  EXPECT_DOUBLE_EQ(expected_losses(cfg, 0.001, FireMode::aimed, 100, 150, 1.0, 1.0), base);
  EXPECT_DOUBLE_EQ(expected_losses(cfg, 0.001, FireMode::aimed, 100, 50, 1.5, 1.0), base / 1.5);
  // alpha_a a^2 - alpha_b b^2 is conserved along the fight.
  const Battle end = fight(cfg, FireMode::aimed, {150, 100}, 0.002, 0.003, 100.0);
  EXPECT_NEAR(0.002 * end.a * end.a - 0.003 * end.b * end.b, 0.002 * 150 * 150 - 0.003 * 100 * 100,
              0.5);
  EXPECT_LT(end.b, 80.0);  // the fight went far enough to test something
}

TEST(Combat, AreaFireFollowsTheLinearLaw) {
  scenario::CombatSection cfg;
  cfg.area_fire_reference_strength = 100.0;
  const double base = expected_losses(cfg, 0.001, FireMode::area, 100, 100, 1.0, 1.0);
  EXPECT_DOUBLE_EQ(base, 0.1);  // at the reference strength, as aimed fire
  EXPECT_DOUBLE_EQ(expected_losses(cfg, 0.001, FireMode::area, 100, 200, 1.0, 1.0), 2 * base);
  EXPECT_DOUBLE_EQ(expected_losses(cfg, 0.001, FireMode::area, 200, 200, 1.0, 1.0), 4 * base);
  // alpha_a a - alpha_b b is conserved along the fight.
  const Battle end = fight(cfg, FireMode::area, {150, 100}, 0.002, 0.003, 100.0);
  EXPECT_NEAR(0.002 * end.a - 0.003 * end.b, 0.002 * 150 - 0.003 * 100, 1e-3);
  EXPECT_LT(end.b, 80.0);
}

TEST(Combat, AreaFireRaisesTheCrossfire) {
  scenario::CombatSection cfg;
  cfg.crossfire_kill_probability = 0.001;
  cfg.area_fire_crossfire_factor = 5.0;
  const double aimed = crossfire_probability(cfg, FireMode::aimed, FireMode::aimed, 1.0);
  EXPECT_DOUBLE_EQ(aimed, 0.001);
  EXPECT_NEAR(crossfire_probability(cfg, FireMode::area, FireMode::aimed, 1.0), 0.003, 1e-12);
  EXPECT_NEAR(crossfire_probability(cfg, FireMode::area, FireMode::area, 1.0), 0.005, 1e-12);
}

// Over 30 paired seeds, JNIM firing by area rather than aimed raises the
// civilians killed in crossfire by a paired mean difference above 3 standard
// errors, on the flight-delay teaching scenario with JNIM fighting MINUSMA.
TEST(Combat, AreaFireKillsMoreCiviliansInTheCrossfireOverSeeds) {
  const int seeds = 30;
  const auto world = std::make_shared<const world::World>(
      world::build_world(test::load_shipped("teaching/flight_delay.yaml")));
  std::vector<double> crossfire[2];
  for (int area = 0; area < 2; ++area)
    for (int seed = 1; seed <= seeds; ++seed) {
      const scenario::Scenario s = test::load_shipped(
          "teaching/flight_delay.yaml",
          {"scenario.duration_days=30", "factions.JNIM.hostile_to=[MINUSMA]",
           "combat.engage_probability=0.3", "combat.crossfire_kill_probability=0.0002",
           std::string("factions.JNIM.fire=") + (area ? "area" : "aimed"),
           "scenario.seed=" + std::to_string(seed)});
      Simulation sim(s, world);
      sim.run();
      const auto summary = nlohmann::json::parse(summary_json(sim.result()));
      crossfire[area].push_back(
          summary["civilian_deaths"]["by_perpetrator_kind"]["crossfire"].get<double>());
    }
  EXPECT_GT(test::paired_z(crossfire[0], crossfire[1]), 3.0);
}

}  // namespace pocsim
