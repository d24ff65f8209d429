// SPDX-License-Identifier: Apache-2.0
#pragma once
// Civilian agents as a structure of arrays. One agent is a group of people
// (a household group) that lives, flees and returns together; people in it
// can be killed one by one. Agents are created ordered by home cell, so the
// agents of a cell are one contiguous range and need no index of their own.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "pocsim/world/grid.hpp"

namespace pocsim {

enum class CivilianStatus : std::uint8_t { at_home = 0, displaced = 1 };

struct Civilians {
  std::vector<world::CellId> cell;   // where the group is now
  std::vector<world::CellId> home;   // where it lives
  std::vector<std::uint8_t> alive;   // people of the group alive
  std::vector<std::uint8_t> killed;  // people of the group killed
  std::vector<CivilianStatus> status;
  std::vector<float> grievance;  // accumulated exposure to abuse

  // Bytes of storage per agent across all the arrays above.
  static constexpr std::size_t bytes_per_agent = sizeof(world::CellId) * 2 + 3 + sizeof(float);

  std::size_t size() const { return cell.size(); }
  void resize(std::size_t n);
};

// Where the agents of each home cell start in the home-ordered arrays.
struct HomeIndex {
  std::vector<std::uint32_t> begin;  // per cell, and one past the last cell
  // The cells that are some group's home, in order: a walk over the agents
  // meets them one after the other, without stepping over the empty cells
  // (more than half the grid's box).
  std::vector<world::CellId> homes;

  std::uint32_t first(world::CellId c) const { return begin[c]; }
  std::uint32_t last(world::CellId c) const { return begin[c + 1]; }
};

// Splits each cell's population into groups of `people_per_agent` (the last
// group of a cell holds the remainder) and returns the index by home cell.
HomeIndex populate_civilians(Civilians& civilians, const std::vector<std::int64_t>& population,
                             int people_per_agent);

}  // namespace pocsim
