// SPDX-License-Identifier: Apache-2.0
#pragma once
// GeoJSON files of polygons (the outline, the regions, the districts): a
// FeatureCollection, a single Feature or a bare geometry, each geometry a
// Polygon or MultiPolygon of [lon, lat] rings of at least four points.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pocsim/scenario/diagnostics.hpp"
#include "pocsim/world/polygon.hpp"

namespace pocsim::world {

struct PolygonFeature {
  Polygon shape;
  std::string name;  // the name property's text; empty when no name was asked for
};

// `what` names the file in messages ("outline", "regions"); a non-empty
// `name_property` must be a text property of every feature. Errors point at
// the offending feature in the file.
std::optional<std::vector<PolygonFeature>> load_polygon_features(const std::filesystem::path& file,
                                                                 const std::string& what,
                                                                 const std::string& name_property,
                                                                 Diagnostics& diagnostics);

// Where the property `property` of feature `index` (from 0) of a
// FeatureCollection lies, for an error about its value; the file is read
// again, which only an error justifies.
SourceLocation feature_property_location(const std::filesystem::path& file, std::size_t index,
                                         const std::string& property);

}  // namespace pocsim::world
