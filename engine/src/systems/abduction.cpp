// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/abduction.hpp"

#include <algorithm>

#include "pocsim/scenario/sections/faction.hpp"

namespace pocsim {

void abduct_civilians(SimulationContext& ctx, const Episode& e, std::uint32_t day,
                      std::uint32_t tick) {
  const scenario::FactionSection& config = ctx.factions[e.faction].config;
  if (config.abductions_per_episode <= 0.0) return;
  const std::int64_t residents = ctx.cells.residents[e.cell];
  if (residents <= 0) return;
  const std::uint32_t abducted = static_cast<std::uint32_t>(std::min<std::int64_t>(
      residents, poisson_from_uniform(config.abductions_per_episode,
                                      ctx.rng.uniform(Purpose::abduction, e.id, tick, 0))));
  if (abducted == 0) return;
  // Released first, then killed among the rest: the shares are of all abductees.
  const double released_share = config.abductees_released_share;
  const std::uint32_t released = binomial_from_uniform(
      abducted, released_share, ctx.rng.uniform(Purpose::abduction, e.id, tick, 1));
  const double killed_of_rest =
      released_share < 1.0 ? std::min(1.0, config.abductees_killed_share / (1.0 - released_share))
                           : 0.0;
  const std::uint32_t killed = binomial_from_uniform(
      abducted - released, killed_of_rest, ctx.rng.uniform(Purpose::abduction, e.id, tick, 2));
  ctx.recorder.abduction(day, e.id, e.faction, e.cell, abducted, released, killed);
}

}  // namespace pocsim
