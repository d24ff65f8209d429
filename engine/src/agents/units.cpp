// SPDX-License-Identifier: Apache-2.0
#include "pocsim/agents/units.hpp"

namespace pocsim {

void Units::add(std::uint16_t faction_index, std::int16_t base, std::int32_t strength_at_full) {
  faction.push_back(faction_index);
  task.push_back(UnitTask::waiting);
  x.push_back(0.0f);
  y.push_back(0.0f);
  cell.push_back(world::no_cell);
  strength.push_back(strength_at_full);
  full_strength.push_back(strength_at_full);
  base_town.push_back(base);
  from_town.push_back(base);
  to_town.push_back(base);
  leg_done_km.push_back(0.0f);
  target_x.push_back(0.0f);
  target_y.push_back(0.0f);
  quarry.push_back(0);
  roams.push_back(0);
}

int nearest_patrolling_unit(const Units& units, std::uint16_t faction, geo::PointKm at,
                            double max_km) {
  int best = -1;
  double best_km = max_km;
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units.faction[u] != faction || units.task[u] != UnitTask::patrol) continue;
    const double km = geo::distance_km(at, {units.x[u], units.y[u]});
    if (km < best_km || (best < 0 && km <= best_km)) best = static_cast<int>(u), best_km = km;
  }
  return best;
}

}  // namespace pocsim
