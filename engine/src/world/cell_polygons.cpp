// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/cell_polygons.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace pocsim::world {

namespace {

// The latitude of the centres of a row's cells: the same for every cell of
// the row, as Grid::center_lonlat computes it.
double row_latitude(const Grid& grid, int row) { return grid.center_lonlat(grid.cell(0, row)).lat; }

double km_to_boundary(const Grid& grid, const Polygon& polygon, geo::PointKm p) {
  double best = std::numeric_limits<double>::infinity();
  const geo::Projection& projection = grid.projection();
  for (const auto& ring : polygon.rings)
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
      best = std::min(best, geo::distance_to_segment_km(p, projection.to_km(ring[i]),
                                                        projection.to_km(ring[j])));
  return best;
}

}  // namespace

std::vector<CellId> cells_inside(const Grid& grid, const Polygon& polygon) {
  std::vector<CellId> out;
  for (int row = 0; row < grid.height(); ++row) {
    const std::vector<double> crossings = polygon.crossings(row_latitude(grid, row));
    if (crossings.empty()) continue;
    for (int column = 0; column < grid.width(); ++column) {
      const CellId c = grid.cell(column, row);
      if (inside_at(crossings, grid.center_lonlat(c).lon)) out.push_back(c);
    }
  }
  return out;
}

std::vector<int> polygon_of_cells(const Grid& grid, const std::vector<Polygon>& polygons,
                                  const std::vector<CellId>& cells,
                                  const std::vector<geo::LonLat>& towns) {
  std::vector<double> south, north;
  for (const Polygon& p : polygons) {
    south.push_back(p.min_corner().lat);
    north.push_back(p.max_corner().lat);
  }
  std::vector<int> out(cells.size(), -1);
  std::vector<std::vector<double>> crossings(polygons.size());
  int scanned_row = -1;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    const int row = grid.row(cells[k]);
    if (row != scanned_row) {
      const double lat = row_latitude(grid, row);
      for (std::size_t p = 0; p < polygons.size(); ++p)
        crossings[p] =
            lat < south[p] || lat > north[p] ? std::vector<double>{} : polygons[p].crossings(lat);
      scanned_row = row;
    }
    const double lon = grid.center_lonlat(cells[k]).lon;
    for (std::size_t p = 0; p < polygons.size() && out[k] < 0; ++p)
      if (inside_at(crossings[p], lon)) out[k] = static_cast<int>(p);
  }
  std::vector<std::uint8_t> has_town(cells.size(), 0);
  for (const geo::LonLat& town : towns) {
    const CellId cell = grid.cell_at(grid.projection().to_km(town));
    const auto it = std::lower_bound(cells.begin(), cells.end(), cell);
    if (it == cells.end() || *it != cell) continue;
    const std::size_t k = static_cast<std::size_t>(it - cells.begin());
    for (std::size_t p = 0; p < polygons.size() && !has_town[k]; ++p)
      if (polygons[p].contains(town)) {
        out[k] = static_cast<int>(p);
        has_town[k] = 1;
      }
  }
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (out[k] >= 0) continue;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t p = 0; p < polygons.size(); ++p) {
      const double d = km_to_boundary(grid, polygons[p], grid.center(cells[k]));
      if (d < best) {
        best = d;
        out[k] = static_cast<int>(p);
      }
    }
  }
  return out;
}

}  // namespace pocsim::world
