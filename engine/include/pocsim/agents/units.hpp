// SPDX-License-Identifier: Apache-2.0
#pragma once
// Armed units (companies, groups) as a structure of arrays.
#include <cstdint>
#include <vector>

#include "pocsim/world/geo.hpp"
#include "pocsim/world/grid.hpp"

namespace pocsim {

enum class UnitTask : std::uint8_t {
  waiting,       // not yet deployed (before the faction's arrival date)
  patrol,        // moving town to town or roaming its area
  breaking_off,  // returning to base after losing an engagement or ending a hunt
  recovering,    // at base, rebuilding strength before patrolling again
  operation,     // holding a town in a scripted operation
  withdrawn,     // left the country
  hunting,       // going across country after a jihadist unit (partners' operations)
  responding,    // a detachment on its way to an incident (the responder's ground response)
};

struct Units {
  std::vector<std::uint16_t> faction;
  std::vector<UnitTask> task;
  std::vector<float> x, y;  // position in projected km
  std::vector<world::CellId> cell;
  std::vector<std::int32_t> strength;
  std::vector<std::int32_t> full_strength;
  std::vector<std::int16_t> base_town;
  std::vector<std::int16_t> from_town, to_town;  // the road leg being travelled
  std::vector<float> leg_done_km;
  std::vector<float> target_x, target_y;  // off-road destination
  std::vector<std::uint32_t> quarry;      // the unit a hunting unit goes after
  std::vector<std::uint8_t> roams;        // 1: patrols across country although its faction
                                          // keeps to the roads (offroad_patrol_share)

  std::size_t size() const { return faction.size(); }
  void add(std::uint16_t faction_index, std::int16_t base, std::int32_t strength_at_full);
  bool active(std::size_t u) const {
    return task[u] == UnitTask::patrol || task[u] == UnitTask::breaking_off ||
           task[u] == UnitTask::operation || task[u] == UnitTask::hunting ||
           task[u] == UnitTask::responding;
  }
  bool deployed(std::size_t u) const {
    return task[u] != UnitTask::waiting && task[u] != UnitTask::withdrawn;
  }
};

// The patrolling unit of `faction` nearest to `at` (straight line, ties by
// unit order) within `max_km` inclusive, or -1: who answers an incident by
// road, who moves into a camp handed over.
int nearest_patrolling_unit(const Units& units, std::uint16_t faction, geo::PointKm at,
                            double max_km);

}  // namespace pocsim
