// SPDX-License-Identifier: Apache-2.0
#pragma once
// The map of a scenario's world for the explorer's page, in longitude and
// latitude: its land cells with their regions (the page colours them and
// draws the regions' borders where neighbouring cells differ), towns, camps,
// roads and the river, as the engine knows them.
#include <nlohmann/json.hpp>

#include "pocsim/world/world.hpp"

namespace pocsim::cli {

nlohmann::json world_map_json(const world::World& world);

// A point rounded to about 100 m, which is all a map at country scale shows
// and keeps the frames small.
nlohmann::json lonlat_json(const geo::LonLat& p);

}  // namespace pocsim::cli
