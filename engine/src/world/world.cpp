// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/world.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "pocsim/world/apportion.hpp"
#include "pocsim/world/cell_polygons.hpp"
#include "pocsim/world/outline.hpp"
#include "pocsim/world/polygon_file.hpp"

namespace pocsim::world {

namespace {

// Marks every cell a straight segment passes through.
template <class Mark>
void trace_segment(const Grid& grid, geo::PointKm a, geo::PointKm b, Mark&& mark) {
  const double length = geo::distance_km(a, b);
  const int steps = std::max(1, static_cast<int>(std::ceil(length / (grid.cell_km() * 0.25))));
  for (int s = 0; s <= steps; ++s) {
    const double t = static_cast<double>(s) / steps;
    const CellId c = grid.cell_at({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
    if (c != no_cell) mark(c);
  }
}

double min_distance_to_chain(geo::PointKm p, const std::vector<geo::PointKm>& chain) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i + 1 < chain.size(); ++i)
    best = std::min(best, geo::distance_to_segment_km(p, chain[i], chain[i + 1]));
  if (chain.size() == 1) best = geo::distance_km(p, chain[0]);
  return best;
}

std::vector<geo::LonLat> town_positions(const Places& places) {
  std::vector<geo::LonLat> out;
  for (const Town& t : places.towns) out.push_back(t.position);
  return out;
}

[[noreturn]] void throw_diagnostics(const Diagnostics& diagnostics) {
  std::ostringstream text;
  diagnostics.print(text);
  throw WorldError(text.str());
}

// For each of `cells`, index_of(name) of the polygon that holds it, from a
// regions or districts file (whose errors the loader has reported already).
template <class IndexOf>
std::vector<int> named_polygon_of_cells(const World& w, const std::filesystem::path& file,
                                        const std::string& what, const std::string& property,
                                        const std::vector<CellId>& cells, IndexOf&& index_of) {
  Diagnostics diagnostics;
  const auto features = load_polygon_features(file, what, property, diagnostics);
  if (!features) throw_diagnostics(diagnostics);
  std::vector<Polygon> shapes;
  std::vector<int> index_of_feature;
  for (const PolygonFeature& f : *features) {
    index_of_feature.push_back(index_of(f.name));
    shapes.push_back(f.shape);
  }
  std::vector<int> out = polygon_of_cells(w.grid, shapes, cells, town_positions(w.places));
  for (int& k : out) k = index_of_feature[static_cast<std::size_t>(k)];
  return out;
}

// The region of each land cell from the regions file, whose names are the
// places file's regions (the loader has checked that).
std::vector<int> regions_from_polygons(const scenario::WorldSection& cfg, const World& w,
                                       const std::vector<CellId>& land) {
  return named_polygon_of_cells(w, cfg.regions->resolved, "regions", cfg.region_name_property, land,
                                [&](const std::string& name) {
                                  const int r = w.places.find_region(name);
                                  if (r < 0)
                                    throw WorldError("the regions file names '" + name +
                                                     "', not a region of the places file");
                                  return r;
                                });
}

// Districts from their file: several features of one name are one district,
// numbered in the order of their first feature; each district's region is
// the one that holds most of its cells (the lower index on a tie).
void place_districts(const scenario::WorldSection& cfg, World& w) {
  const std::vector<int> district = named_polygon_of_cells(
      w, cfg.districts->resolved, "districts", cfg.district_name_property, w.land_cells,
      [&](const std::string& name) {
        const auto it = std::find(w.district_names.begin(), w.district_names.end(), name);
        if (it != w.district_names.end()) return static_cast<int>(it - w.district_names.begin());
        w.district_names.push_back(name);
        return static_cast<int>(w.district_names.size()) - 1;
      });
  std::vector<std::vector<int>> cells_by_region(w.district_names.size(),
                                                std::vector<int>(w.region_count(), 0));
  for (std::size_t k = 0; k < w.land_cells.size(); ++k) {
    const CellId c = w.land_cells[k];
    w.district[c] = static_cast<std::int16_t>(district[k]);
    ++cells_by_region[district[k]][w.region[c]];
  }
  for (const auto& counts : cells_by_region)
    w.district_region.push_back(
        static_cast<int>(std::max_element(counts.begin(), counts.end()) - counts.begin()));
}

}  // namespace

const std::string& World::district_name(CellId c) const {
  static const std::string none;
  return c < district.size() && district[c] >= 0 ? district_names[district[c]] : none;
}

World build_world(const scenario::Scenario& scenario) {
  const scenario::WorldSection& cfg = scenario.world;
  Diagnostics diagnostics;
  auto outline = load_outline(cfg.outline.resolved, diagnostics);
  auto places = load_places(cfg.places.resolved, diagnostics);
  if (!outline || !places) throw_diagnostics(diagnostics);

  World w;
  w.places = std::move(*places);
  const geo::LonLat lo = outline->min_corner(), hi = outline->max_corner();
  const geo::Projection projection(lo, 0.5 * (lo.lat + hi.lat));
  const geo::PointKm extent = projection.to_km(hi);
  const int width = std::max(1, static_cast<int>(std::ceil(extent.x / cfg.cell_km)));
  const int height = std::max(1, static_cast<int>(std::ceil(extent.y / cfg.cell_km)));
  w.grid = Grid(projection, width, height, cfg.cell_km);
  const std::uint32_t n = w.grid.cell_count();

  std::vector<geo::PointKm> town_km;
  for (const Town& t : w.places.towns) town_km.push_back(projection.to_km(t.position));

  w.region.assign(n, -1);
  w.district.assign(n, -1);
  w.terrain.assign(n, Terrain::outside);
  w.on_road.assign(n, 0);
  w.on_river.assign(n, 0);
  w.infrastructure.assign(n, 0);
  w.population.assign(n, 0);
  w.region_cells.assign(w.places.region_names.size(), {});

  std::vector<geo::PointKm> delta_chain;
  for (int t : w.places.delta_chain) delta_chain.push_back(town_km[t]);

  // Land is the cells whose centre the outline holds; their regions come from
  // the regions' polygons when the scenario names them, else from the
  // nearest town (a Voronoi partition of the outline).
  const std::vector<CellId> in_outline = cells_inside(w.grid, *outline);
  const std::vector<int> region_of_land =
      cfg.regions ? regions_from_polygons(cfg, w, in_outline) : std::vector<int>{};
  std::vector<double> nearest_town_km(n, std::numeric_limits<double>::infinity());
  for (std::size_t k = 0; k < in_outline.size(); ++k) {
    const CellId c = in_outline[k];
    const geo::PointKm p = w.grid.center(c);
    std::size_t nearest = 0;
    for (std::size_t t = 0; t < town_km.size(); ++t) {
      const double d = geo::distance_km(p, town_km[t]);
      if (d < nearest_town_km[c]) {
        nearest_town_km[c] = d;
        nearest = t;
      }
    }
    w.region[c] =
        static_cast<std::int16_t>(cfg.regions ? region_of_land[k] : w.places.towns[nearest].region);
    w.land_cells.push_back(c);
    if (w.land_runs.empty() || w.land_runs.back().second != c) w.land_runs.emplace_back(c, c);
    w.land_runs.back().second = c + 1;
    w.region_cells[w.region[c]].push_back(c);
    const double lat = w.grid.center_lonlat(c).lat;
    if (nearest_town_km[c] <= cfg.town_radius_km)
      w.terrain[c] = Terrain::town;
    else if (!delta_chain.empty() &&
             min_distance_to_chain(p, delta_chain) <= w.places.delta_radius_km)
      w.terrain[c] = Terrain::delta;
    else if (lat > cfg.desert_latitude)
      w.terrain[c] = Terrain::desert;
    else
      w.terrain[c] = Terrain::sahel;
    if (nearest_town_km[c] <= cfg.phone_range_km) w.infrastructure[c] |= phone_tower;
  }
  if (w.land_cells.empty()) throw WorldError("no grid cell lies inside the outline");

  // Each town sits in its own cell, snapped to the nearest land cell when the
  // schematic coordinates fall just outside the outline.
  for (std::size_t t = 0; t < town_km.size(); ++t) {
    CellId c = w.grid.cell_at(town_km[t]);
    if (!w.inside(c)) {
      double best = std::numeric_limits<double>::infinity();
      for (CellId land : w.land_cells) {
        const double d = geo::distance_km(w.grid.center(land), town_km[t]);
        if (d < best) {
          best = d;
          c = land;
        }
      }
    }
    w.town_cell.push_back(c);
    w.terrain[c] = Terrain::town;
    w.infrastructure[c] |= health_centre | water_point | market | phone_tower;
    // On a map of polygons the map decides a town's region (Araouane, listed
    // under Tombouctou, lies in Taoudénit), so that a faction's area and a
    // campaign's towns agree with the cells.
    if (cfg.regions) w.places.towns[t].region = w.region[c];
  }
  if (cfg.districts) place_districts(cfg, w);

  // Roads and the river join the centres of the towns' cells, where units
  // travelling them are placed.
  auto centre = [&](int town) { return w.grid.center(w.town_cell[town]); };
  w.road_links.assign(town_km.size(), {});
  auto link = [&](int a, int b) {
    for (const RoadLink& l : w.road_links[a])
      if (l.to_town == b) return;
    const double km = geo::distance_km(centre(a), centre(b));
    w.road_links[a].push_back({b, km});
    w.road_links[b].push_back({a, km});
  };
  for (const auto& road : w.places.roads)
    for (std::size_t i = 0; i + 1 < road.size(); ++i) {
      link(road[i], road[i + 1]);
      trace_segment(w.grid, centre(road[i]), centre(road[i + 1]),
                    [&](CellId c) { w.on_road[c] = w.inside(c) ? 1 : 0; });
    }
  for (std::size_t i = 0; i + 1 < w.places.river.size(); ++i)
    trace_segment(w.grid, centre(w.places.river[i]), centre(w.places.river[i + 1]),
                  [&](CellId c) { w.on_river[c] = w.inside(c) ? 1 : 0; });

  // Population: national total split over regions by census share, then over
  // each region's cells by a rural weight plus a weight that decays with the
  // distance from every town.
  const scenario::CivilianSection& civ = scenario.civilians;
  const std::vector<std::int64_t> region_total =
      apportion(civ.population, w.places.region_population);
  for (std::size_t r = 0; r < w.region_cells.size(); ++r) {
    const auto& cells = w.region_cells[r];
    std::vector<double> weight(cells.size());
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const geo::PointKm p = w.grid.center(cells[k]);
      double urban = 0.0;
      for (const geo::PointKm& t : town_km)
        urban += std::exp(-geo::distance_km(p, t) / civ.urban_scale_km);
      weight[k] = (w.terrain[cells[k]] == Terrain::desert ? civ.desert_weight : 1.0) +
                  civ.urban_weight * urban;
    }
    const std::vector<std::int64_t> parts = apportion(region_total[r], weight);
    for (std::size_t k = 0; k < cells.size(); ++k) w.population[cells[k]] = parts[k];
    if (cells.empty() && region_total[r] > 0)
      throw WorldError("region '" + w.places.region_names[r] +
                       "' has people but no grid cell; use smaller cells");
  }
  return w;
}

}  // namespace pocsim::world
