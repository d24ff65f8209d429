// SPDX-License-Identifier: Apache-2.0
#pragma once
// `world:` the grid, its outline, places and admin polygons (world/world.cpp).
#include <optional>
#include <string>

#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

struct WorldSection {
  DataFile outline{"../data/mali_outline.geojson", {}};
  DataFile places{"../data/mali_places.yaml", {}};
  std::optional<DataFile> regions;
  std::string region_name_property = "name";
  std::optional<DataFile> districts;
  std::string district_name_property = "name";
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
    v("regions", regions,
      {.doc = "GeoJSON file of the regions' polygons, relative to the scenario file: a cell "
              "belongs to the region whose polygon holds its centre (the nearest one when none "
              "does); null: the region of the nearest town"});
    v("region_name_property", region_name_property,
      {.doc = "the feature property of the regions file that holds a region's name, as the "
              "places file spells it"});
    v("districts", districts,
      {.doc = "GeoJSON file of the districts' (cercles', admin-2) polygons, relative to the "
              "scenario file, placed like the regions; null: no districts"});
    v("district_name_property", district_name_property,
      {.doc = "the feature property of the districts file that holds a district's name"});
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
