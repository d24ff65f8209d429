// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <algorithm>
#include <array>
#include <span>

namespace pocsim {

inline bool present_at_home(const Civilians& civ, std::uint32_t a) {
  return civ.status[a] == CivilianStatus::at_home && civ.alive[a] > 0;
}

template <class Range, class List>
void for_each_chunk_of_groups_in_cell(const SimulationContext& ctx, world::CellId cell,
                                      Range&& range, List&& list) {
  constexpr std::uint32_t size = max_groups_listed;
  const Civilians& civ = ctx.civilians;
  const std::uint32_t last = ctx.home_index.last(cell);
  for (std::uint32_t first = ctx.home_index.first(cell); first < last; first += size)
    range(first, std::min(size, last - first));
  const auto& cells = ctx.displaced.cell;
  const auto [lo, hi] = std::equal_range(cells.begin(), cells.end(), cell);
  std::array<std::uint32_t, size> listed;
  for (auto it = lo; it != hi;) {
    std::uint32_t n = 0;
    for (; it != hi && n < size; ++it) {
      const std::uint32_t a = ctx.displaced.agent[static_cast<std::size_t>(it - cells.begin())];
      if (civ.alive[a] > 0) listed[n++] = a;
    }
    list(std::span<const std::uint32_t>(listed.data(), n));
  }
}

template <class Fn>
void for_each_group_in_cell(const SimulationContext& ctx, world::CellId cell, Fn&& fn) {
  const Civilians& civ = ctx.civilians;
  for_each_chunk_of_groups_in_cell(
      ctx, cell,
      [&](std::uint32_t first, std::uint32_t n) {
        for (std::uint32_t a = first; a < first + n; ++a)
          if (present_at_home(civ, a)) fn(a);
      },
      [&](std::span<const std::uint32_t> listed) {
        for (const std::uint32_t a : listed) fn(a);
      });
}

}  // namespace pocsim
