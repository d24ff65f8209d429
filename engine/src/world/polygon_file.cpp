// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/polygon_file.hpp"

#include <nlohmann/json.hpp>

#include "json_location.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "recent_files.hpp"

namespace pocsim::world {

namespace {

using nlohmann::json;

bool read_polygon_ring(const json& ring, std::vector<geo::LonLat>& out) {
  if (!ring.is_array() || ring.size() < 4) return false;
  for (const json& p : ring) {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) return false;
    out.push_back({p[0].get<double>(), p[1].get<double>()});
  }
  return true;
}

bool read_polygon_rings(const json& polygon, Polygon& shape) {
  if (!polygon.is_array() || polygon.empty()) return false;
  for (const json& ring : polygon) {
    shape.rings.emplace_back();
    if (!read_polygon_ring(ring, shape.rings.back())) return false;
  }
  return true;
}

bool read_polygon_geometry(const json& geometry, Polygon& shape) {
  if (!geometry.is_object() || !geometry.contains("type") || !geometry.contains("coordinates"))
    return false;
  const json& coords = geometry["coordinates"];
  if (geometry["type"] == "Polygon") return read_polygon_rings(coords, shape);
  if (geometry["type"] == "MultiPolygon") {
    if (!coords.is_array() || coords.empty()) return false;
    for (const json& polygon : coords)
      if (!read_polygon_rings(polygon, shape)) return false;
    return true;
  }
  return false;
}

std::string geometry_kind(const json& geometry) {
  if (geometry.is_object() && geometry.contains("type") && geometry["type"].is_string())
    return geometry["type"].get<std::string>();
  return geometry.is_object() ? "an object without a type" : std::string(geometry.type_name());
}

class PolygonFileReader {
 public:
  PolygonFileReader(std::string file, const std::string& text, std::string what,
                    std::string name_property, Diagnostics& diagnostics)
      : file_(std::move(file)),
        text_(text),
        what_(std::move(what)),
        name_property_(std::move(name_property)),
        diagnostics_(diagnostics) {}

  std::optional<std::vector<PolygonFeature>> read(const json& doc) {
    std::vector<PolygonFeature> out;
    // Not doc.value("type", ""), which throws on a type that is not text
    // ({"type": [...]} ended the program: tests/data/fuzz/outline/).
    const bool typed = doc.is_object() && doc.contains("type") && doc["type"].is_string();
    const std::string type = typed ? doc["type"].get<std::string>() : "";
    if (type == "FeatureCollection") {
      if (!doc.contains("features") || !doc["features"].is_array() || doc["features"].empty()) {
        error({"features"}, "the " + what_ + " file needs at least one feature");
        return std::nullopt;
      }
      for (std::size_t k = 0; k < doc["features"].size(); ++k)
        read_feature(doc["features"][k], {"features", std::to_string(k)}, out);
    } else if (type == "Feature") {
      read_feature(doc, {}, out);
    } else {
      PolygonFeature feature;
      if (!name_property_.empty())
        error({}, "the " + what_ + " file needs features with a '" + name_property_ +
                      "' property, got a bare geometry");
      else if (!read_polygon_geometry(doc, feature.shape))
        error({}, geometry_message(doc));
      out.push_back(std::move(feature));
    }
    if (failed_) return std::nullopt;
    return out;
  }

 private:
  void read_feature(const json& feature, std::vector<std::string> path,
                    std::vector<PolygonFeature>& out) {
    PolygonFeature f;
    if (!feature.is_object() || !feature.contains("geometry")) {
      error(path, "a feature needs a geometry");
      return;
    }
    std::vector<std::string> geometry_path = path;
    geometry_path.push_back("geometry");
    if (!read_polygon_geometry(feature["geometry"], f.shape)) {
      error(geometry_path, geometry_message(feature["geometry"]));
      return;
    }
    if (!name_property_.empty()) {
      const json* properties = feature.contains("properties") && feature["properties"].is_object()
                                   ? &feature["properties"]
                                   : nullptr;
      std::vector<std::string> at = path;
      at.push_back("properties");
      if (!properties || !properties->contains(name_property_) ||
          !(*properties)[name_property_].is_string()) {
        std::vector<std::string> names;
        if (properties)
          for (const auto& [key, value] : properties->items())
            if (value.is_string()) names.push_back(key);
        error(at, "no text property '" + name_property_ + "' in this feature" +
                      did_you_mean_or_list(name_property_, names, "text properties"));
        return;
      }
      f.name = (*properties)[name_property_].get<std::string>();
    }
    out.push_back(std::move(f));
  }

  std::string geometry_message(const json& geometry) const {
    return "the " + what_ +
           " file needs Polygon or MultiPolygon geometries with rings of at least four [lon, "
           "lat] points, got " +
           geometry_kind(geometry);
  }

  void error(const std::vector<std::string>& path, const std::string& message) {
    std::string key;
    for (const std::string& segment : path) key += (key.empty() ? "" : ".") + segment;
    diagnostics_.error(json_location(file_, text_, path), key.empty() ? "(document)" : key,
                       message);
    failed_ = true;
  }

  std::string file_;
  const std::string& text_;
  std::string what_;
  std::string name_property_;
  Diagnostics& diagnostics_;
  bool failed_ = false;
};

}  // namespace

std::optional<std::vector<PolygonFeature>> load_polygon_features(const std::filesystem::path& file,
                                                                 const std::string& what,
                                                                 const std::string& name_property,
                                                                 Diagnostics& diagnostics) {
  const std::string name = file.string();
  const std::optional<std::string> read =
      read_input_file(file, what, diagnostics, geojson_input_limit);
  if (!read) return std::nullopt;
  const std::string& text = *read;
  static RecentFiles<std::vector<PolygonFeature>> recent;
  return recent.find_or_parse(text, name_property, diagnostics, [&](Diagnostics& out) {
    json doc;
    try {
      doc = json::parse(text);
    } catch (const json::parse_error& e) {
      out.error(location_at_byte(name, text, e.byte > 0 ? e.byte - 1 : 0), "(document)",
                "invalid JSON in the " + what + " file");
      return std::optional<std::vector<PolygonFeature>>();
    } catch (const json::out_of_range& e) {
      // A number beyond a double's range ("1e400"), which the parser reports
      // with its text but not its place (it ended the program:
      // tests/data/fuzz/outline/); the first occurrence of that text is it.
      const std::string message = e.what();
      const std::size_t open = message.find('\''), close = message.rfind('\'');
      const std::string number =
          open < close ? message.substr(open + 1, close - open - 1) : std::string();
      const std::size_t at = number.empty() ? std::string::npos : text.find(number);
      out.error(location_at_byte(name, text, at == std::string::npos ? 0 : at), "(document)",
                "invalid JSON in the " + what + " file: the number " + number +
                    " is beyond the range of a double");
      return std::optional<std::vector<PolygonFeature>>();
    }
    return PolygonFileReader(name, text, what, name_property, out).read(doc);
  });
}

}  // namespace pocsim::world

namespace pocsim::world {

SourceLocation feature_property_location(const std::filesystem::path& file, std::size_t index,
                                         const std::string& property) {
  const std::optional<std::string> text = read_input_file(file);
  if (!text) return {file.string(), 1, 1};
  return json_location(file.string(), *text,
                       {"features", std::to_string(index), "properties", property});
}

}  // namespace pocsim::world
