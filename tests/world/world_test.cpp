// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/world.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <queue>

#include "pocsim/world/apportion.hpp"
#include "support/scenarios.hpp"

namespace pocsim::world {

class MaliWorld : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scenario_ = new scenario::Scenario(test::load_shipped("mali_2022/baseline.yaml"));
    world_ = new World(build_world(*scenario_));
  }
  static void TearDownTestSuite() {
    delete world_;
    delete scenario_;
  }
  static scenario::Scenario* scenario_;
  static World* world_;
};
scenario::Scenario* MaliWorld::scenario_ = nullptr;
World* MaliWorld::world_ = nullptr;

TEST_F(MaliWorld, LandCellsCoverTheCountryArea) {
  // Mali is about 1.24 million km²; the 1:110m outline is coarse, so allow 10%.
  const double area = static_cast<double>(world_->land_cells.size()) * 100.0;
  EXPECT_NEAR(area, 1.24e6, 0.124e6);
}

TEST_F(MaliWorld, EveryRegionHasCellsAndTownsLieInTheirOwnRegion) {
  for (int r = 0; r < world_->region_count(); ++r)
    EXPECT_FALSE(world_->region_cells[r].empty()) << world_->places.region_names[r];
  int agree = 0;
  for (std::size_t t = 0; t < world_->places.towns.size(); ++t)
    agree += world_->region[world_->town_cell[t]] == world_->places.towns[t].region ? 1 : 0;
  EXPECT_EQ(agree, static_cast<int>(world_->places.towns.size()));
  const int moura = world_->places.find_town("Moura");
  EXPECT_EQ(world_->places.region_names[world_->region[world_->town_cell[moura]]], "Mopti");
}

TEST_F(MaliWorld, TerrainFollowsLatitudeDeltaAndTowns) {
  const auto& w = *world_;
  EXPECT_EQ(w.terrain[w.town_cell[w.places.find_town("Bamako")]], Terrain::town);
  EXPECT_EQ(w.terrain[w.town_cell[w.places.find_town("Ténenkou")]], Terrain::town);
  int desert_south = 0, delta = 0;
  for (CellId c : w.land_cells) {
    const double lat = w.grid.center_lonlat(c).lat;
    if (w.terrain[c] == Terrain::desert && lat <= scenario_->world.desert_latitude) ++desert_south;
    if (w.terrain[c] == Terrain::delta) ++delta;
  }
  EXPECT_EQ(desert_south, 0);
  EXPECT_GT(delta, 50);  // a 60 km corridor along ~350 km of chain
}

TEST_F(MaliWorld, PopulationAddsUpNationallyAndByRegionalCensusShare) {
  const auto& w = *world_;
  const std::int64_t total =
      std::accumulate(w.population.begin(), w.population.end(), std::int64_t{0});
  EXPECT_EQ(total, scenario_->civilians.population);
  const double census =
      std::accumulate(w.places.region_population.begin(), w.places.region_population.end(), 0.0);
  for (int r = 0; r < w.region_count(); ++r) {
    std::int64_t people = 0;
    for (CellId c : w.region_cells[r]) people += w.population[c];
    EXPECT_NEAR(static_cast<double>(people),
                w.places.region_population[r] / census * static_cast<double>(total), 1.0);
  }
  // Every town cell is denser than the region's median cell.
  for (std::size_t t = 0; t < w.places.towns.size(); ++t) {
    const int r = w.places.towns[t].region;
    std::vector<std::int64_t> cells;
    for (CellId c : w.region_cells[r]) cells.push_back(w.population[c]);
    std::nth_element(cells.begin(), cells.begin() + cells.size() / 2, cells.end());
    if (cells.size() > 4) {
      EXPECT_GT(w.population[w.town_cell[t]], 5 * cells[cells.size() / 2])
          << w.places.towns[t].name;
    }
  }
}

TEST_F(MaliWorld, RoadsConnectBamakoToKidalAndAreTracedThroughCells) {
  const auto& w = *world_;
  std::vector<int> seen(w.places.towns.size(), 0);
  std::queue<int> open;
  open.push(w.places.find_town("Bamako"));
  seen[open.front()] = 1;
  while (!open.empty()) {
    const int t = open.front();
    open.pop();
    for (const RoadLink& l : w.road_links[t])
      if (!seen[l.to_town]) {
        seen[l.to_town] = 1;
        open.push(l.to_town);
      }
  }
  EXPECT_TRUE(seen[w.places.find_town("Kidal")]);
  EXPECT_TRUE(seen[w.places.find_town("Ménaka")]);
  const int road_cells = std::accumulate(w.on_road.begin(), w.on_road.end(), 0);
  EXPECT_GT(road_cells, 400);  // ~5,000 km of schematic road at 10 km per cell
  EXPECT_GT(std::accumulate(w.on_river.begin(), w.on_river.end(), 0), 100);
}

TEST(Apportion, PartsAddUpAndFollowWeights) {
  const auto parts = apportion(10, {1.0, 1.0, 1.0});
  EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}), 10);
  EXPECT_EQ(parts, (std::vector<std::int64_t>{4, 3, 3}));
  EXPECT_EQ(apportion(7, {0.0, 0.0}), (std::vector<std::int64_t>{4, 3}));
  EXPECT_EQ(apportion(100, {0.0, 3.0, 1.0}), (std::vector<std::int64_t>{0, 75, 25}));
}

}  // namespace pocsim::world
