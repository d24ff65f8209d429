// SPDX-License-Identifier: Apache-2.0
// Partners' counter-terrorism operations (engine/src/systems/hunting.cpp) and
// the warning their ISR gives the mission's units in combat
// (warned_loss_share), exactly, on units placed by hand in
// scenarios/teaching/partner_operations.yaml.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "pocsim/simulation.hpp"
#include "pocsim/systems/combat.hpp"
#include "pocsim/systems/hunting.hpp"
#include "pocsim/systems/movement.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

// The teaching scenario with every unit off the map (recovering), so that a
// test places only the units it needs.
class Placed {
 public:
  explicit Placed(const std::vector<std::string>& overrides = {})
      : sim_(test::load_shipped("teaching/partner_operations.yaml", overrides)),
        ctx_(sim_.context()) {
    for (std::size_t u = 0; u < ctx_.units.size(); ++u) ctx_.units.task[u] = UnitTask::recovering;
  }

  SimulationContext& ctx() { return ctx_; }

  // The n-th unit of a faction, put on patrol at a town.
  std::size_t place(const std::string& faction, int n, const std::string& town) {
    int seen = 0;
    for (std::size_t u = 0; u < ctx_.units.size(); ++u)
      if (ctx_.factions[ctx_.units.faction[u]].config.name == faction && seen++ == n) {
        const world::CellId cell = ctx_.world.town_cell[ctx_.world.places.find_town(town)];
        const geo::PointKm at = ctx_.world.grid.center(cell);
        ctx_.units.task[u] = UnitTask::patrol;
        ctx_.units.x[u] = ctx_.units.target_x[u] = static_cast<float>(at.x);
        ctx_.units.y[u] = ctx_.units.target_y[u] = static_cast<float>(at.y);
        ctx_.units.cell[u] = cell;
        return u;
      }
    throw std::runtime_error("no unit " + std::to_string(n) + " of " + faction);
  }

  double km(std::size_t a, std::size_t b) const {
    return std::hypot(ctx_.units.x[a] - ctx_.units.x[b], ctx_.units.y[a] - ctx_.units.y[b]);
  }

 private:
  Simulation sim_;
  SimulationContext& ctx_;
};

}  // namespace

TEST(Hunting, AHunterGoesAfterTheNearestGroupItsDronesSee) {
  Placed p;
  const std::size_t hunter = p.place("Barkhane", 1, "Ménaka");  // based at Ménaka
  const std::size_t near = p.place("IS Sahel", 0, "Anderamboukane");
  const std::size_t far = p.place("IS Sahel", 1, "Inékar");
  ASSERT_LT(p.km(hunter, near), p.km(hunter, far));
  const auto& days = p.ctx().recorder.totals().hunt_days_by_faction;
  const std::int64_t before = days[p.ctx().units.faction[hunter]];
  launch_hunts(p.ctx(), 1);
  EXPECT_EQ(p.ctx().units.task[hunter], UnitTask::hunting);
  EXPECT_EQ(p.ctx().units.quarry[hunter], near);
  EXPECT_EQ(days[p.ctx().units.faction[hunter]], before + 1) << "one unit-day of operations";
}

TEST(Hunting, NoQuarryBeyondTheReachOfItsBase) {
  Placed p({"factions.Barkhane.hunt_radius_km=10"});
  const std::size_t hunter = p.place("Barkhane", 1, "Ménaka");
  p.place("IS Sahel", 0, "Inékar");
  launch_hunts(p.ctx(), 1);
  EXPECT_EQ(p.ctx().units.task[hunter], UnitTask::patrol);
}

TEST(Hunting, NoQuarryWhereItsDronesDoNotWatch) {
  Placed p({"factions.Barkhane.isr_regions=[Gao]"});
  const std::size_t hunter = p.place("Barkhane", 1, "Ménaka");
  const std::size_t quarry = p.place("IS Sahel", 0, "Inékar");
  ASSERT_EQ(p.ctx().world.places.region_names[p.ctx().world.region[p.ctx().units.cell[quarry]]],
            "Ménaka");
  launch_hunts(p.ctx(), 1);
  EXPECT_EQ(p.ctx().units.task[hunter], UnitTask::patrol);
}

TEST(Hunting, HuntersSpreadOverTheGroupsTheySee) {
  Placed p;
  const std::size_t first = p.place("Barkhane", 1, "Ménaka");
  const std::size_t second = p.place("Barkhane", 3, "Ménaka");
  const std::size_t a = p.place("IS Sahel", 0, "Anderamboukane");  // the nearer
  const std::size_t b = p.place("IS Sahel", 1, "Inékar");
  ASSERT_LT(p.km(first, a), p.km(first, b));
  launch_hunts(p.ctx(), 1);
  EXPECT_EQ(p.ctx().units.quarry[first], a);
  EXPECT_EQ(p.ctx().units.quarry[second], b);
}

TEST(Hunting, WithNothingInSightAHunterGoesHome) {
  Placed p;
  const std::size_t hunter = p.place("Barkhane", 1, "Ménaka");
  const std::size_t quarry = p.place("IS Sahel", 0, "Inékar");
  launch_hunts(p.ctx(), 1);
  ASSERT_EQ(p.ctx().units.task[hunter], UnitTask::hunting);
  p.ctx().units.task[quarry] = UnitTask::recovering;
  launch_hunts(p.ctx(), 2);
  EXPECT_EQ(p.ctx().units.task[hunter], UnitTask::breaking_off);
}

TEST(Hunting, AHunterFollowsItsQuarryAcrossCountry) {
  Placed p;
  const std::size_t hunter = p.place("Barkhane", 1, "Ménaka");
  const std::size_t quarry = p.place("IS Sahel", 1, "Anderamboukane");
  launch_hunts(p.ctx(), 1);
  const double before = p.km(hunter, quarry);
  p.ctx().units.task[quarry] = UnitTask::operation;  // holds still, and stays active
  move_units(p.ctx(), {p.ctx().ticks_per_day, p.ctx().ticks_per_day});
  const double step =
      p.ctx().factions[p.ctx().units.faction[hunter]].config.offroad_speed_kmh * p.ctx().tick_hours;
  ASSERT_GT(before, step);
  EXPECT_NEAR(p.km(hunter, quarry), before - step, 1e-3);
}

TEST(IsrWarning, SparesTheMissionsUnitsWhereAPartnerWatches) {
  Placed p({"factions.Barkhane.withdrawal_date=2022-04-01"});
  const std::size_t minusma = p.place("MINUSMA", 0, "Gao");
  const std::size_t is = p.place("IS Sahel", 0, "Gao");
  const std::uint32_t before = 10 * p.ctx().ticks_per_day, after = 40 * p.ctx().ticks_per_day;
  EXPECT_DOUBLE_EQ(warned_loss_share(p.ctx(), minusma, before), 0.5);
  EXPECT_DOUBLE_EQ(warned_loss_share(p.ctx(), is, before), 1.0) << "jihadists are not warned";
  EXPECT_DOUBLE_EQ(warned_loss_share(p.ctx(), minusma, after), 1.0) << "Barkhane has left";
}

TEST(IsrWarning, NoneWhereNoPartnerWatchesOrDronesAreGrounded) {
  Placed p({"factions.Barkhane.isr_regions=[Ménaka]",
            "flights.groundings=[{from: 2022-03-05, to: 2022-03-06, drones_only: true}]"});
  const std::size_t in_gao = p.place("MINUSMA", 0, "Gao");
  const std::size_t in_menaka = p.place("MINUSMA", 1, "Ménaka");
  const std::uint32_t day = p.ctx().ticks_per_day;
  EXPECT_DOUBLE_EQ(warned_loss_share(p.ctx(), in_gao, 1 * day), 1.0);
  EXPECT_DOUBLE_EQ(warned_loss_share(p.ctx(), in_menaka, 1 * day), 0.5);
  EXPECT_DOUBLE_EQ(warned_loss_share(p.ctx(), in_menaka, 4 * day), 1.0) << "drones grounded";
}

}  // namespace pocsim
