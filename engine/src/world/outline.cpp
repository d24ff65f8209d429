// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/outline.hpp"

#include "pocsim/world/polygon_file.hpp"

namespace pocsim::world {

std::optional<Outline> load_outline(const std::filesystem::path& file, Diagnostics& diagnostics) {
  auto features = load_polygon_features(file, "outline", "", diagnostics);
  if (!features) return std::nullopt;
  Outline outline;
  for (PolygonFeature& f : *features)
    for (auto& ring : f.shape.rings) outline.rings.push_back(std::move(ring));
  return outline;
}

}  // namespace pocsim::world
