// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <algorithm>

namespace pocsim {

template <class Fn>
void for_each_group_in_cell(const SimulationContext& ctx, world::CellId cell, Fn&& fn) {
  const Civilians& civ = ctx.civilians;
  for (std::uint32_t a = ctx.home_index.first(cell); a < ctx.home_index.last(cell); ++a)
    if (civ.status[a] == CivilianStatus::at_home && civ.alive[a] > 0) fn(a);
  const auto& cells = ctx.displaced.cell;
  auto [lo, hi] = std::equal_range(cells.begin(), cells.end(), cell);
  for (auto it = lo; it != hi; ++it) {
    const std::uint32_t a = ctx.displaced.agent[static_cast<std::size_t>(it - cells.begin())];
    if (civ.alive[a] > 0) fn(a);
  }
}

}  // namespace pocsim
