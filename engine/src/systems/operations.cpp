// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/operations.hpp"

#include <algorithm>
#include <cmath>

#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/scenario/sections/operation.hpp"
#include "pocsim/scenario/sections/run.hpp"
#include "pocsim/systems/campaigns.hpp"

namespace pocsim {

namespace {

void hold_town(SimulationContext& ctx, std::size_t u, int town) {
  Units& units = ctx.units;
  const world::CellId cell = ctx.world.town_cell[town];
  const geo::PointKm at = ctx.world.grid.center(cell);
  units.task[u] = UnitTask::operation;
  units.x[u] = units.target_x[u] = static_cast<float>(at.x);
  units.y[u] = units.target_y[u] = static_cast<float>(at.y);
  units.cell[u] = cell;
  units.from_town[u] = units.to_town[u] = static_cast<std::int16_t>(town);
  units.leg_done_km[u] = 0.0f;
}

// The faction's patrolling units the operation takes, at most op.units of
// them, in the order of its UnitChoice.
std::vector<std::uint32_t> units_taken_by(const SimulationContext& ctx,
                                          const PlannedOperation& op) {
  std::vector<std::uint32_t> patrolling;
  for (std::size_t u = 0; u < ctx.units.size(); ++u)
    if (ctx.units.faction[u] == op.faction && ctx.units.task[u] == UnitTask::patrol)
      patrolling.push_back(static_cast<std::uint32_t>(u));
  const auto wanted = std::min(patrolling.size(), static_cast<std::size_t>(op.units));
  if (op.choice == UnitChoice::nearest_to_town) {
    const geo::PointKm town = ctx.world.grid.center(ctx.world.town_cell[op.town]);
    auto km2 = [&](std::uint32_t u) {
      const double dx = ctx.units.x[u] - town.x, dy = ctx.units.y[u] - town.y;
      return dx * dx + dy * dy;
    };
    std::partial_sort(patrolling.begin(), patrolling.begin() + static_cast<std::ptrdiff_t>(wanted),
                      patrolling.end(), [&](std::uint32_t a, std::uint32_t b) {
                        const double da = km2(a), db = km2(b);
                        return da < db || (da == db && a < b);
                      });
  }
  patrolling.resize(wanted);
  return patrolling;
}

}  // namespace

int faction_index_of(const scenario::Scenario& scenario, const std::string& name) {
  for (std::size_t f = 0; f < scenario.factions.size(); ++f)
    if (scenario.factions[f].name == name) return static_cast<int>(f);
  return -1;
}

std::vector<PlannedOperation> plan_operations(const scenario::Scenario& scenario,
                                              const world::World& world) {
  std::vector<PlannedOperation> planned;
  const std::int64_t run_start = scenario.scenario.start_date.days_since_epoch();
  for (const scenario::OperationSection& op : scenario.operations) {
    PlannedOperation p;
    p.faction = faction_index_of(scenario, op.faction);
    p.town = world.places.find_town(op.town);
    p.first_day = op.from.days_since_epoch() - run_start;
    p.days = op.days;
    p.units = op.units;
    p.cordon = op.cordon;
    planned.push_back(p);
  }
  for (const PlannedOperation& p : campaign_operations(scenario, world)) planned.push_back(p);
  return planned;
}

void update_operations(SimulationContext& ctx, std::int64_t day) {
  ctx.active_cordons.clear();
  for (std::size_t o = 0; o < ctx.operations.size(); ++o) {
    const PlannedOperation& op = ctx.operations[o];
    const std::int64_t end = op.first_day + op.days;
    auto& taken = ctx.operation_units[o];
    if (day == op.first_day)
      for (std::uint32_t u : units_taken_by(ctx, op)) {
        hold_town(ctx, u, op.town);
        taken.push_back(u);
      }
    if (day == end) {
      for (std::uint32_t u : taken)
        if (ctx.units.task[u] == UnitTask::operation) ctx.units.task[u] = UnitTask::patrol;
      taken.clear();
    }
    if (day >= op.first_day && day < end && op.cordon)
      ctx.active_cordons.push_back(ctx.world.town_cell[op.town]);
  }
}

bool cordoned(const SimulationContext& ctx, world::CellId cell) {
  for (world::CellId c : ctx.active_cordons)
    if (c == cell) return true;
  return false;
}

}  // namespace pocsim
