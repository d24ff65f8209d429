// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/violence.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

#include "pocsim/agents/faction_traits.hpp"
#include "pocsim/scenario/sections/common.hpp"
#include "pocsim/scenario/sections/control.hpp"
#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/scenario/sections/recruitment.hpp"
#include "pocsim/scenario/sections/response.hpp"
#include "pocsim/systems/abduction.hpp"
#include "pocsim/systems/accord.hpp"
#include "pocsim/systems/civilian_harm.hpp"
#include "pocsim/systems/investigation.hpp"
#include "pocsim/systems/response.hpp"
#include "pocsim/systems/ultimatum.hpp"

namespace pocsim {

namespace {

// How strongly the faction's enemies are present in the cell, 0..1.
double enemy_presence(SimulationContext& ctx, const Faction& f, world::CellId cell) {
  double sum = 0.0;
  for (std::size_t g = 0; g < ctx.factions.size(); ++g)
    // Civilians are punished for suspected collaboration with armed actors that
    // live among them and recruit from them. Foreign forces are not such actors;
    // their effect on violence is deterrence, which belongs to the response model.
    if (f.hostile_to(g) && !faction_traits(ctx.factions[g].config.kind).foreign)
      sum += ctx.presence(g, cell);
  return std::min(1.0, sum / ctx.scenario.control.presence_saturation);
}

void destroy_infrastructure(SimulationContext& ctx, world::CellId cell, std::uint32_t episode,
                            std::uint16_t faction, std::uint32_t tick) {
  const std::uint8_t present = ctx.cells.infrastructure[cell];
  if (present == 0) return;
  const double u = ctx.rng.uniform(Purpose::violence_infrastructure, episode, tick, 1);
  int pick = static_cast<int>(u * std::popcount(present));
  for (int kind = 0; kind < world::infrastructure_kinds; ++kind) {
    if (!(present & (1u << kind)) || pick-- != 0) continue;
    ctx.cells.infrastructure[cell] = static_cast<std::uint8_t>(present & ~(1u << kind));
    ctx.recorder.infrastructure_destroyed(tick / ctx.ticks_per_day, cell, kind, faction);
    return;
  }
}

// Abuse by the state and its allies breeds the grievance jihadists recruit on.
float abuse_grievance(const SimulationContext& ctx, const Faction& perpetrator) {
  if (!faction_traits(perpetrator.config.kind).state_side) return 0.0f;
  return static_cast<float>(ctx.scenario.recruitment.grievance_per_abuse_hour * ctx.tick_hours);
}

// Whether the share and the deterrence that scale the faction's abuse rate
// are each at most 1, as the loader's limits make them.
bool at_most_one(const SimulationContext& ctx, const Faction& f) {
  const auto& response = ctx.scenario.response;
  const double share = f.config.abuse_base_share;
  const double peacekeepers = response.presence_deterrence.of(f.config.kind);
  const double partners = response.partner_deterrence.of(f.config.kind);
  return share >= 0.0 && share <= 1.0 && peacekeepers >= 0.0 && peacekeepers <= 1.0 &&
         partners >= 0.0 && partners <= 1.0;
}

void start_episodes(SimulationContext& ctx, const TickInfo& tick) {
  const Units& units = ctx.units;
  // Per faction, once a tick rather than once a draw: whether its chance is
  // bounded by rate x tick / 24 (below).
  std::array<bool, scenario::max_factions> bounded;
  for (std::size_t f = 0; f < ctx.factions.size(); ++f)
    bounded[f] = at_most_one(ctx, ctx.factions[f]);
  AgentBlocks& onsets = ctx.onset_blocks;
  onsets.draw(ctx.rng, Purpose::violence_onset, units.size(), tick.tick, 0);
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units.task[u] != UnitTask::patrol && units.task[u] != UnitTask::operation) continue;
    const Faction& f = ctx.factions[units.faction[u]];
    const double rate = units.task[u] == UnitTask::operation
                            ? f.config.operation_abuse_rate.value_or(f.config.abuse_rate)
                            : f.config.abuse_rate;
    if (rate <= 0.0) continue;
    const world::CellId cell = units.cell[u];
    if (ctx.cells.residents[cell] <= 0) continue;
    const double most = rate * ctx.tick_hours / 24.0;
    const auto [onset, length] = onsets.uniform2(u);
    // Nearly every draw is above `most`, and the chance is `most` times a
    // share and a deterrence of at most 1 (rounding aside): such a draw
    // starts nothing whatever the presence around, which is then not read.
    if (onset >= most * (1.0 + 1e-9) && bounded[units.faction[u]]) continue;
    const double share = f.config.abuse_base_share +
                         (1.0 - f.config.abuse_base_share) * enemy_presence(ctx, f, cell);
    const double p = most * share * deterrence_by_presence(ctx, f, cell);
    if (onset >= p) continue;
    if (give_ultimatum(ctx, f, static_cast<std::uint32_t>(u), cell, tick)) continue;
    const std::uint32_t id = ctx.next_episode_id++;
    const std::uint32_t ticks =
        geometric_from_uniform(f.config.episode_hours / ctx.tick_hours, length);
    ctx.episodes.push_back({id, units.faction[u], cell, tick.tick + ticks - 1});
    ctx.recorder.episode_started();
    note_provocation(ctx, f, cell);
    if (ctx.rng.uniform(Purpose::violence_infrastructure, id, tick.tick, 0) <
        f.config.destroy_probability)
      destroy_infrastructure(ctx, cell, id, units.faction[u], tick.tick);
    // After the destruction: a phone tower brought down cannot carry the report.
    open_incident(ctx, ctx.episodes.back(), tick.tick);
    abduct_civilians(ctx, ctx.episodes.back(), tick.day(), tick.tick);
  }
}

}  // namespace

void advance_violence(SimulationContext& ctx, const TickInfo& tick) {
  start_episodes(ctx, tick);
  for (const Episode& e : ctx.episodes) {
    const Faction& f = ctx.factions[e.faction];
    // The perpetrators' capacity, not the size of the village, bounds the
    // killing: the expected toll per tick is fixed and shared over residents.
    const double residents =
        static_cast<double>(std::max<std::int64_t>(ctx.cells.residents[e.cell], 1));
    const double p = std::min(1.0, f.config.killings_per_hour * ctx.tick_hours / residents);
    const std::uint32_t deaths = harm_civilians_in_cell(ctx, e.cell, p, Purpose::violence_kill,
                                                        tick.tick, e.id, abuse_grievance(ctx, f));
    ctx.recorder.violence(tick.day(), e.id, e.faction, e.cell, deaths);
  }
  std::erase_if(ctx.episodes, [&](const Episode& e) {
    if (e.end_tick > tick.tick) return false;
    episode_ended(ctx, e.id);
    return true;
  });
}

}  // namespace pocsim
