// SPDX-License-Identifier: Apache-2.0
#pragma once
// The places file: regions with census population, towns, MINUSMA camps, roads
// as chains of towns, the Niger as a chain of towns, and the inner delta.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pocsim/scenario/diagnostics.hpp"
#include "pocsim/world/geo.hpp"

namespace pocsim::world {

struct Town {
  std::string name;
  geo::LonLat position;
  int region = 0;
};

struct Places {
  std::vector<std::string> region_names;
  std::vector<double> region_population;  // census counts, used as shares
  std::vector<Town> towns;
  std::vector<int> camps;               // town indices of MINUSMA camps
  std::vector<std::vector<int>> roads;  // chains of town indices
  std::vector<int> river;               // chain of town indices
  std::vector<int> delta_chain;         // chain of town indices
  double delta_radius_km = 0.0;

  int find_town(const std::string& name) const;    // -1 when absent
  int find_region(const std::string& name) const;  // -1 when absent
  std::vector<std::string> town_names() const;
};

std::optional<Places> load_places(const std::filesystem::path& file, Diagnostics& diagnostics);

}  // namespace pocsim::world
