// SPDX-License-Identifier: Apache-2.0
#pragma once
// The immutable world of a run: the grid clipped to the outline, regions from
// polygons (or by Voronoi of the towns when a scenario has none), districts
// from polygons when given, terrain, roads, the river, initial
// infrastructure and the population of every cell.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "pocsim/scenario/scenario.hpp"
#include "pocsim/world/grid.hpp"
#include "pocsim/world/places.hpp"

namespace pocsim::world {

enum class Terrain : std::uint8_t { outside, desert, sahel, delta, town };

// Infrastructure bits of a cell.
enum Infrastructure : std::uint8_t {
  health_centre = 1 << 0,
  water_point = 1 << 1,
  market = 1 << 2,
  phone_tower = 1 << 3,
};
inline constexpr int infrastructure_kinds = 4;
inline constexpr const char* infrastructure_names[] = {"health_centre", "water_point", "market",
                                                       "phone_tower"};

struct RoadLink {
  int to_town;
  double km;
};

struct World {
  Grid grid;
  Places places;
  std::vector<Terrain> terrain;              // per cell
  std::vector<std::int16_t> region;          // per cell; -1 outside the outline
  std::vector<std::int16_t> district;        // per cell; -1 outside or without districts
  std::vector<std::string> district_names;   // in the order of the districts file
  std::vector<int> district_region;          // per district: the region of most of its cells
  std::vector<std::uint8_t> on_road;         // per cell
  std::vector<std::uint8_t> on_river;        // per cell
  std::vector<std::uint8_t> infrastructure;  // per cell, Infrastructure bits at the start
  std::vector<std::int64_t> population;      // per cell, people at the start
  std::vector<CellId> land_cells;            // cells inside the outline, ascending
  // The same as runs of consecutive cells, [first, end): a pass over the land
  // along a per-cell table.
  std::vector<std::pair<CellId, CellId>> land_runs;
  std::vector<std::vector<CellId>> region_cells;
  std::vector<CellId> town_cell;                  // per town
  std::vector<std::vector<RoadLink>> road_links;  // per town

  bool inside(CellId c) const { return c < region.size() && region[c] >= 0; }
  int region_count() const { return static_cast<int>(places.region_names.size()); }
  int district_count() const { return static_cast<int>(district_names.size()); }
  // The cercle (admin-2) of a cell; "" outside the outline or without districts.
  const std::string& district_name(CellId c) const;
};

class WorldError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Builds the world from a validated scenario; throws WorldError when the data
// files cannot be read (the loader has normally reported that already).
World build_world(const scenario::Scenario& scenario);

}  // namespace pocsim::world
