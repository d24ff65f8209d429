// SPDX-License-Identifier: Apache-2.0
#pragma once
// A regular grid of square cells over a bounding box in projected km.
#include <cstdint>

#include "pocsim/world/geo.hpp"

namespace pocsim::world {

using CellId = std::uint32_t;
inline constexpr CellId no_cell = 0xFFFFFFFFu;

class Grid {
 public:
  Grid() = default;
  Grid(geo::Projection projection, int width, int height, double cell_km)
      : projection_(projection), width_(width), height_(height), cell_km_(cell_km) {}

  int width() const { return width_; }
  int height() const { return height_; }
  double cell_km() const { return cell_km_; }
  std::uint32_t cell_count() const { return static_cast<std::uint32_t>(width_ * height_); }
  const geo::Projection& projection() const { return projection_; }

  int column(CellId c) const { return static_cast<int>(c % static_cast<CellId>(width_)); }
  int row(CellId c) const { return static_cast<int>(c / static_cast<CellId>(width_)); }
  CellId cell(int column, int row) const {
    return static_cast<CellId>(row) * static_cast<CellId>(width_) + static_cast<CellId>(column);
  }
  geo::PointKm center(CellId c) const {
    return {(column(c) + 0.5) * cell_km_, (row(c) + 0.5) * cell_km_};
  }
  geo::LonLat center_lonlat(CellId c) const { return projection_.to_lonlat(center(c)); }
  // no_cell outside the box.
  CellId cell_at(geo::PointKm p) const;

 private:
  geo::Projection projection_;
  int width_ = 0;
  int height_ = 0;
  double cell_km_ = 10.0;
};

}  // namespace pocsim::world
