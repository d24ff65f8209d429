// SPDX-License-Identifier: Apache-2.0
#include "pocsim/world/world.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <numbers>
#include <numeric>
#include <queue>

#include "pocsim/world/apportion.hpp"
#include "support/process.hpp"
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
  // Mali is about 1.24 million km² (OCHA's outline 1.258 million); allow 10%.
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

// --- the map of polygons -------------------------------------------------------
// The test reads the GeoJSON files itself and places points with its own
// even-odd test, so that the world's row scan is checked against another
// reading of the same polygons.

struct TestPolygon {
  std::string name;
  std::vector<std::vector<geo::LonLat>> rings;
  geo::LonLat lo{1e9, 1e9}, hi{-1e9, -1e9};

  bool holds(geo::LonLat p) const {
    if (p.lon < lo.lon || p.lon > hi.lon || p.lat < lo.lat || p.lat > hi.lat) return false;
    bool in = false;
    for (const auto& ring : rings)
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const geo::LonLat a = ring[i], b = ring[i + 1];
        if ((a.lat > p.lat) != (b.lat > p.lat) &&
            p.lon < a.lon + (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat))
          in = !in;
      }
    return in;
  }
  // On a sphere of the Earth's mean radius, as the data's README measures.
  double area_km2() const {
    constexpr double radius = 6371.0088, rad = std::numbers::pi / 180.0;
    double total = 0.0;
    for (std::size_t r = 0; r < rings.size(); ++r) {
      double sum = 0.0;
      for (std::size_t i = 0; i + 1 < rings[r].size(); ++i) {
        const geo::LonLat a = rings[r][i], b = rings[r][i + 1];
        sum += (b.lon - a.lon) * rad * (2.0 + std::sin(a.lat * rad) + std::sin(b.lat * rad));
      }
      total += (r == 0 ? 1.0 : -1.0) * std::abs(sum) * radius * radius / 2.0;
    }
    return total;
  }
};

std::vector<TestPolygon> read_test_polygons(const std::string& relative, const std::string& name) {
  std::ifstream in(test::source_path("scenarios/data/boundaries/" + relative));
  const nlohmann::json doc = nlohmann::json::parse(in);
  std::vector<TestPolygon> out;
  for (const auto& feature : doc["features"]) {
    TestPolygon p;
    p.name = feature["properties"][name].get<std::string>();
    const auto& g = feature["geometry"];
    EXPECT_EQ(g["type"], "Polygon") << p.name;  // all of them are, in the shipped files
    for (const auto& ring : g["coordinates"]) {
      p.rings.emplace_back();
      for (const auto& xy : ring) {
        const geo::LonLat q{xy[0].get<double>(), xy[1].get<double>()};
        p.rings.back().push_back(q);
        p.lo = {std::min(p.lo.lon, q.lon), std::min(p.lo.lat, q.lat)};
        p.hi = {std::max(p.hi.lon, q.lon), std::max(p.hi.lat, q.lat)};
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

const std::vector<TestPolygon>& test_regions() {
  static const auto regions =
      read_test_polygons("mali_adm1_2016_taoudenit_approx.geojson", "name_fr");
  return regions;
}

const std::vector<TestPolygon>& test_cercles() {
  static const auto cercles = read_test_polygons("mali_adm2.geojson", "name");
  return cercles;
}

// The cell that holds a town's own coordinates (a town's cell may be snapped).
CellId cell_of_town(const World& w, const std::string& town) {
  const int t = w.places.find_town(town);
  EXPECT_GE(t, 0) << town;
  return w.grid.cell_at(w.grid.projection().to_km(w.places.towns[t].position));
}

TEST_F(MaliWorld, KnownTownsLieInTheirRegionAndCercle) {
  const World& w = *world_;
  struct Known {
    const char* town;
    const char* region;
    const char* cercle;  // OCHA's spelling, without accents
  };
  for (const Known& k :
       {Known{"Ménaka", "Ménaka", "Menaka"}, Known{"Moura", "Mopti", "Djenne"},
        Known{"Kidal", "Kidal", "Kidal"}, Known{"Ber", "Tombouctou", "Tombouctou"},
        Known{"Sévaré", "Mopti", "Mopti"}, Known{"Gao", "Gao", "Gao"},
        Known{"Tessalit", "Kidal", "Tessalit"}, Known{"Taoudenni", "Taoudénit", "Tombouctou"}}) {
    const CellId c = cell_of_town(w, k.town);
    ASSERT_TRUE(w.inside(c)) << k.town;
    EXPECT_EQ(w.places.region_names[w.region[c]], k.region) << k.town;
    EXPECT_EQ(w.district_name(c), k.cercle) << k.town;
  }
  // A district's region is where most of its cells are: Ménaka's cercle is
  // the region Ménaka, though OCHA's 2015 frame files it under Gao.
  const auto index = [&](const std::string& d) {
    return std::find(w.district_names.begin(), w.district_names.end(), d) -
           w.district_names.begin();
  };
  EXPECT_EQ(w.places.region_names[w.district_region[index("Menaka")]], "Ménaka");
  EXPECT_EQ(w.places.region_names[w.district_region[index("Djenne")]], "Mopti");
  EXPECT_EQ(w.district_count(), 50);
  EXPECT_EQ(w.district_name(no_cell), "");
}

TEST_F(MaliWorld, EveryCellsRegionAndCercleAreThePolygonsThatHoldItsCentre) {
  const World& w = *world_;
  // A cell that holds a town is placed by the town's coordinates (the first
  // town listed), other cells by their centre.
  std::map<CellId, geo::LonLat> town_cells;
  for (const Town& t : w.places.towns)
    town_cells.emplace(w.grid.cell_at(w.grid.projection().to_km(t.position)), t.position);
  int checked = 0, in_no_region = 0;
  for (CellId c : w.land_cells) {
    const auto town = town_cells.find(c);
    const geo::LonLat p = town != town_cells.end() ? town->second : w.grid.center_lonlat(c);
    std::vector<std::string> regions, cercles;
    for (const TestPolygon& r : test_regions())
      if (r.holds(p)) regions.push_back(r.name);
    for (const TestPolygon& d : test_cercles())
      if (d.holds(p)) cercles.push_back(d.name);
    ASSERT_LE(regions.size(), 1u) << "the regions overlap at " << p.lon << ", " << p.lat;
    in_no_region += regions.empty() ? 1 : 0;
    if (regions.size() == 1) {
      EXPECT_EQ(w.places.region_names[w.region[c]], regions[0]) << c;
    }
    if (cercles.size() == 1) {
      EXPECT_EQ(w.district_name(c), cercles[0]) << c;
    }
    EXPECT_NE(w.district_name(c), "") << c;
    checked += regions.size() == 1 && cercles.size() == 1 ? 1 : 0;
  }
  // The outline is the regions dissolved, so a centre in no region can only
  // sit on a border, where rounding decides; Anderamboukane's coordinates lie
  // just outside the country.
  EXPECT_LE(in_no_region, 5);
  EXPECT_GT(checked, 12000);
}

TEST_F(MaliWorld, RegionsCellAreasMatchTheirPolygonsWithinFivePercent) {
  // Cells are 10 km squares of an equirectangular projection true at the
  // grid's middle latitude, about 17.5°N: a cell at 11°N covers 3% more
  // ground than 100 km², one at 24°N 4% less, within the 5% asked of the map.
  // Bamako (247 km², two or three cells) is too small for 5% at 10 km.
  const World& w = *world_;
  ASSERT_EQ(scenario_->world.cell_km, 10.0);
  for (const TestPolygon& r : test_regions()) {
    if (r.name == "Bamako") continue;
    const int region = w.places.find_region(r.name);
    ASSERT_GE(region, 0) << r.name;
    const double cells_km2 = static_cast<double>(w.region_cells[region].size()) * 100.0;
    EXPECT_NEAR(cells_km2 / r.area_km2(), 1.0, 0.05)
        << r.name << ": " << cells_km2 << " km² of cells, " << r.area_km2() << " km² of polygon";
  }
}

TEST(VoronoiWorld, WithoutPolygonsEachCellTakesTheRegionOfTheNearestTown) {
  const scenario::Scenario s =
      test::load_shipped("mali_2022/baseline.yaml",
                         {"world.regions=null", "world.districts=null", "world.cell_km=25"});
  const World w = build_world(s);
  std::vector<geo::PointKm> towns;
  for (const Town& t : w.places.towns) towns.push_back(w.grid.projection().to_km(t.position));
  for (CellId c : w.land_cells) {
    std::size_t nearest = 0;
    for (std::size_t t = 1; t < towns.size(); ++t)
      if (geo::distance_km(w.grid.center(c), towns[t]) <
          geo::distance_km(w.grid.center(c), towns[nearest]))
        nearest = t;
    EXPECT_EQ(w.region[c], w.places.towns[nearest].region) << c;
    EXPECT_EQ(w.district_name(c), "") << c;
  }
  EXPECT_EQ(w.district_count(), 0);
}

TEST(Apportion, PartsAddUpAndFollowWeights) {
  const auto parts = apportion(10, {1.0, 1.0, 1.0});
  EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}), 10);
  EXPECT_EQ(parts, (std::vector<std::int64_t>{4, 3, 3}));
  EXPECT_EQ(apportion(7, {0.0, 0.0}), (std::vector<std::int64_t>{4, 3}));
  EXPECT_EQ(apportion(100, {0.0, 3.0, 1.0}), (std::vector<std::int64_t>{0, 75, 25}));
}

}  // namespace pocsim::world
