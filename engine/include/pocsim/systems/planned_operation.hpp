// SPDX-License-Identifier: Apache-2.0
#pragma once
// The operations of a run as update_operations drives them (systems/operations.cpp):
// the scripted ones of `operations:` and those the campaigns of `campaigns:`
// generate (systems/campaigns.cpp), planned once, when the run starts.
#include <cstdint>
#include <string>
#include <vector>

namespace pocsim::scenario {
struct Scenario;
}
namespace pocsim::world {
struct World;
}

namespace pocsim {

// Which of its faction's patrolling units an operation takes.
enum class UnitChoice : std::uint8_t {
  first_in_unit_order,  // a scripted operation: the sources name the force, not who was nearest
  nearest_to_town,      // a campaign's: it draws on the units already close, ties by unit order
};

struct PlannedOperation {
  int faction = 0;             // index into scenario.factions
  int town = 0;                // index into places.towns
  std::int64_t first_day = 0;  // day index in the run; negative when it began before the run
  int days = 1;
  int units = 1;
  bool cordon = true;
  UnitChoice choice = UnitChoice::first_in_unit_order;
  int campaign = -1;  // index into scenario.campaigns, or -1 for a scripted operation
};

// The index of the faction named `name` in scenario.factions, -1 when none is.
int faction_index_of(const scenario::Scenario& scenario, const std::string& name);

// The run's operations: the scripted ones in their order, then each
// campaign's in its order. A pure function of the scenario (its seed
// included) and the world, so outputs can plan them again.
std::vector<PlannedOperation> plan_operations(const scenario::Scenario& scenario,
                                              const world::World& world);

}  // namespace pocsim
