// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/operations.hpp"

#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/scenario/sections/operation.hpp"
#include "pocsim/scenario/sections/run.hpp"

namespace pocsim {

namespace {

std::int64_t first_day(const SimulationContext& ctx, const scenario::OperationSection& op) {
  return op.from.days_since_epoch() - ctx.scenario.scenario.start_date.days_since_epoch();
}

int faction_index(const SimulationContext& ctx, const std::string& name) {
  for (std::size_t f = 0; f < ctx.factions.size(); ++f)
    if (ctx.factions[f].config.name == name) return static_cast<int>(f);
  return -1;
}

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

}  // namespace

void update_operations(SimulationContext& ctx, std::int64_t day) {
  const auto& operations = ctx.scenario.operations;
  ctx.active_cordons.clear();
  for (std::size_t o = 0; o < operations.size(); ++o) {
    const auto& op = operations[o];
    const int town = ctx.world.places.find_town(op.town);
    const std::int64_t start = first_day(ctx, op), end = start + op.days;
    auto& taken = ctx.operation_units[o];
    if (day == start) {
      const int f = faction_index(ctx, op.faction);
      for (std::size_t u = 0; u < ctx.units.size() && static_cast<int>(taken.size()) < op.units;
           ++u)
        if (ctx.units.faction[u] == f && ctx.units.task[u] == UnitTask::patrol) {
          hold_town(ctx, u, town);
          taken.push_back(static_cast<std::uint32_t>(u));
        }
    }
    if (day == end) {
      for (std::uint32_t u : taken)
        if (ctx.units.task[u] == UnitTask::operation) ctx.units.task[u] = UnitTask::patrol;
      taken.clear();
    }
    if (day >= start && day < end && op.cordon)
      ctx.active_cordons.push_back(ctx.world.town_cell[town]);
  }
}

bool cordoned(const SimulationContext& ctx, world::CellId cell) {
  for (world::CellId c : ctx.active_cordons)
    if (c == cell) return true;
  return false;
}

}  // namespace pocsim
