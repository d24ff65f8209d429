// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/places.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "pocsim/scenario/input_file.hpp"
#include "recent_files.hpp"
#include "yaml_paths.hpp"
#include "yaml_reader.hpp"

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

using scenario::Field;
using scenario::Mapping;
using scenario::read_scalar;
using scenario::read_typed;
using Reader = scenario::YamlReader;

// A town or region name: a scalar that names one of `names`.
int read_place(Reader& r, const Field& f, const std::vector<std::string>& names,
               const std::string& what) {
  const std::optional<std::string> name = read_scalar(r, f);
  if (!name) return -1;
  const auto it = std::find(names.begin(), names.end(), *name);
  if (it != names.end()) return static_cast<int>(it - names.begin());
  r.error(f.where, f.path, "unknown " + what + " '" + *name + "'" + did_you_mean(*name, names));
  return -1;
}

// The most regions, towns, roads and towns in a chain a places file may
// hold: twenty times a country's cercles (Mali has 50) and far above the
// shipped file (11 regions, 54 towns). Each name in a chain is looked up
// by a scan of the towns, so the number of towns bounds the reader's work
// per name, and the file's size (4 MiB) the number of names.
constexpr std::size_t max_places = 2000;

bool within_limit(Reader& r, const Field& f, const std::string& what) {
  if (f.node.size() <= max_places) return true;
  r.error(f.where, f.path,
          "the places file has " + std::to_string(f.node.size()) + " " + what +
              " here, more than the " + std::to_string(max_places) + " allowed");
  return false;
}

// A chain of town names, as indices.
std::vector<int> read_chain(Reader& r, const Field& f, const std::vector<std::string>& towns) {
  std::vector<int> out;
  if (!f.node.IsSequence()) {
    r.error(f.where, f.path, "expected a list of town names");
    return out;
  }
  if (!within_limit(r, f, "towns in a chain")) return out;
  for (std::size_t i = 0; i < f.node.size(); ++i) {
    const int t = read_place(r, scenario::element(r, f, i), towns, "town");
    if (t >= 0) out.push_back(t);
  }
  return out;
}

// The mapping under `key` with at least one entry; an error at it, or at the
// top when it is missing, otherwise.
std::optional<Field> read_section(Reader& r, Mapping& document, const std::string& key,
                                  const SourceLocation& top, const std::string& message) {
  std::optional<Field> f = document.take(key);
  if (f && f->node.IsMap() && f->node.size() > 0) return f;
  r.error(f ? f->where : top, key, message);
  return std::nullopt;
}

std::optional<Places> read_places(Reader& r, const std::string& text) {
  const std::optional<YAML::Node> root = scenario::parse_yaml_document(text, r.file, r.diagnostics);
  if (!root) return std::nullopt;
  const SourceLocation top = r.at(*root, {r.file, 1, 1});
  if (!root->IsMap()) {
    r.error(top, "(document)", "a places file is a mapping with regions and towns");
    return std::nullopt;
  }
  // Keys other than these are information for readers (the shipped file's
  // national_population_2022) and are not reported.
  Mapping document(r, *root, "", top);
  Places places;
  const auto regions = read_section(r, document, "regions", top, "expected a mapping of regions");
  if (!regions || !within_limit(r, *regions, "regions")) return std::nullopt;
  Mapping region_map(r, regions->node, regions->path, regions->where);
  for (auto& [name, value] : region_map.take_all()) {
    places.region_names.push_back(name);
    Mapping entry(r, value.node, value.path, value.where);
    const auto population = entry.take("population_2009", true);
    entry.finish();
    const auto count = population ? read_typed<double>(r, *population) : std::nullopt;
    places.region_population.push_back(count.value_or(0.0));
  }
  const auto towns = read_section(r, document, "towns", top, "expected a mapping of towns");
  if (!towns || !within_limit(r, *towns, "towns")) return std::nullopt;
  Mapping town_map(r, towns->node, towns->path, towns->where);
  for (auto& [name, value] : town_map.take_all()) {
    if (!value.node.IsSequence() || value.node.size() < 3) {
      r.error(value.where, value.path, "expected [lat, lon, region, source]");
      continue;
    }
    const auto lat = read_typed<double>(r, scenario::element(r, value, 0));
    const auto lon = read_typed<double>(r, scenario::element(r, value, 1));
    const int region = read_place(r, scenario::element(r, value, 2), places.region_names, "region");
    if (lat && lon && region >= 0) places.towns.push_back({name, {*lon, *lat}, region});
  }
  for (std::size_t i = 0; i < places.region_names.size(); ++i) {
    bool has_town = false;
    for (const Town& t : places.towns) has_town = has_town || t.region == static_cast<int>(i);
    // Regions are the Voronoi cells of their towns: a region without one has no land.
    if (!has_town)
      r.error(regions->where, "regions." + places.region_names[i],
              "region '" + places.region_names[i] + "' has no town; every region needs one");
  }
  if (!r.diagnostics.empty()) return std::nullopt;
  const std::vector<std::string> names = places.town_names();
  if (const auto bases = document.take("minusma_bases"))
    places.camps = read_chain(r, *bases, names);
  if (const auto roads = document.take("roads")) {
    if (!roads->node.IsSequence())
      r.error(roads->where, roads->path, "expected a list of town chains");
    else if (within_limit(r, *roads, "roads"))
      for (std::size_t i = 0; i < roads->node.size(); ++i)
        places.roads.push_back(read_chain(r, scenario::element(r, *roads, i), names));
  }
  if (const auto river = document.take("niger_river")) places.river = read_chain(r, *river, names);
  if (const auto delta = document.take("inner_delta")) {
    Mapping m(r, delta->node, delta->path, delta->where);
    const auto chain = m.take("chain", true);
    const auto radius = m.take("radius_km", true);
    m.finish();
    if (chain) places.delta_chain = read_chain(r, *chain, names);
    if (radius) places.delta_radius_km = read_typed<double>(r, *radius).value_or(0.0);
  }
  if (!r.diagnostics.empty()) return std::nullopt;
  return places;
}

}  // namespace

std::optional<Places> load_places(const std::filesystem::path& file, Diagnostics& diagnostics) {
  const auto text = read_input_file(file, "places", diagnostics);
  if (!text) return std::nullopt;
  static RecentFiles<Places> recent;
  return recent.find_or_parse(*text, "", diagnostics, [&](Diagnostics& out) {
    Reader reader;
    reader.file = file.string();
    std::optional<Places> places = read_places(reader, *text);
    out.append(reader.diagnostics);
    return places;
  });
}

}  // namespace pocsim::world
