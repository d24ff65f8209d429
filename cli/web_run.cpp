// SPDX-License-Identifier: Apache-2.0
#include "web_run.hpp"

#include "pocsim/output/outcomes.hpp"
#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/systems/context.hpp"
#include "web_map.hpp"

namespace pocsim::cli {

namespace {

using nlohmann::json;

const char* const explorer_event_kinds[] = {"violence", "battle", "explosion", "abduction"};

// The responder's deployed units today, as one flat [lon, lat, lon, lat, ...] row.
json responder_positions(const Simulation& simulation) {
  const SimulationContext& ctx = simulation.context();
  json row = json::array();
  if (ctx.responder < 0) return row;
  const Units& units = ctx.units;
  const geo::Projection& projection = ctx.world.grid.projection();
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units.faction[u] != ctx.responder || !units.deployed(u)) continue;
    const json at = lonlat_json(projection.to_lonlat({units.x[u], units.y[u]}));
    row.push_back(at[0]);
    row.push_back(at[1]);
  }
  return row;
}

json region_days_json(const Recorder& recorder) {
  json deaths = json::array(), displaced = json::array(), events = json::array();
  const std::size_t regions = recorder.regions();
  for (std::uint32_t d = 0; d < recorder.days_recorded(); ++d) {
    json deaths_today = json::array(), displaced_today = json::array(),
         events_today = json::array();
    for (std::size_t r = 0; r < regions; ++r) {
      const RegionDay& row = recorder.region_days()[d * regions + r];
      deaths_today.push_back(row.civilian_deaths);
      displaced_today.push_back(row.displaced);
      events_today.push_back(row.violence_events + row.battles + row.explosions);
    }
    deaths.push_back(std::move(deaths_today));
    displaced.push_back(std::move(displaced_today));
    events.push_back(std::move(events_today));
  }
  return {{"civilian_deaths", deaths}, {"displaced", displaced}, {"violent_events", events}};
}

// [day, kind, perpetrator faction (or -2 unidentified), lon, lat, civilian deaths, all deaths]
json events_json(const RunResult& run) {
  json rows = json::array();
  for (const EventRecord& e : run.recorder.events()) {
    const auto kind = static_cast<std::size_t>(e.kind);
    if (kind >= std::size(explorer_event_kinds)) continue;  // strategic developments
    const json at = lonlat_json(run.world->grid.center_lonlat(e.cell));
    rows.push_back({e.day, explorer_event_kinds[kind], e.actor1, at[0], at[1],
                    e.civilian_fatalities, e.fatalities});
  }
  return rows;
}

// [onset day, faction, lon, lat, civilian deaths, mode, outcome, hours to arrival or null]
json incidents_json(const RunResult& run, std::uint32_t ticks_per_day, double tick_hours) {
  json rows = json::array();
  for (const Incident& i : run.recorder.incidents()) {
    const json at = lonlat_json(run.world->grid.center_lonlat(i.cell));
    const json hours = i.arrival_tick == never ? json(nullptr)
                                               : json((i.arrival_tick - i.onset_tick) * tick_hours);
    rows.push_back({i.onset_tick / ticks_per_day, i.faction, at[0], at[1], i.civilian_deaths,
                    response_mode_names[static_cast<int>(i.mode)],
                    incident_outcome_names[static_cast<int>(i.outcome)], hours});
  }
  return rows;
}

}  // namespace

json run_for_explorer(const scenario::Scenario& scenario) {
  Simulation simulation(scenario, ExecutionMode::parallel);
  json positions = json::array();
  simulation.run(
      [&](std::uint32_t, std::uint32_t) { positions.push_back(responder_positions(simulation)); });
  const SimulationContext& ctx = simulation.context();
  const std::uint32_t ticks_per_day = ctx.ticks_per_day;
  const double tick_hours = ctx.tick_hours;
  const int responder = ctx.responder;
  const Outcomes outcomes = collect_outcomes(simulation.result());
  const RunResult& run = *outcomes.run;
  json factions = json::array();
  for (std::size_t f = 0; f < run.faction_names.size(); ++f)
    factions.push_back({{"name", run.faction_names[f]},
                        {"kind", std::string(scenario::to_string(run.faction_kinds[f]))}});
  return {{"scenario", scenario.scenario.name},
          {"seed", scenario.scenario.seed},
          {"start_date", scenario.scenario.start_date.to_string()},
          {"days", run.recorder.days_recorded()},
          {"factions", factions},
          {"responder", responder},
          {"summary", json::parse(summary_json(outcomes))},
          {"regions", region_days_json(run.recorder)},
          {"events", events_json(run)},
          {"incidents", incidents_json(run, ticks_per_day, tick_hours)},
          {"responder_positions", positions}};
}

}  // namespace pocsim::cli
