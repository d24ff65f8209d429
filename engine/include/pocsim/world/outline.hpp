// SPDX-License-Identifier: Apache-2.0
#pragma once
// The country outline from GeoJSON: the rings of its Polygon or MultiPolygon.
#include <filesystem>
#include <optional>
#include <vector>

#include "pocsim/scenario/diagnostics.hpp"
#include "pocsim/world/geo.hpp"

namespace pocsim::world {

struct Outline {
  // Outer rings and holes alike; a point is inside when an odd number of
  // rings surround it (even-odd rule).
  std::vector<std::vector<geo::LonLat>> rings;

  bool contains(geo::LonLat p) const;
  geo::LonLat min_corner() const;
  geo::LonLat max_corner() const;
};

std::optional<Outline> load_outline(const std::filesystem::path& file, Diagnostics& diagnostics);

}  // namespace pocsim::world
