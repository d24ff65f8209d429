// SPDX-License-Identifier: Apache-2.0
#pragma once
// The country outline from GeoJSON: every ring of every feature, as one
// polygon (even-odd rule, so holes work and overlapping features cancel).
#include <filesystem>
#include <optional>

#include "pocsim/scenario/diagnostics.hpp"
#include "pocsim/world/polygon.hpp"

namespace pocsim::world {

using Outline = Polygon;

std::optional<Outline> load_outline(const std::filesystem::path& file, Diagnostics& diagnostics);

}  // namespace pocsim::world
