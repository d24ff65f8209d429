// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/context.hpp"

#include "pocsim/agents/faction_traits.hpp"

namespace pocsim {

SimulationContext::SimulationContext(const scenario::Scenario& scenario_in,
                                     const world::World& world_in, ExecutionMode mode)
    : scenario(scenario_in),
      world(world_in),
      factions(make_factions(scenario_in, world_in)),
      rng(scenario_in.scenario.seed),
      executor(mode),
      tick_hours(scenario_in.scenario.tick_hours),
      ticks_per_day(static_cast<std::uint32_t>(24 / scenario_in.scenario.tick_hours)),
      presence_footprint(world_in.grid, scenario_in.control.presence_km),
      recorder(&world_in.region, world_in.places.region_names.size(), scenario_in.factions.size()) {
  const std::uint32_t n = world.grid.cell_count();
  home_index = populate_civilians(civilians, world.population, scenario.civilians.people_per_agent);
  cells.risk.assign(n, 0.0f);
  cells.deaths_today.assign(n, 0);
  cells.residents.assign(world.population.begin(), world.population.end());
  cells.infrastructure = world.infrastructure;
  cells.presence.assign(factions.size() * n + CellFields::presence_padding, 0.0f);
  cells.refuge.assign(n, world::no_cell);
  cells.unit_factions.assign(n, 0);
  index_scratch.touched.assign(n, 0);
  operations = plan_operations(scenario, world);
  operation_units.assign(operations.size(), {});
  accord.tension = scenario.accord.initial_tension;
  for (std::size_t f = 0; f < factions.size() && responder < 0; ++f) {
    const auto& cfg = factions[f].config;
    if (scenario.response.responder.empty() ? faction_traits(cfg.kind).responds
                                            : cfg.name == scenario.response.responder)
      responder = static_cast<int>(f);
  }
}

}  // namespace pocsim
