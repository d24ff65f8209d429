// SPDX-License-Identifier: Apache-2.0
// The end-of-day invariants (engine/src/systems/invariants.cpp): they hold
// after days of a run with violence, battles and responses, and each one,
// broken by hand, is reported with what broke. Debug and sanitizer builds
// check them after every day of every run the tests make.
#include "pocsim/systems/invariants.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

// Twenty days of the flight-delay teaching scenario, in which civilians are
// killed, battles fought and incidents responded to.
class Invariants : public ::testing::Test {
 protected:
  void SetUp() override {
    sim_ = std::make_unique<Simulation>(test::load_shipped("teaching/flight_delay.yaml"));
    while (sim_->ticks_done() < 20 * sim_->context().ticks_per_day) sim_->step();
  }
  SimulationContext& ctx() { return sim_->context(); }
  void check() { check_invariants(ctx(), sim_->population(), 20); }
  std::string broken_message() {
    try {
      check();
    } catch (const InvariantBroken& e) {
      return e.what();
    }
    return "";
  }
  std::unique_ptr<Simulation> sim_;
};

}  // namespace

TEST_F(Invariants, HoldAfterDaysOfViolenceAndResponse) {
  std::int64_t killed = 0;
  for (std::size_t a = 0; a < ctx().civilians.size(); ++a) killed += ctx().civilians.killed[a];
  ASSERT_GT(killed, 0) << "the test needs civilians killed";
  ASSERT_FALSE(ctx().recorder.incidents().empty()) << "the test needs incidents";
  EXPECT_NO_THROW(check());
}

TEST_F(Invariants, CiviliansAppearingFromNowhereBreakConservation) {
  ++ctx().civilians.alive[0];
  EXPECT_NE(broken_message().find("civilians not conserved"), std::string::npos)
      << broken_message();
}

TEST_F(Invariants, AKillingNobodyRecordedIsUnattributed) {
  --ctx().civilians.alive[0];
  ++ctx().civilians.killed[0];
  EXPECT_NE(broken_message().find("attributed to a faction or to crossfire"), std::string::npos)
      << broken_message();
}

TEST_F(Invariants, ANegativeStrengthIsReported) {
  ctx().units.strength[0] = -1;
  EXPECT_NE(broken_message().find("negative strength"), std::string::npos) << broken_message();
}

TEST_F(Invariants, AnArrivalBeforeTheOnsetIsReported) {
  ASSERT_FALSE(ctx().recorder.incidents().empty());
  Incident& first = ctx().recorder.incident(0);
  first.onset_tick = 10;
  first.detect_tick = first.request_tick = first.authorisation_tick = never;
  first.arrival_tick = 9;
  EXPECT_NE(broken_message().find("reached at tick 9, before its previous step (tick 10)"),
            std::string::npos)
      << broken_message();
}

}  // namespace pocsim
