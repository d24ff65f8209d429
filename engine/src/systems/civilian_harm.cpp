// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/civilian_harm.hpp"

#include <algorithm>
#include <array>

namespace pocsim {

std::uint32_t harm_civilians_in_cell(SimulationContext& ctx, world::CellId cell,
                                     double kill_probability, Purpose purpose, std::uint32_t tick,
                                     std::uint32_t salt, float grievance) {
  if (kill_probability <= 0.0 && grievance <= 0.0f) return 0;
  Civilians& civ = ctx.civilians;
  std::uint32_t total = 0;
  BinomialDraws killed(kill_probability);
  auto harm = [&](std::uint32_t a, const std::uint32_t* block) {
    const std::uint32_t k = killed(civ.alive[a], CounterRng::uniform_from_block(block));
    civ.alive[a] = static_cast<std::uint8_t>(civ.alive[a] - k);
    civ.killed[a] = static_cast<std::uint8_t>(civ.killed[a] + k);
    civ.grievance[a] += grievance;
    ctx.index_scratch.touched[civ.home[a]] = 1;
    total += k;
  };
  // The groups of for_each_group_in_cell, in its order, with their draws
  // made in bulk a chunk at a time (eight per AVX2 register): a town's
  // hundreds of groups drew one block at a time. The cell's own groups are
  // consecutive agents, drawn as a range (those away or dead draw for
  // nothing, cheaper than picking them out); the groups displaced into it
  // are listed.
  constexpr std::uint32_t chunk = 64;
  std::array<std::uint32_t, 4 * chunk> words;
  const std::uint32_t last = ctx.home_index.last(cell);
  for (std::uint32_t first = ctx.home_index.first(cell); first < last; first += chunk) {
    const std::uint32_t n = std::min(chunk, last - first);
    ctx.rng.bits_for_agents(purpose, first, n, tick, salt, words.data());
    for (std::uint32_t i = 0; i < n; ++i)
      if (civ.status[first + i] == CivilianStatus::at_home && civ.alive[first + i] > 0)
        harm(first + i, &words[4 * i]);
  }
  const auto& cells = ctx.displaced.cell;
  const auto [lo, hi] = std::equal_range(cells.begin(), cells.end(), cell);
  std::array<std::uint32_t, chunk> agents;
  for (auto it = lo; it != hi;) {
    std::size_t n = 0;
    for (; it != hi && n < chunk; ++it) {
      const std::uint32_t a = ctx.displaced.agent[static_cast<std::size_t>(it - cells.begin())];
      if (civ.alive[a] > 0) agents[n++] = a;
    }
    ctx.rng.bits_for_agents(purpose, {agents.data(), n}, tick, salt, words.data());
    for (std::size_t i = 0; i < n; ++i) harm(agents[i], &words[4 * i]);
  }
  ctx.cells.deaths_today[cell] += total;
  return total;
}

}  // namespace pocsim
