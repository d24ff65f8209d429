// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/outline.hpp"

#include <nlohmann/json.hpp>

#include "pocsim/scenario/input_file.hpp"

#include <fstream>
#include <limits>
#include <sstream>

namespace pocsim::world {

bool Outline::contains(geo::LonLat p) const {
  bool inside = false;
  for (const auto& ring : rings) {
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const geo::LonLat a = ring[i], b = ring[j];
      if ((a.lat > p.lat) != (b.lat > p.lat) &&
          p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
        inside = !inside;
    }
  }
  return inside;
}

geo::LonLat Outline::min_corner() const {
  geo::LonLat m{std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
  for (const auto& ring : rings)
    for (const auto& p : ring) m = {std::min(m.lon, p.lon), std::min(m.lat, p.lat)};
  return m;
}

geo::LonLat Outline::max_corner() const {
  geo::LonLat m{std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  for (const auto& ring : rings)
    for (const auto& p : ring) m = {std::max(m.lon, p.lon), std::max(m.lat, p.lat)};
  return m;
}

namespace {

using nlohmann::json;

bool read_ring(const json& ring, std::vector<geo::LonLat>& out) {
  if (!ring.is_array() || ring.size() < 4) return false;
  for (const json& p : ring) {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) return false;
    out.push_back({p[0].get<double>(), p[1].get<double>()});
  }
  return true;
}

bool read_polygon(const json& polygon, Outline& outline) {
  if (!polygon.is_array() || polygon.empty()) return false;
  for (const json& ring : polygon) {
    outline.rings.emplace_back();
    if (!read_ring(ring, outline.rings.back())) return false;
  }
  return true;
}

bool read_geometry(const json& geometry, Outline& outline) {
  if (!geometry.is_object() || !geometry.contains("type") || !geometry.contains("coordinates"))
    return false;
  const json& coords = geometry["coordinates"];
  if (geometry["type"] == "Polygon") return read_polygon(coords, outline);
  if (geometry["type"] == "MultiPolygon") {
    if (!coords.is_array()) return false;
    for (const json& polygon : coords)
      if (!read_polygon(polygon, outline)) return false;
    return true;
  }
  return false;
}

}  // namespace

std::optional<Outline> load_outline(const std::filesystem::path& file, Diagnostics& diagnostics) {
  const std::string name = file.string();
  const std::optional<std::string> read = read_input_file(file);
  if (!read) {
    diagnostics.error({name, 1, 1}, "(file)", "cannot open the outline file");
    return std::nullopt;
  }
  const std::string& text = *read;
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    diagnostics.error({name, line, column}, "(document)", "invalid JSON in the outline file");
    return std::nullopt;
  }
  Outline outline;
  bool ok = false;
  if (doc.is_object() && doc.value("type", "") == "FeatureCollection" && doc.contains("features") &&
      doc["features"].is_array()) {
    ok = !doc["features"].empty();
    for (const json& feature : doc["features"])
      ok = ok && feature.is_object() && feature.contains("geometry") &&
           read_geometry(feature["geometry"], outline);
  } else if (doc.is_object() && doc.value("type", "") == "Feature" && doc.contains("geometry")) {
    ok = read_geometry(doc["geometry"], outline);
  } else {
    ok = read_geometry(doc, outline);
  }
  if (!ok || outline.rings.empty()) {
    diagnostics.error({name, 1, 1}, "features",
                      "the outline needs Polygon or MultiPolygon geometries with rings of at "
                      "least four [lon, lat] points");
    return std::nullopt;
  }
  return outline;
}

}  // namespace pocsim::world
