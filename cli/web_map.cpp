// SPDX-License-Identifier: Apache-2.0
#include "web_map.hpp"

#include <cmath>

namespace pocsim::cli {

nlohmann::json lonlat_json(const geo::LonLat& p) {
  auto rounded = [](double v) { return std::round(v * 1000.0) / 1000.0; };
  return nlohmann::json::array({rounded(p.lon), rounded(p.lat)});
}

nlohmann::json world_map_json(const world::World& world) {
  using nlohmann::json;
  const world::Grid& grid = world.grid;
  // Cells as [column, row, region]; the page places them with the grid's
  // corner and step, so the projection stays in one place (here).
  json cells = json::array();
  for (const world::CellId c : world.land_cells)
    cells.push_back({grid.column(c), grid.row(c), world.region[c]});
  json towns = json::array();
  for (const world::Town& t : world.places.towns)
    towns.push_back({{"name", t.name}, {"at", lonlat_json(t.position)}, {"region", t.region}});
  json roads = json::array();
  for (const std::vector<int>& road : world.places.roads) roads.push_back(road);
  const geo::LonLat corner = grid.projection().to_lonlat({0.0, 0.0});
  const geo::LonLat step = grid.projection().to_lonlat({grid.cell_km(), grid.cell_km()});
  return {{"regions", world.places.region_names},
          {"grid",
           {{"width", grid.width()},
            {"height", grid.height()},
            {"lon0", corner.lon},
            {"lat0", corner.lat},
            {"dlon", step.lon - corner.lon},
            {"dlat", step.lat - corner.lat}}},
          {"cells", cells},
          {"towns", towns},
          {"camps", world.places.camps},
          {"roads", roads},
          {"river", world.places.river}};
}

}  // namespace pocsim::cli
