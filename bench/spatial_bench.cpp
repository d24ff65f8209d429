// SPDX-License-Identifier: Apache-2.0
// The engine's spatial queries, through its own functions on a warmed-up Mali
// baseline: the contact search of combat (BM_CombatContacts), the groups
// present in a cell that violence and crossfire harm (BM_GroupsInCell), and
// the geometry of the unit phases: a point's cell, which movement looks up for
// every unit every hour (BM_CellAt), and the responder's nearest base, which
// every response, medevac and investigation asks for (BM_NearestBase).
//
// Names are fixed for comparison across commits. Query points and cells are
// drawn once per benchmark from Philox (Purpose::benchmark), so every run
// asks the same questions.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "mali_fixture.hpp"
#include "pocsim/core/rng.hpp"
#include "pocsim/core/scheduler.hpp"
#include "pocsim/scenario/loader.hpp"
#include "pocsim/simulation.hpp"
#include "pocsim/systems/civilian_harm.hpp"
#include "pocsim/systems/combat.hpp"
#include "pocsim/systems/context.hpp"
#include "pocsim/systems/flights.hpp"
#include "pocsim/world/world.hpp"

namespace pocsim {
namespace {

constexpr std::uint32_t queries_per_iteration = 1024;

// The baseline with every faction's unit count multiplied by `scale` and
// engage_probability 0: combat then finds every contact, draws whether to
// fight and never does, so the state stays as it is and every call repeats
// the same search. Civilians at 255 people per agent (they play no part in
// the search) keep the construction short. One simulation at a time, kept
// across the calls Google Benchmark makes.
struct CombatModel {
  std::int64_t scale = 0;
  scenario::Scenario scenario;
  std::shared_ptr<const world::World> world;
  std::unique_ptr<Simulation> simulation;
};

Simulation& combat_model(std::int64_t scale) {
  static CombatModel model;
  if (model.scale == scale) return *model.simulation;
  model.simulation.reset();
  const std::vector<scenario::Override> overrides = {
      {"civilians.people_per_agent", "255", "bench"},
      {"combat.engage_probability", "0", "bench"},
  };
  scenario::LoadResult loaded = scenario::load_scenario(
      std::string(POCSIM_SOURCE_DIR) + "/scenarios/mali_2022/baseline.yaml", overrides);
  if (!loaded.scenario) throw std::runtime_error("cannot load the Mali baseline for the bench");
  model.scenario = std::move(*loaded.scenario);
  for (auto& faction : model.scenario.factions)
    faction.units = static_cast<int>(faction.units * scale);
  model.world = std::make_shared<const world::World>(world::build_world(model.scenario));
  model.simulation =
      std::make_unique<Simulation>(model.scenario, model.world, ExecutionMode::serial);
  // Units deploy and spread out along their patrols.
  const std::uint32_t ticks = bench::warmup_days * model.simulation->context().ticks_per_day;
  for (std::uint32_t t = 0; t < ticks; ++t) model.simulation->step();
  model.scale = scale;
  return *model.simulation;
}

// One call of resolve_combat: list the active units by cell, mark each cell's
// factions, and for every unit look through the cells within
// combat.contact_cells for a hostile one (bits first, then a binary search of
// the sorted list). Counters: units (all), active_units, units_in_contact
// (active units with a hostile unit within reach, counted once outside the
// timing by comparing every pair).
void BM_CombatContacts(benchmark::State& state) {
  const std::int64_t scale = state.range(0);
  Simulation& simulation = combat_model(scale);
  SimulationContext& ctx = simulation.context();
  const TickInfo tick{simulation.ticks_done(), ctx.ticks_per_day};
  for (auto _ : state) resolve_combat(ctx, tick);

  const Units& units = ctx.units;
  const world::Grid& grid = ctx.world.grid;
  const int reach = ctx.scenario.combat.contact_cells;
  std::size_t active = 0, in_contact = 0;
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (!units.active(u)) continue;
    ++active;
    const Faction& fu = ctx.factions[units.faction[u]];
    for (std::size_t v = 0; v < units.size(); ++v) {
      if (v == u || !units.active(v) || !fu.hostile_to(units.faction[v])) continue;
      const int dc = grid.column(units.cell[u]) - grid.column(units.cell[v]);
      const int dr = grid.row(units.cell[u]) - grid.row(units.cell[v]);
      if (dc >= -reach && dc <= reach && dr >= -reach && dr <= reach) {
        ++in_contact;
        break;
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(active));
  state.counters["units"] = static_cast<double>(units.size());
  state.counters["active_units"] = static_cast<double>(active);
  state.counters["units_in_contact"] = static_cast<double>(in_contact);
}

BENCHMARK(BM_CombatContacts)
    ->ArgName("unit_scale")
    ->Arg(1)
    ->Arg(10)
    ->Arg(100)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

// 1,024 calls of for_each_group_in_cell on the warmed-up baseline at N
// civilian agents (as in BM_MaliTick, serial): the groups at home in the cell
// (their range of the home-ordered arrays) and the displaced groups in it
// (a binary search of the displaced index). Each queried cell is the home of
// a uniformly drawn agent, so cells are drawn in proportion to their agents:
// the queries hit populated cells, where violence strikes. Counter
// groups_per_query: groups visited per call (the work grows with it).
void BM_GroupsInCell(benchmark::State& state) {
  const std::int64_t agents = state.range(0);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
  const SimulationContext& ctx = bench::warm_simulation(bench::Use::ticks, agents, 1).context();
  const CounterRng rng(2022);
  std::vector<world::CellId> cells(queries_per_iteration);
  const auto n = static_cast<double>(ctx.civilians.size());
  for (std::uint32_t q = 0; q < queries_per_iteration; ++q)
    cells[q] =
        ctx.civilians.home[static_cast<std::size_t>(rng.uniform(Purpose::benchmark, q, 1) * n)];

  std::uint64_t groups = 0;
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (world::CellId c : cells)
      for_each_group_in_cell(ctx, c, [&](std::uint32_t a) { sum += a; });
    benchmark::DoNotOptimize(sum);
  }
  for (world::CellId c : cells) for_each_group_in_cell(ctx, c, [&](std::uint32_t) { ++groups; });
  state.SetItemsProcessed(state.iterations() * queries_per_iteration);
  state.counters["civilians"] = n;
  state.counters["displaced"] = static_cast<double>(ctx.displaced.agent.size());
  state.counters["groups_per_query"] =
      static_cast<double>(groups) / static_cast<double>(queries_per_iteration);
}

BENCHMARK(BM_GroupsInCell)
    ->ArgName("civilians")
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

// 1,024 calls of Grid::cell_at on points drawn uniformly over the grid's box
// of the baseline world.
void BM_CellAt(benchmark::State& state) {
  const world::Grid& grid = combat_model(1).context().world.grid;
  const CounterRng rng(2022);
  std::vector<geo::PointKm> points(queries_per_iteration);
  for (std::uint32_t q = 0; q < queries_per_iteration; ++q) {
    const auto u = rng.uniform2(Purpose::benchmark, q, 2);
    points[q] = {u[0] * grid.width() * grid.cell_km(), u[1] * grid.height() * grid.cell_km()};
  }
  for (auto _ : state) {
    world::CellId sum = 0;
    for (const geo::PointKm& p : points) sum ^= grid.cell_at(p);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * queries_per_iteration);
}

BENCHMARK(BM_CellAt)->UseRealTime();

// 1,024 calls of nearest_base (the responder's nearest base town and its
// distance) on land cells drawn uniformly, in the baseline.
void BM_NearestBase(benchmark::State& state) {
  const SimulationContext& ctx = combat_model(1).context();
  const CounterRng rng(2022);
  const auto& land = ctx.world.land_cells;
  std::vector<world::CellId> cells(queries_per_iteration);
  for (std::uint32_t q = 0; q < queries_per_iteration; ++q)
    cells[q] = land[static_cast<std::size_t>(rng.uniform(Purpose::benchmark, q, 3) *
                                             static_cast<double>(land.size()))];
  for (auto _ : state) {
    double sum = 0.0;
    for (world::CellId c : cells) sum += nearest_base(ctx, c).second;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * queries_per_iteration);
  state.counters["bases"] =
      ctx.responder < 0
          ? 0.0
          : static_cast<double>(ctx.factions[static_cast<std::size_t>(ctx.responder)].bases.size());
}

BENCHMARK(BM_NearestBase)->UseRealTime();

}  // namespace
}  // namespace pocsim
