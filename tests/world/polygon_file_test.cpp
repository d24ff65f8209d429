// SPDX-License-Identifier: Apache-2.0
// GeoJSON polygon files: parsed files are kept for the next load
// (engine/src/world/recent_files.hpp), which must never serve what a file no
// longer says.
#include "pocsim/world/polygon_file.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/temp_dir.hpp"

namespace pocsim::world {
namespace {

std::string square_named(const std::string& name) {
  return R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": ")" +
         name +
         R"("}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]})";
}

TEST(PolygonFile, AFileRewrittenAtOnceIsReadAgain) {
  const test::TempDir dir;
  const std::string file = dir.file("regions.geojson");
  const auto write_and_load = [&](const std::string& text, Diagnostics& diagnostics) {
    std::ofstream(file) << text;
    return load_polygon_features(file, "regions", "name", diagnostics);
  };
  Diagnostics diagnostics;
  const auto first = write_and_load(square_named("Gao"), diagnostics);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->at(0).name, "Gao");
  const auto second = write_and_load(square_named("Kal"), diagnostics);  // the same size
  ASSERT_TRUE(second);
  EXPECT_EQ(second->at(0).name, "Kal");
  EXPECT_TRUE(diagnostics.empty());

  Diagnostics broken;
  EXPECT_FALSE(write_and_load(square_named("Gao").substr(0, 40), broken));
  EXPECT_EQ(broken.size(), 1u) << "a file that no longer parses is refused, not served";
  Diagnostics again;
  const auto third = write_and_load(square_named("Gao"), again);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->at(0).name, "Gao");
}

TEST(PolygonFile, TheSameBytesReadForAnotherPropertyGiveThatPropertysNames) {
  const test::TempDir dir;
  const std::string file = dir.file("regions.geojson");
  std::ofstream(file) << R"({"type": "Feature", "properties": {"name": "Gao", "name_fr": "Gao-fr"},
    "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}})";
  Diagnostics diagnostics;
  const auto by_name = load_polygon_features(file, "regions", "name", diagnostics);
  const auto by_name_fr = load_polygon_features(file, "regions", "name_fr", diagnostics);
  ASSERT_TRUE(by_name && by_name_fr);
  EXPECT_EQ(by_name->at(0).name, "Gao");
  EXPECT_EQ(by_name_fr->at(0).name, "Gao-fr");
}

}  // namespace
}  // namespace pocsim::world
