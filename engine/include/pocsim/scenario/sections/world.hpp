// SPDX-License-Identifier: Apache-2.0
#pragma once
// `world:` the grid, its outline and places (world/world.cpp).
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct WorldSection {
  DataFile outline{"../data/mali_outline.geojson", {}};
  DataFile places{"../data/mali_places.yaml", {}};
  double cell_km = 10.0;
  double desert_latitude = 18.0;
  double town_radius_km = 5.0;
  double phone_range_km = 30.0;

  template <class V>
  void describe(V& v) {
    v("outline", outline,
      {.doc = "GeoJSON file with the country outline (a Polygon or MultiPolygon feature), "
              "relative to the scenario file"});
    v("places", places,
      {.doc =
           "YAML file of regions, towns, camps, roads and river, relative to the scenario file"});
    v("cell_km", cell_km, {.doc = "edge of a square grid cell in km", .min = 2.0, .max = 200.0});
    v("desert_latitude", desert_latitude,
      {.doc = "cells north of this latitude (degrees) are desert terrain",
       .min = -90.0,
       .max = 90.0});
    v("town_radius_km", town_radius_km,
      {.doc = "cells whose centre lies within this distance of a town are town terrain",
       .min = 0.0,
       .max = 100.0});
    v("phone_range_km", phone_range_km,
      {.doc = "cells within this distance of a town have a phone tower at the start",
       .min = 0.0,
       .max = 1000.0});
  }
};

}  // namespace pocsim::scenario
