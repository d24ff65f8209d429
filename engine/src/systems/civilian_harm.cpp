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
  // drawn as a range (those away or dead draw for nothing, cheaper than
  // picking them out).
  std::array<std::uint32_t, 4 * max_groups_listed> words;
  for_each_chunk_of_groups_in_cell(
      ctx, cell,
      [&](std::uint32_t first, std::uint32_t n) {
        ctx.rng.bits_for_agents(purpose, first, n, tick, salt, words.data());
        for (std::uint32_t i = 0; i < n; ++i)
          if (present_at_home(civ, first + i)) harm(first + i, &words[4 * i]);
      },
      [&](std::span<const std::uint32_t> listed) {
        ctx.rng.bits_for_agents(purpose, listed, tick, salt, words.data());
        for (std::size_t i = 0; i < listed.size(); ++i) harm(listed[i], &words[4 * i]);
      });
  ctx.cells.deaths_today[cell] += total;
  return total;
}

}  // namespace pocsim
