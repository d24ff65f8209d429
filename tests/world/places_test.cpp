// SPDX-License-Identifier: Apache-2.0
// The places file is read with the shared reader of input files: its errors
// name the key path, the value read and the closest known name.
#include "pocsim/world/places.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::world {
namespace {

// The diagnostics of reading `text` as a places file, one a line.
std::string errors_of(const std::string& text, std::optional<Places>* out = nullptr) {
  const test::TempDir dir;
  {
    std::ofstream file(dir.file("p.yaml"));
    file << text;
  }
  Diagnostics diagnostics;
  std::optional<Places> places = load_places(dir.file("p.yaml"), diagnostics);
  EXPECT_EQ(places.has_value(), diagnostics.empty());
  if (out) *out = std::move(places);
  std::string lines;
  for (const Diagnostic& d : diagnostics.items())
    lines += d.to_string().substr(dir.file("p.yaml").size()) + "\n";
  return lines;
}

const std::string regions =
    "regions:\n  Gao: {population_2009: 480}\n  Kidal: {population_2009: 68}\n";

TEST(PlacesFile, ReadsTheShippedFile) {
  Diagnostics diagnostics;
  const auto places =
      load_places(test::source_path("scenarios/data/mali_places.yaml"), diagnostics);
  ASSERT_TRUE(places) << diagnostics.items()[0].to_string();
  EXPECT_EQ(places->region_names.size(), 11u);
  EXPECT_GE(places->find_town("Moura"), 0);
  EXPECT_EQ(places->delta_radius_km, 60.0);
  EXPECT_EQ(places->delta_chain.size(), 4u);
}

// Parsed files are kept for the next load (world/recent_files.hpp), known by
// their bytes: a file rewritten at once, to the same size, is read anew.
TEST(PlacesFile, AFileRewrittenAtOnceIsReadAgain) {
  const test::TempDir dir;
  const std::string file = dir.file("p.yaml");
  const auto write_and_load = [&](const std::string& gao_population) {
    std::ofstream(file) << "regions:\n  Gao: {population_2009: " << gao_population
                        << "}\n  Kidal: {population_2009: 68}\ntowns:\n"
                           "  Gao: [16.27, -0.04, Gao, csc]\n  Kidal: [18.4, 1.4, Kidal, csc]\n";
    Diagnostics diagnostics;
    const auto places = load_places(file, diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    return places ? places->region_population.at(0) : -1.0;
  };
  EXPECT_EQ(write_and_load("480"), 480.0);
  EXPECT_EQ(write_and_load("481"), 481.0);
  EXPECT_EQ(write_and_load("480"), 480.0) << "and the first again";
}

TEST(PlacesFile, ReportsNamesValuesAndKeysLikeAScenario) {
  EXPECT_EQ(
      errors_of(regions +
                "towns:\n  Gao: [16.27, -0.04, Gao, csc]\n  Kidal: [north, 1.4, Kidl, csc]\n"),
      ":6:11: error: towns.Kidal.1: expected a number, got 'north'\n"
      ":6:23: error: towns.Kidal.3: unknown region 'Kidl'; did you mean 'Kidal'?\n"
      ":2:3: error: regions.Kidal: region 'Kidal' has no town; every region needs one\n");
  const std::string towns =
      "towns:\n  Gao: [16.27, -0.04, Gao, csc]\n  Kidal: [18.4, 1.4, Kidal, csc]\n";
  EXPECT_EQ(errors_of(regions + towns + "roads:\n  - [Gao, Kidall]\n"),
            ":8:11: error: roads.1.2: unknown town 'Kidall'; did you mean 'Kidal'?\n");
  EXPECT_EQ(errors_of(regions + towns + "  Gao: [16.27, -0.04, Gao, csc]\n"),
            ":7:3: error: towns.Gao: duplicate key 'Gao' (first given at line 5)\n");
  EXPECT_EQ(errors_of(regions + towns + "inner_delta: {chain: [Gao], radius: 60}\n"),
            ":7:14: error: inner_delta.radius_km: missing required key 'radius_km'\n"
            ":7:29: error: inner_delta.radius: unknown key 'radius'\n");
  // Other top-level keys are information for readers.
  std::optional<Places> places;
  EXPECT_EQ(errors_of(regions + towns + "national_population_2022: 22600000\n", &places), "");
  ASSERT_TRUE(places);
  EXPECT_EQ(places->towns.size(), 2u);
}

// A places file's lists have a limit (issue 26): each town or road is looked
// up by name, so a file of 100,000 towns and roads would take minutes.
TEST(PlacesFile, MoreTownsOrRoadsThanTheLimitAreRefused) {
  std::string towns = "towns:\n";
  for (int t = 0; t <= 2000; ++t) towns += "  T" + std::to_string(t) + ": [16.2, 0.1, Gao, s]\n";
  EXPECT_EQ(errors_of(regions + towns),
            ":5:3: error: towns: the places file has 2001 towns here, more than the 2000 "
            "allowed\n");
  const std::string two =
      "towns:\n  Gao: [16.27, -0.04, Gao, csc]\n  Kidal: [18.4, 1.4, Kidal, csc]\n";
  std::string roads = "roads:\n";
  for (int k = 0; k <= 2000; ++k) roads += "  - [Gao, Kidal]\n";
  EXPECT_EQ(errors_of(regions + two + roads),
            ":8:3: error: roads: the places file has 2001 roads here, more than the 2000 "
            "allowed\n");
  roads = "roads:\n  - [Gao";
  for (int k = 0; k < 2000; ++k) roads += ", Kidal";
  EXPECT_NE(errors_of(regions + two + roads + "]\n").find("2001 towns in a chain here"),
            std::string::npos);
}

}  // namespace
}  // namespace pocsim::world
