// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/places.hpp"

#include <yaml-cpp/yaml.h>

#include "pocsim/scenario/value_text.hpp"

namespace pocsim::world {

int Places::find_town(const std::string& name) const {
  for (std::size_t i = 0; i < towns.size(); ++i)
    if (towns[i].name == name) return static_cast<int>(i);
  return -1;
}

int Places::find_region(const std::string& name) const {
  for (std::size_t i = 0; i < region_names.size(); ++i)
    if (region_names[i] == name) return static_cast<int>(i);
  return -1;
}

std::vector<std::string> Places::town_names() const {
  std::vector<std::string> names;
  for (const Town& t : towns) names.push_back(t.name);
  return names;
}

namespace {

class PlacesReader {
 public:
  PlacesReader(std::string file, Diagnostics& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  void error(const YAML::Node& node, const std::string& path, const std::string& message) {
    const YAML::Mark m = node.Mark();
    const bool known = !m.is_null() && m.line >= 0;
    diagnostics_.error({file_, known ? m.line + 1 : 1, known ? m.column + 1 : 1}, path, message);
    ok_ = false;
  }

  std::optional<double> number(const YAML::Node& node, const std::string& path) {
    if (node.IsScalar())
      if (auto v = scenario::parse_number(node.Scalar())) return v;
    error(node, path, "expected a number");
    return std::nullopt;
  }

  // A chain of town names, as indices.
  std::vector<int> chain(const YAML::Node& node, const std::string& path, const Places& places) {
    std::vector<int> out;
    if (!node.IsSequence()) {
      error(node, path, "expected a list of town names");
      return out;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
      const int t = node[i].IsScalar() ? places.find_town(node[i].Scalar()) : -1;
      if (t < 0)
        error(node[i], path + "." + std::to_string(i), "unknown town");
      else
        out.push_back(t);
    }
    return out;
  }

  bool ok() const { return ok_; }

 private:
  std::string file_;
  Diagnostics& diagnostics_;
  bool ok_ = true;
};

}  // namespace

std::optional<Places> load_places(const std::filesystem::path& file, Diagnostics& diagnostics) {
  PlacesReader reader(file.string(), diagnostics);
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::ParserException& e) {
    diagnostics.error({file.string(), e.mark.line + 1, e.mark.column + 1}, "(document)",
                      "YAML syntax error: " + e.msg);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diagnostics.error({file.string(), 1, 1}, "(file)", "cannot read the places file: " + e.msg);
    return std::nullopt;
  }
  if (!root.IsMap()) {
    reader.error(root, "(document)", "a places file is a mapping with regions and towns");
    return std::nullopt;
  }
  Places places;
  const YAML::Node regions = root["regions"];
  if (!regions || !regions.IsMap() || regions.size() == 0) {
    reader.error(root, "regions", "expected a mapping of regions");
    return std::nullopt;
  }
  for (auto it = regions.begin(); it != regions.end(); ++it) {
    const std::string name = it->first.Scalar();
    const std::string path = "regions." + name;
    places.region_names.push_back(name);
    const YAML::Node pop = it->second.IsMap() ? it->second["population_2009"] : YAML::Node();
    const auto value = pop ? reader.number(pop, path + ".population_2009") : std::nullopt;
    if (!pop) reader.error(it->second, path, "missing population_2009");
    places.region_population.push_back(value.value_or(0.0));
  }
  const YAML::Node towns = root["towns"];
  if (!towns || !towns.IsMap() || towns.size() == 0) {
    reader.error(root, "towns", "expected a mapping of towns");
    return std::nullopt;
  }
  for (auto it = towns.begin(); it != towns.end(); ++it) {
    const std::string name = it->first.Scalar();
    const std::string path = "towns." + name;
    const YAML::Node t = it->second;
    if (!t.IsSequence() || t.size() < 3) {
      reader.error(t, path, "expected [lat, lon, region, source]");
      continue;
    }
    const auto lat = reader.number(t[0], path + ".0");
    const auto lon = reader.number(t[1], path + ".1");
    const int region = t[2].IsScalar() ? places.find_region(t[2].Scalar()) : -1;
    if (region < 0) reader.error(t[2], path + ".2", "unknown region");
    if (lat && lon && region >= 0) places.towns.push_back({name, {*lon, *lat}, region});
  }
  for (std::size_t r = 0; r < places.region_names.size(); ++r) {
    bool has_town = false;
    for (const Town& t : places.towns) has_town = has_town || t.region == static_cast<int>(r);
    // Regions are the Voronoi cells of their towns: a region without one has no land.
    if (!has_town)
      reader.error(regions, "regions." + places.region_names[r],
                   "region '" + places.region_names[r] + "' has no town; every region needs one");
  }
  if (!reader.ok()) return std::nullopt;
  if (root["minusma_bases"])
    places.camps = reader.chain(root["minusma_bases"], "minusma_bases", places);
  if (const YAML::Node roads = root["roads"]) {
    if (!roads.IsSequence())
      reader.error(roads, "roads", "expected a list of town chains");
    else
      for (std::size_t i = 0; i < roads.size(); ++i)
        places.roads.push_back(reader.chain(roads[i], "roads." + std::to_string(i), places));
  }
  if (root["niger_river"]) places.river = reader.chain(root["niger_river"], "niger_river", places);
  if (const YAML::Node delta = root["inner_delta"]) {
    if (!delta.IsMap() || !delta["chain"] || !delta["radius_km"]) {
      reader.error(delta, "inner_delta", "expected {chain: [towns], radius_km: number}");
    } else {
      places.delta_chain = reader.chain(delta["chain"], "inner_delta.chain", places);
      places.delta_radius_km =
          reader.number(delta["radius_km"], "inner_delta.radius_km").value_or(0.0);
    }
  }
  if (!reader.ok()) return std::nullopt;
  return places;
}

}  // namespace pocsim::world
