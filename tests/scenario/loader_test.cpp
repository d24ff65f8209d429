// SPDX-License-Identifier: Apache-2.0
#include "pocsim/scenario/loader.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pocsim/scenario/printer.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::scenario {
namespace {

namespace fs = std::filesystem;

// The shipped scenarios sit one folder below scenarios/data, which is where
// the default data paths (../data/...) point.
fs::path scenario_dir() { return test::source_path("scenarios/mali_2022"); }

fs::path data_file(const std::string& name) {
  return fs::path(test::source_path("scenarios/data/" + name)).lexically_normal();
}

LoadResult load(const std::string& text, const std::vector<std::string>& sets = {}) {
  std::vector<Override> overrides;
  for (const std::string& s : sets) overrides.push_back(*Override::parse(s));
  return load_scenario_text(text, "test.yaml", scenario_dir(), overrides);
}

std::string all_messages(const LoadResult& r) {
  std::string text;
  for (const Diagnostic& d : r.diagnostics.items()) text += d.to_string() + "\n";
  return text;
}

const std::string two_factions = R"(factions:
  - name: FAMa
    kind: state_forces
    units: 4
    bases: [Mopti]
    hostile_to: [JNIM]
  - name: JNIM
    kind: jihadist
    units: 3
    bases: [Douentza]
    hostile_to: [FAMa]
)";

TEST(LoadScenario, FillsInDefaultsForOmittedKeys) {
  const LoadResult r = load(
      "scenario:\n  name: minimal\nfactions:\n  - name: JNIM\n"
      "    kind: jihadist\n");
  ASSERT_TRUE(r.scenario) << all_messages(r);
  const Scenario& s = *r.scenario;
  const Scenario defaults;
  EXPECT_EQ(s.scenario.name, "minimal");
  EXPECT_EQ(s.scenario.duration_days, defaults.scenario.duration_days);
  EXPECT_EQ(s.scenario.tick_hours, 1);
  EXPECT_EQ(s.scenario.start_date.to_string(), "2022-01-01");
  EXPECT_EQ(s.civilians.population, 22'600'000);
  EXPECT_DOUBLE_EQ(s.civilians.flee_probability, defaults.civilians.flee_probability);
  EXPECT_DOUBLE_EQ(s.combat.engage_probability, defaults.combat.engage_probability);
  EXPECT_DOUBLE_EQ(s.control.presence_km, defaults.control.presence_km);
  // Omitted data paths default to the shipped data, relative to the file.
  EXPECT_EQ(s.world.outline.resolved, data_file("mali_outline.geojson"));
  EXPECT_EQ(s.world.places.resolved, data_file("mali_places.yaml"));

  ASSERT_EQ(s.factions.size(), 1u);
  const FactionSection& f = s.factions[0];
  const FactionSection faction_defaults;
  EXPECT_EQ(f.kind, FactionKind::jihadist);
  EXPECT_EQ(f.units, faction_defaults.units);
  EXPECT_EQ(f.mobility, Mobility::road);
  EXPECT_DOUBLE_EQ(f.road_speed_kmh, faction_defaults.road_speed_kmh);
  EXPECT_TRUE(f.bases.empty());
  EXPECT_FALSE(f.arrival_date);
  EXPECT_FALSE(f.withdrawal_date);
}

TEST(LoadScenario, ExplicitValuesReplaceDefaults) {
  const LoadResult r = load(
      "scenario:\n  tick_hours: 6\n  start_date: 2024-02-29\n"
      "civilians:\n  flee_probability: 0.25\n");
  ASSERT_TRUE(r.scenario) << all_messages(r);
  EXPECT_EQ(r.scenario->scenario.tick_hours, 6);
  EXPECT_EQ(r.scenario->scenario.start_date.to_string(), "2024-02-29");
  EXPECT_DOUBLE_EQ(r.scenario->civilians.flee_probability, 0.25);
}

TEST(LoadScenario, UnknownKeyGetsDidYouMean) {
  const LoadResult r = load("civilians:\n  flee_probabilty: 0.3\n");
  EXPECT_FALSE(r.scenario);
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.where.file, "test.yaml");
  EXPECT_EQ(d.where.line, 2);
  EXPECT_EQ(d.where.column, 3);
  EXPECT_EQ(d.key_path, "civilians.flee_probabilty");
  EXPECT_NE(d.message.find("did you mean 'flee_probability'?"), std::string::npos) << d.message;
}

// Every list has a limit (issue 26): a list above it is refused at its key
// before anything is made for its items; one at the limit reads.
TEST(LoadScenario, AListAboveItsLimitIsRefusedAtItsKey) {
  auto bases = [](std::size_t n) {
    std::string list = "[";
    for (std::size_t i = 0; i < n; ++i) list += (i ? ", " : "") + std::string("Mopti");
    return list + "]";
  };
  const std::string above = two_factions +
                            "  - name: Army\n    kind: state_forces\n"
                            "    bases: " +
                            bases(default_max_items + 1) + "\n";
  const LoadResult r = load(above);
  EXPECT_FALSE(r.scenario);
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.where.line, 14);  // two_factions' 11 lines, then the name and kind
  EXPECT_EQ(d.key_path, "factions.Army.bases");
  EXPECT_EQ(d.message, "the list has 1001 items, more than the 1000 allowed");
  const std::string at = two_factions +
                         "  - name: Army\n    kind: state_forces\n"
                         "    bases: " +
                         bases(default_max_items) + "\n";
  EXPECT_EQ(all_messages(load(at)).find("more than the"), std::string::npos);
}

TEST(LoadScenario, UnknownKeyFarFromAnyOtherGetsNoSuggestion) {
  const LoadResult r = load("civilians:\n  weather: rainy\n");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  EXPECT_NE(r.diagnostics.items()[0].message.find("unknown key 'weather'"), std::string::npos);
  EXPECT_EQ(r.diagnostics.items()[0].message.find("did you mean"), std::string::npos);
}

// control.presence_cells was replaced by control.presence_km (issue 22): a
// file, a variant's set or a --set that still gives it is told what replaced
// it, at the key, and the scenario does not load.
TEST(LoadScenario, ReplacedPresenceCellsNamesItsReplacement) {
  for (const LoadResult& r : {load("control:\n  presence_memory_days: 7\n  presence_cells: 2\n"),
                              load("scenario:\n  name: x\n", {"control.presence_cells=2"})}) {
    EXPECT_FALSE(r.scenario);
    ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
    const Diagnostic& d = r.diagnostics.items()[0];
    EXPECT_EQ(d.key_path, "control.presence_cells");
    EXPECT_NE(d.message.find("replaced by control.presence_km"), std::string::npos) << d.message;
    EXPECT_EQ(d.message.find("unknown key"), std::string::npos) << d.message;
  }
  const LoadResult in_file = load("control:\n  presence_memory_days: 7\n  presence_cells: 2\n");
  ASSERT_EQ(in_file.diagnostics.size(), 1u);
  EXPECT_EQ(in_file.diagnostics.items()[0].where.line, 3);
  EXPECT_EQ(in_file.diagnostics.items()[0].where.column, 3);
  // Its replacement loads, in km.
  const LoadResult km = load("control:\n  presence_km: 12.5\n");
  ASSERT_TRUE(km.scenario) << all_messages(km);
  EXPECT_DOUBLE_EQ(km.scenario->control.presence_km, 12.5);
}

TEST(LoadScenario, DuplicateKeyIsRejectedNamingBothLines) {
  const LoadResult r = load("scenario:\n  seed: 3\n  name: x\n  seed: 4\n");
  EXPECT_FALSE(r.scenario);
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.where.line, 4);
  EXPECT_EQ(d.key_path, "scenario.seed");
  EXPECT_NE(d.message.find("line 2"), std::string::npos) << d.message;
}

TEST(LoadScenario, ReportsSeveralErrorsAtOnce) {
  const LoadResult r = load(
      "scenario:\n"                 // 1
      "  duration_days: 0\n"        // 2
      "  start_date: 2022-02-30\n"  // 3
      "world:\n"                    // 4
      "  cell_km: huge\n"           // 5
      "factions:\n"                 // 6
      "  - name: JNIM\n"            // 7
      "    kind: jihadists\n"       // 8
      "    unitz: 3\n");            // 9
  EXPECT_FALSE(r.scenario);
  const std::vector<std::pair<int, std::string>> expected = {{2, "scenario.duration_days"},
                                                             {3, "scenario.start_date"},
                                                             {5, "world.cell_km"},
                                                             {8, "factions.JNIM.kind"},
                                                             {9, "factions.JNIM.unitz"}};
  std::vector<std::pair<int, std::string>> found;
  for (const Diagnostic& d : r.diagnostics.items()) found.emplace_back(d.where.line, d.key_path);
  // Errors come in the order the scenario describes its keys, not file order.
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, expected) << all_messages(r);
}

TEST(LoadScenario, EmptyValueIsReportedAtItsKey) {
  // yaml-cpp places an empty value at the next token, which here is past the
  // end of the text; the error belongs on the key's line.
  const LoadResult r = load("scenario:\n  name: x\n  start_date:\n");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  EXPECT_EQ(r.diagnostics.items()[0].where.line, 3);
  EXPECT_EQ(r.diagnostics.items()[0].key_path, "scenario.start_date");
}

TEST(LoadScenario, EmptyOrCommentOnlyTextIsAnError) {
  for (const std::string text : {"", "\n\n", "# nothing here\n# or here\n"}) {
    const LoadResult r = load(text);
    EXPECT_FALSE(r.scenario);
    ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.diagnostics.items()[0].key_path, "(document)");
  }
}

TEST(LoadScenario, ReferencesToTownsRegionsAndFactionsAreChecked) {
  const LoadResult r = load(R"(factions:
  - name: FAMa
    kind: state_forces
    units: 1
    bases: [Moptii]
    area: [Segou]
    hostile_to: [JNMI]
  - name: JNIM
    kind: jihadist
)");
  ASSERT_EQ(r.diagnostics.size(), 3u) << all_messages(r);
  EXPECT_EQ(r.diagnostics.items()[0].key_path, "factions.FAMa.bases.1");
  EXPECT_NE(r.diagnostics.items()[0].message.find("did you mean 'Mopti'"), std::string::npos);
  EXPECT_EQ(r.diagnostics.items()[1].key_path, "factions.FAMa.area.1");
  EXPECT_NE(r.diagnostics.items()[1].message.find("did you mean 'Ségou'"), std::string::npos);
  EXPECT_EQ(r.diagnostics.items()[2].key_path, "factions.FAMa.hostile_to.1");
  EXPECT_NE(r.diagnostics.items()[2].message.find("did you mean 'JNIM'"), std::string::npos);
}

// --- overrides ----------------------------------------------------------------

TEST(Override, ParseSplitsAtTheFirstEqualsSign) {
  const auto o = Override::parse("scenario.description=a=b");
  ASSERT_TRUE(o);
  EXPECT_EQ(o->key_path, "scenario.description");
  EXPECT_EQ(o->value, "a=b");
  EXPECT_FALSE(Override::parse("scenario.seed"));
  EXPECT_FALSE(Override::parse("=3"));
}

TEST(Override, ByPositionFromOneChangesTheValue) {
  const LoadResult r = load(two_factions, {"factions.2.units=9", "civilians.flee_risk=0.01"});
  ASSERT_TRUE(r.scenario) << all_messages(r);
  EXPECT_EQ(r.scenario->factions[0].units, 4);
  EXPECT_EQ(r.scenario->factions[1].units, 9);
  EXPECT_DOUBLE_EQ(r.scenario->civilians.flee_risk, 0.01);
}

TEST(Override, ByFactionNameChangesTheValue) {
  const LoadResult r = load(two_factions, {"factions.JNIM.bases=[Gao, Kidal]"});
  ASSERT_TRUE(r.scenario) << all_messages(r);
  EXPECT_EQ(r.scenario->factions[0].bases, std::vector<std::string>{"Mopti"});
  EXPECT_EQ(r.scenario->factions[1].bases, (std::vector<std::string>{"Gao", "Kidal"}));
}

TEST(Override, CanAddAKeyAndASectionTheFileLeavesOut) {
  const LoadResult r =
      load(two_factions, {"factions.FAMa.arrival_date=2022-03-01", "combat.contact_cells=3"});
  ASSERT_TRUE(r.scenario) << all_messages(r);
  ASSERT_TRUE(r.scenario->factions[0].arrival_date);
  EXPECT_EQ(r.scenario->factions[0].arrival_date->to_string(), "2022-03-01");
  EXPECT_EQ(r.scenario->combat.contact_cells, 3);
}

TEST(Override, IsCheckedLikeAFileValue) {
  const LoadResult from_file = load("civilians:\n  flee_probability: 2\n");
  const LoadResult from_set =
      load("civilians:\n  flee_probability: 0.5\n", {"civilians.flee_probability=2"});
  ASSERT_EQ(from_file.diagnostics.size(), 1u);
  ASSERT_EQ(from_set.diagnostics.size(), 1u) << all_messages(from_set);
  EXPECT_FALSE(from_set.scenario);
  const Diagnostic& d = from_set.diagnostics.items()[0];
  EXPECT_EQ(d.key_path, from_file.diagnostics.items()[0].key_path);
  EXPECT_EQ(d.message, from_file.diagnostics.items()[0].message);
  EXPECT_EQ(d.where.file, "<--set civilians.flee_probability=2>");
  EXPECT_EQ(d.where.column, 28);  // the value after '='
}

TEST(Override, GoesThroughTheReferenceChecks) {
  const LoadResult r =
      load(two_factions, {"factions.FAMa.hostile_to=[JNIM, Wagner]", "scenario.tick_hours=5"});
  EXPECT_FALSE(r.scenario);
  ASSERT_EQ(r.diagnostics.size(), 2u) << all_messages(r);
  EXPECT_EQ(r.diagnostics.items()[0].key_path, "scenario.tick_hours");
  EXPECT_EQ(r.diagnostics.items()[1].key_path, "factions.FAMa.hostile_to.2");
  EXPECT_EQ(r.diagnostics.items()[1].where.file, "<--set factions.FAMa.hostile_to=[JNIM, Wagner]>");
}

TEST(Override, ByNamePointsAtTheValueAsWritten) {
  const LoadResult r = load(two_factions, {"factions.JNIM.units=-1"});
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  EXPECT_EQ(r.diagnostics.items()[0].key_path, "factions.JNIM.units");
  EXPECT_EQ(r.diagnostics.items()[0].where.column, 21);  // after "factions.JNIM.units="
}

TEST(Override, UnknownKeyIsReportedAtTheOverrideWithDidYouMean) {
  const LoadResult r = load("civilians:\n  flee_risk: 0.01\n", {"civilians.flee_rsk=0.3"});
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.where.file, "<--set civilians.flee_rsk=0.3>");
  EXPECT_EQ(d.key_path, "civilians.flee_rsk");
  EXPECT_NE(d.message.find("did you mean 'flee_risk'?"), std::string::npos) << d.message;
}

TEST(Override, UnknownSectionIsReportedAtTheOverride) {
  const LoadResult r = load("scenario:\n  name: x\n", {"civilian.population=5"});
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  EXPECT_EQ(r.diagnostics.items()[0].where.file, "<--set civilian.population=5>");
  EXPECT_EQ(r.diagnostics.items()[0].key_path, "civilian");
}

TEST(Override, KeyBelowAValueIsRejectedNotReplacingTheValue) {
  const LoadResult r = load("scenario:\n  name: x\n", {"scenario.name.first=y"});
  ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  EXPECT_EQ(r.diagnostics.items()[0].where.file, "<--set scenario.name.first=y>");
  EXPECT_EQ(r.diagnostics.items()[0].key_path, "scenario.name");
  EXPECT_NE(r.diagnostics.items()[0].message.find("holds a value"), std::string::npos);
}

TEST(Override, BadPathsAndValuesAreReportedWithoutLoading) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"factions.Wagner.units=3", "no element 'Wagner'"},
      {"factions.3.units=3", "no element '3' in factions, which has 2"},
      {"factions.0.units=3", "position from 1"},
      {"scenario..seed=3", "empty segment"},
      {"scenario.seed=[1, 2", "cannot read the value"},
  };
  for (const auto& [set, message] : cases) {
    const LoadResult r = load(two_factions, {set});
    EXPECT_FALSE(r.scenario) << set;
    ASSERT_EQ(r.diagnostics.size(), 1u) << set << "\n" << all_messages(r);
    EXPECT_EQ(r.diagnostics.items()[0].where.file, "<--set " + set + ">");
    EXPECT_NE(r.diagnostics.items()[0].message.find(message), std::string::npos)
        << set << ": " << r.diagnostics.items()[0].message;
  }
}

// --- files and paths ----------------------------------------------------------

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

TEST(LoadScenarioFile, DataPathsResolveRelativeToTheScenarioFolder) {
  test::TempDir tmp;
  const fs::path root(tmp.path());
  write_file(root / "common" / "outline.geojson",
             test::read_text(data_file("mali_outline.geojson").string()));
  write_file(root / "common" / "places.yaml",
             test::read_text(data_file("mali_places.yaml").string()));
  const fs::path file = root / "runs" / "a" / "s.yaml";
  write_file(file,
             "world:\n  outline: ../../common/outline.geojson\n"
             "  places: ../../common/places.yaml\n");

  const LoadResult r = load_scenario(file);
  ASSERT_TRUE(r.scenario) << all_messages(r);
  EXPECT_EQ(r.scenario->world.outline.path, "../../common/outline.geojson");
  EXPECT_EQ(r.scenario->world.outline.resolved, (root / "common" / "outline.geojson"));
  EXPECT_EQ(r.scenario->world.places.resolved, (root / "common" / "places.yaml"));

  // The same text one folder higher no longer finds them, and says where it looked.
  const LoadResult moved =
      load_scenario_text(test::read_text(file.string()), "moved.yaml", root / "runs");
  EXPECT_FALSE(moved.scenario);
  ASSERT_EQ(moved.diagnostics.size(), 2u) << all_messages(moved);
  EXPECT_EQ(moved.diagnostics.items()[0].key_path, "world.outline");
  EXPECT_NE(moved.diagnostics.items()[0].message.find(
                (root / "runs" / "../../common/outline.geojson").lexically_normal().string()),
            std::string::npos)
      << moved.diagnostics.items()[0].message;
}

TEST(LoadScenarioFile, DefaultDataPathsResolveAndAreChecked) {
  // Left out, world.outline and world.places are ../data/... from the file.
  test::TempDir tmp;
  const fs::path file = fs::path(tmp.path()) / "s.yaml";
  write_file(file, "scenario:\n  name: x\n");
  const LoadResult r = load_scenario(file);
  EXPECT_FALSE(r.scenario);
  ASSERT_EQ(r.diagnostics.size(), 2u) << all_messages(r);
  EXPECT_EQ(r.diagnostics.items()[0].key_path, "world.outline");
  EXPECT_NE(r.diagnostics.items()[0].message.find("../data/mali_outline.geojson"),
            std::string::npos);
  EXPECT_EQ(r.diagnostics.items()[1].key_path, "world.places");
}

TEST(LoadScenarioFile, AbsoluteDataPathsAreKept) {
  const std::string text = "world:\n  outline: " + data_file("mali_outline.geojson").string() +
                           "\n  places: " + data_file("mali_places.yaml").string() + "\n";
  const LoadResult r = load_scenario_text(text, "abs.yaml", "/nonexistent/folder");
  ASSERT_TRUE(r.scenario) << all_messages(r);
  EXPECT_EQ(r.scenario->world.places.resolved, data_file("mali_places.yaml"));
}

TEST(LoadScenarioFile, MissingFileIsOneDiagnostic) {
  test::TempDir tmp;
  const LoadResult r = load_scenario(tmp.file("absent.yaml"));
  EXPECT_FALSE(r.scenario);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].where.file, tmp.file("absent.yaml"));
}

TEST(LoadScenarioFile, BaselineLoads) {
  const LoadResult r = load_scenario(scenario_dir() / "baseline.yaml");
  ASSERT_TRUE(r.scenario) << all_messages(r);
  EXPECT_EQ(r.scenario->scenario.name, "mali_2022_baseline");
  EXPECT_EQ(r.scenario->world.outline.resolved, data_file("boundaries/mali_adm0_ocha.geojson"));
  ASSERT_TRUE(r.scenario->world.regions);
  EXPECT_EQ(r.scenario->world.regions->resolved,
            data_file("boundaries/mali_adm1_2016_taoudenit_approx.geojson"));
  EXPECT_EQ(r.scenario->world.region_name_property, "name_fr");
  ASSERT_TRUE(r.scenario->world.districts);
  EXPECT_EQ(r.scenario->world.districts->resolved, data_file("boundaries/mali_adm2.geojson"));
  EXPECT_GE(r.scenario->factions.size(), 2u);
}

// --- printing ------------------------------------------------------------------

TEST(PrintRoundTrip, BaselinePrintsLoadsAndPrintsIdentically) {
  const LoadResult first = load_scenario(scenario_dir() / "baseline.yaml");
  ASSERT_TRUE(first.scenario) << all_messages(first);
  const std::string printed = to_yaml(*first.scenario);
  // Printed data paths are absolute, so the copy loads from anywhere.
  test::TempDir elsewhere;
  const LoadResult second = load_scenario_text(printed, "printed.yaml", elsewhere.path());
  ASSERT_TRUE(second.scenario) << all_messages(second) << printed;
  EXPECT_EQ(to_yaml(*second.scenario), printed);
  EXPECT_EQ(second.scenario->factions.size(), first.scenario->factions.size());
}

TEST(PrintRoundTrip, TrickyTextAndOptionalDatesSurvive) {
  const LoadResult first = load(R"(scenario:
  name: "quotes \" and: colons # not a comment"
  description: "line one\nline two, with [brackets] and {braces}"
factions:
  - name: "IS Sahel"
    kind: jihadist
    arrival_date: 2022-03-01
    withdrawal_date: ~
    hostile_to: ["Katiba: Macina"]
  - name: "Katiba: Macina"
    kind: jihadist
)");
  ASSERT_TRUE(first.scenario) << all_messages(first);
  for (const PrintOptions options :
       {PrintOptions{}, PrintOptions{.absolute_paths = false, .comments = false}}) {
    const std::string printed = to_yaml(*first.scenario, options);
    const LoadResult second = load(printed);
    ASSERT_TRUE(second.scenario) << all_messages(second) << printed;
    EXPECT_EQ(to_yaml(*second.scenario, options), printed);
    EXPECT_EQ(second.scenario->scenario.name, first.scenario->scenario.name);
    EXPECT_EQ(second.scenario->scenario.description, first.scenario->scenario.description);
    EXPECT_EQ(second.scenario->factions[0].hostile_to, first.scenario->factions[0].hostile_to);
    ASSERT_TRUE(second.scenario->factions[0].arrival_date);
    EXPECT_FALSE(second.scenario->factions[0].withdrawal_date);
  }
}

}  // namespace
}  // namespace pocsim::scenario

namespace pocsim::scenario {

// Value errors and reference errors come in one report, in line order, and a
// key whose value failed is not reported again by the reference checks.
TEST(LoadScenario, ValueAndReferenceErrorsAreReportedTogetherInLineOrder) {
  const LoadResult r = load(R"(scenario:
  tick_hours: 5
factions:
  - name: A
    kind: jihadist
    units: 2
    bases: [Gaoo]
    unit_strength: -5
  - name: B
    kind: state_forces
    units: 1
    bases: 3
)");
  ASSERT_EQ(r.diagnostics.size(), 4u) << all_messages(r);
  const auto& d = r.diagnostics.items();
  EXPECT_EQ(d[0].key_path, "scenario.tick_hours");
  EXPECT_EQ(d[1].key_path, "factions.A.bases.1");
  EXPECT_NE(d[1].message.find("did you mean 'Gao'"), std::string::npos) << d[1].message;
  EXPECT_EQ(d[2].key_path, "factions.A.unit_strength");
  EXPECT_EQ(d[3].key_path, "factions.B.bases");  // "expected a list", not also "needs a base"
  for (std::size_t i = 1; i < d.size(); ++i) EXPECT_LT(d[i - 1].where.line, d[i].where.line);
}

// --- campaigns ----------------------------------------------------------------

// two_factions with one campaign whose keys are `keys` (indented as its entry).
std::string with_campaign(const std::string& keys) {
  return two_factions + "campaigns:\n  - name: central\n" + keys;
}

const std::string good_campaign_keys = R"(    faction: FAMa
    regions: [Mopti, Ségou]
    from: 2022-01-01
    to: 2022-04-30
    every_days: 7
    units: 2
    days: 3
)";

TEST(LoadCampaign, AWellFormedCampaignLoads) {
  const LoadResult r = load(with_campaign(good_campaign_keys));
  ASSERT_TRUE(r.scenario) << all_messages(r);
  ASSERT_EQ(r.scenario->campaigns.size(), 1u);
  EXPECT_EQ(r.scenario->campaigns[0].regions, (std::vector<std::string>{"Mopti", "Ségou"}));
  EXPECT_TRUE(r.scenario->campaigns[0].cordon);  // the default, as for operations
}

// Faction and region names are checked as everywhere, with a "did you mean",
// at the element that is wrong.
TEST(LoadCampaign, UnknownFactionAndRegionsAreErrorsAtTheirElements) {
  const LoadResult r = load(with_campaign(R"(    faction: FAM
    regions: [Mopti, Segouu]
    from: 2022-01-01
    to: 2022-04-30
)"));
  EXPECT_FALSE(r.scenario);
  ASSERT_EQ(r.diagnostics.size(), 2u) << all_messages(r);
  const auto& d = r.diagnostics.items();
  EXPECT_EQ(d[0].key_path, "campaigns.central.faction");
  EXPECT_NE(d[0].message.find("unknown faction 'FAM'; did you mean 'FAMa'"), std::string::npos)
      << d[0].message;
  EXPECT_EQ(d[1].key_path, "campaigns.central.regions.2");
  EXPECT_NE(d[1].message.find("did you mean 'Ségou'"), std::string::npos) << d[1].message;
  EXPECT_EQ(d[0].where.line, 14);  // the line of `faction:` in the text
  EXPECT_EQ(d[1].where.line, 15);
}

// The last start day before the first, no region at all, more units than the
// faction has, a name that cannot be a key of summary.json, a name used twice.
TEST(LoadCampaign, InconsistentCampaignsAreErrorsAtTheirKeys) {
  const std::map<std::string, std::pair<std::string, std::string>> cases = {
      {"to: 2021-12-31",
       {"campaigns.central.to", "the campaign's last start day comes before its first"}},
      {"regions: []", {"campaigns.central.regions", "at least one region"}},
      {"units: 5", {"campaigns.central.units", "each operation takes 5 units but FAMa has 4"}},
  };
  for (const auto& [change, expected] : cases) {
    const std::string key = change.substr(0, change.find(':'));
    std::string keys;
    std::istringstream lines(good_campaign_keys);
    for (std::string line; std::getline(lines, line);)
      keys += (line.find("    " + key + ":") == 0 ? "    " + change : line) + "\n";
    const LoadResult r = load(with_campaign(keys));
    EXPECT_FALSE(r.scenario) << change;
    ASSERT_EQ(r.diagnostics.size(), 1u) << change << "\n" << all_messages(r);
    EXPECT_EQ(r.diagnostics.items()[0].key_path, expected.first) << change;
    EXPECT_NE(r.diagnostics.items()[0].message.find(expected.second), std::string::npos)
        << r.diagnostics.items()[0].message;
  }
  const LoadResult twice =
      load(with_campaign(good_campaign_keys) + "  - name: central\n" + good_campaign_keys);
  ASSERT_EQ(twice.diagnostics.size(), 1u) << all_messages(twice);
  EXPECT_EQ(twice.diagnostics.items()[0].key_path, "campaigns.2.name");
  EXPECT_NE(twice.diagnostics.items()[0].message.find("is used twice"), std::string::npos);
  const LoadResult dotted =
      load(two_factions + "campaigns:\n  - name: central mali\n" + good_campaign_keys);
  ASSERT_EQ(dotted.diagnostics.size(), 1u) << all_messages(dotted);
  EXPECT_NE(dotted.diagnostics.items()[0].message.find("plain word"), std::string::npos);
}

// every_days, units and days are at least 1 and at most a sane bound.
TEST(LoadCampaign, CountsOutOfRangeAreErrors) {
  for (const std::string set :
       {"campaigns.central.every_days=0", "campaigns.central.units=0", "campaigns.central.days=0",
        "campaigns.central.days=366", "campaigns.central.every_days=3651"}) {
    const LoadResult r = load(with_campaign(good_campaign_keys), {set});
    EXPECT_FALSE(r.scenario) << set;
    ASSERT_EQ(r.diagnostics.size(), 1u) << set << "\n" << all_messages(r);
    EXPECT_EQ(r.diagnostics.items()[0].key_path, set.substr(0, set.find('='))) << set;
  }
}

}  // namespace pocsim::scenario

// --- variant files (base: + set:) -------------------------------------------

namespace pocsim::scenario {
namespace {

// A folder with a plain base scenario that uses the shipped data files.
class Variant : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(root() / "data" / "outline.geojson",
               test::read_text(data_file("mali_outline.geojson").string()));
    write_file(root() / "data" / "places.yaml",
               test::read_text(data_file("mali_places.yaml").string()));
    write_file(base(), base_text(""));
  }
  static std::string base_text(const std::string& scenario_keys) {
    return "scenario:\n  name: base\n" + scenario_keys +
           "world:\n  outline: ../data/outline.geojson\n  places: ../data/places.yaml\n" +
           two_factions;
  }
  fs::path root() const { return fs::path(tmp_.path()); }
  fs::path base() const { return root() / "s" / "base.yaml"; }
  // A variant in a folder below the base's, as the shipped ones are.
  fs::path variant(const std::string& name, const std::string& text) const {
    const fs::path file = root() / "s" / "v" / name;
    write_file(file, text);
    return file;
  }
  test::TempDir tmp_;
};

Diagnostic only(const LoadResult& r) {
  EXPECT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
  return r.diagnostics.items().at(0);
}

TEST_F(Variant, AppliesItsSetToTheBaseByPositionOrByName) {
  const LoadResult r = load_scenario(
      variant("a.yaml",
              "base: ../base.yaml\nset:\n  scenario.name: a\n  factions.JNIM.units: 7\n"
              "  factions.1.hostile_to: []\n"));
  ASSERT_TRUE(r.scenario) << all_messages(r);
  EXPECT_EQ(r.scenario->scenario.name, "a");
  EXPECT_EQ(r.scenario->factions[1].units, 7);
  EXPECT_TRUE(r.scenario->factions[0].hostile_to.empty());
  // Data paths written in the base resolve against the base's folder.
  EXPECT_EQ(r.scenario->world.places.resolved, (root() / "data" / "places.yaml"));
}

TEST_F(Variant, ChainsApplyInOrderAndTheCommandLineComesLast) {
  variant("a.yaml", "base: ../base.yaml\nset:\n  factions.JNIM.units: 7\n  scenario.seed: 5\n");
  const fs::path b = variant("b.yaml", "base: a.yaml\nset:\n  scenario.seed: 6\n");
  const LoadResult r = load_scenario(b, {*Override::parse("scenario.seed=9")});
  ASSERT_TRUE(r.scenario) << all_messages(r);
  EXPECT_EQ(r.scenario->factions[1].units, 7);
  EXPECT_EQ(r.scenario->scenario.seed, 9u);
  EXPECT_EQ(load_scenario(b).scenario->scenario.seed, 6u);
}

TEST_F(Variant, ErrorsInTheSetPointAtTheVariantLine) {
  const fs::path file = variant("a.yaml",
                                "base: ../base.yaml\n"
                                "set:\n"
                                "  factions.JNIM.units: many\n"
                                "  civilians.flee_rsk: 0.3\n"
                                "  factions.ISIS.units: 3\n"
                                "  factions.FAMa.hostile_to: [Nobody]\n");
  const LoadResult r = load_scenario(file);
  EXPECT_FALSE(r.scenario);
  ASSERT_EQ(r.diagnostics.size(), 4u) << all_messages(r);
  const auto& d = r.diagnostics.items();
  for (const Diagnostic& e : d) EXPECT_EQ(e.where.file, file.string()) << e.to_string();
  EXPECT_EQ(d[0].key_path, "factions.JNIM.units");
  EXPECT_EQ(d[0].where.line, 3);
  EXPECT_EQ(d[0].where.column, 24);  // the value
  EXPECT_EQ(d[1].key_path, "civilians.flee_rsk");
  EXPECT_EQ(d[1].where.line, 4);
  EXPECT_EQ(d[1].where.column, 3);  // the key
  EXPECT_NE(d[1].message.find("did you mean 'flee_risk'?"), std::string::npos) << d[1].message;
  EXPECT_EQ(d[2].key_path, "factions.ISIS");
  EXPECT_EQ(d[2].where.line, 5);
  EXPECT_EQ(d[3].key_path, "factions.FAMa.hostile_to.1");
  EXPECT_EQ(d[3].where.line, 6);
  EXPECT_EQ(d[3].where.column, 30);  // the element of the list as written in the variant
}

TEST_F(Variant, ErrorsInTheBasePointAtTheBase) {
  write_file(base(), base_text("  seed: -1\n"));
  const LoadResult r = load_scenario(variant("a.yaml", "base: ../base.yaml\n"));
  const Diagnostic d = only(r);
  EXPECT_EQ(d.where.file, base().lexically_normal().string());
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.key_path, "scenario.seed");
}

TEST_F(Variant, AValueTheVariantReplacesIsNotReportedInTheBase) {
  write_file(base(), base_text("  seed: -1\n"));
  const LoadResult r =
      load_scenario(variant("a.yaml", "base: ../base.yaml\nset:\n  scenario.seed: 4\n"));
  ASSERT_TRUE(r.scenario) << all_messages(r);
  EXPECT_EQ(r.scenario->scenario.seed, 4u);
}

TEST_F(Variant, BadVariantFilesAreClearErrors) {
  struct Case {
    std::string text;
    int line;
    std::string key_path, message;
  };
  const std::vector<Case> cases = {
      {"base: missing.yaml\n", 1, "base", "base file 'missing.yaml' not found"},
      {"set:\n  scenario.seed: 3\n", 1, "base", "missing required key 'base'"},
      {"base: ../base.yaml\nset: [scenario.seed]\n", 2, "set",
       "expected a mapping of keys, got a list"},
      {"base: ../base.yaml\nsets:\n  scenario.seed: 3\n", 2, "sets",
       "unknown key 'sets'; did you mean 'set'?"},
      {"base: ../base.yaml\nset:\n  scenario.seed: 3\n  scenario.seed: 4\n", 4, "set.scenario.seed",
       "duplicate key"},
      {"base: ../base.yaml\nset:\n  scenario..seed: 3\n", 3, "scenario..seed", "empty segment"},
      {"base: [../base.yaml]\n", 1, "base", "expected the path of a scenario file"},
  };
  for (const Case& c : cases) {
    const fs::path file = variant("bad.yaml", c.text);
    const LoadResult r = load_scenario(file);
    EXPECT_FALSE(r.scenario) << c.text;
    ASSERT_EQ(r.diagnostics.size(), 1u) << c.text << all_messages(r);
    const Diagnostic& d = r.diagnostics.items()[0];
    EXPECT_EQ(d.where.file, file.string()) << c.text;
    EXPECT_EQ(d.where.line, c.line) << c.text;
    EXPECT_EQ(d.key_path, c.key_path) << c.text;
    EXPECT_NE(d.message.find(c.message), std::string::npos) << c.text << ": " << d.message;
  }
}

TEST_F(Variant, ACycleOfBasesIsReported) {
  const fs::path a = variant("a.yaml", "base: b.yaml\n");
  const fs::path b = variant("b.yaml", "base: a.yaml\n");
  const Diagnostic d = only(load_scenario(a));
  EXPECT_EQ(d.where.file, b.lexically_normal().string());
  EXPECT_EQ(d.key_path, "base");
  EXPECT_NE(d.message.find("cycle: a.yaml -> b.yaml -> a.yaml"), std::string::npos) << d.message;
  // A file that is its own base, too.
  EXPECT_NE(only(load_scenario(variant("c.yaml", "base: c.yaml\n"))).message.find("cycle"),
            std::string::npos);
}

// A relative path that is not found says which folder it was relative to:
// the folder of the file that wrote it, the variant's for a path it sets.
TEST_F(Variant, MissingRelativePathsSayWhatTheyWereRelativeTo) {
  const fs::path folder = root() / "s" / "v";
  const fs::path file =
      variant("a.yaml", "base: ../base.yaml\nset:\n  world.places: nowhere.yaml\n");
  const Diagnostic d = only(load_scenario(file));
  EXPECT_EQ(d.key_path, "world.places");
  EXPECT_NE(d.message.find("(relative to the folder of " + file.string() + ": " +
                           fs::absolute(folder).lexically_normal().string() + ")"),
            std::string::npos)
      << d.message;
  write_file(base(),
             "scenario:\n  name: base\nworld:\n  outline: ../data/none.geojson\n"
             "  places: ../data/places.yaml\n");
  const Diagnostic in_base = only(load_scenario(variant("b.yaml", "base: ../base.yaml\n")));
  EXPECT_EQ(in_base.key_path, "world.outline");
  EXPECT_NE(
      in_base.message.find("(relative to the folder of " + base().lexically_normal().string() +
                           ": " + fs::absolute(root() / "s").lexically_normal().string() + ")"),
      std::string::npos)
      << in_base.message;
  // An absolute path is not relative to anything.
  const Diagnostic absolute =
      only(load_scenario(variant("c.yaml", "base: ../base.yaml\nset:\n  world.outline: " +
                                               (root() / "none.geojson").string() + "\n")));
  EXPECT_EQ(absolute.message.find("relative to"), std::string::npos) << absolute.message;
}

TEST_F(Variant, DataPathsItSetsResolveAgainstItsOwnFolder) {
  write_file(root() / "s" / "v" / "places.yaml",
             test::read_text(data_file("mali_places.yaml").string()));
  const LoadResult r =
      load_scenario(variant("a.yaml", "base: ../base.yaml\nset:\n  world.places: places.yaml\n"));
  ASSERT_TRUE(r.scenario) << all_messages(r);
  EXPECT_EQ(r.scenario->world.places.resolved, (root() / "s" / "v" / "places.yaml"));
  EXPECT_EQ(r.scenario->world.outline.resolved, (root() / "data" / "outline.geojson"));
}

TEST_F(Variant, PrintsAsThePlainScenarioItResolvesTo) {
  const LoadResult v = load_scenario(variant(
      "a.yaml", "base: ../base.yaml\nset:\n  factions.JNIM.units: 7\n  scenario.seed: 5\n"));
  const LoadResult plain = load_scenario(
      base(), {*Override::parse("factions.JNIM.units=7"), *Override::parse("scenario.seed=5")});
  ASSERT_TRUE(v.scenario && plain.scenario) << all_messages(v) << all_messages(plain);
  const std::string printed = to_yaml(*v.scenario);
  EXPECT_EQ(printed, to_yaml(*plain.scenario));
  // No top-level `base:` or `set:` (units_per_base: is a faction's key).
  EXPECT_EQ(("\n" + printed).find("\nbase:"), std::string::npos);
  EXPECT_EQ(("\n" + printed).find("\nset:"), std::string::npos);
}

}  // namespace
}  // namespace pocsim::scenario

// --- the shipped scenario files ------------------------------------------------

namespace pocsim::scenario {
namespace {

// Every scenario file of the Mali model under scenarios/ (not the data,
// targets, sweep or calibration files, nor the classic models, which have their own schema
// and tests in tests/classic).
std::vector<fs::path> shipped_scenarios() {
  std::vector<fs::path> files;
  const fs::path root = test::source_path("scenarios");
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string relative = fs::relative(entry.path(), root).generic_string();
    if (entry.is_regular_file() && entry.path().extension() == ".yaml" &&
        !relative.starts_with("data/") && relative.find("targets") == std::string::npos &&
        relative.find("sweep") == std::string::npos &&
        relative.find("calibration") == std::string::npos && !relative.starts_with("classic/"))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ShippedScenarios, EveryOneValidates) {
  const std::vector<fs::path> files = shipped_scenarios();
  EXPECT_GE(files.size(), 15u);
  std::vector<std::string> names;
  for (const fs::path& file : files) {
    const LoadResult r = load_scenario(file);
    ASSERT_TRUE(r.scenario) << file << "\n" << all_messages(r);
    // Outputs and targets' applies_to tell scenarios apart by name.
    EXPECT_EQ(std::count(names.begin(), names.end(), r.scenario->scenario.name), 0)
        << file << " reuses the name " << r.scenario->scenario.name;
    names.push_back(r.scenario->scenario.name);
  }
}

// Key path -> value of a scenario as printed, list elements by their name.
void flatten(const YAML::Node& node, const std::string& path,
             std::map<std::string, std::string>& out) {
  const auto join_key = [&](const std::string& key) {
    return path.empty() ? key : path + "." + key;
  };
  if (node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it)
      flatten(it->second, join_key(it->first.Scalar()), out);
  } else if (node.IsSequence() && node.size() > 0 && node[0].IsMap() && node[0]["name"]) {
    for (const YAML::Node& item : node) flatten(item, join_key(item["name"].Scalar()), out);
  } else {
    out[path] = YAML::Dump(node);
  }
}

std::map<std::string, std::string> flat(const std::string& shipped) {
  const LoadResult r = load_scenario(test::source_path("scenarios/" + shipped));
  EXPECT_TRUE(r.scenario) << shipped << "\n" << all_messages(r);
  std::map<std::string, std::string> out;
  if (r.scenario) flatten(YAML::Load(to_yaml(*r.scenario, {.comments = false})), "", out);
  return out;
}

// A variant changes the baseline in the keys its header says, and no other.
TEST(ShippedScenarios, VariantsDifferFromTheBaselineInTheirOwnKeysOnly) {
  const std::map<std::string, std::vector<std::string>> claims = {
      {"flights/none.yaml", {"flights.authorisation_required"}},
      {"flights/6h.yaml",
       {"flights.delay_hours", "flights.refusal_near_operations", "flights.refusal_probability"}},
      // the baseline's delay, without its refusals
      {"flights/24h.yaml", {"flights.refusal_near_operations", "flights.refusal_probability"}},
      {"flights/72h.yaml",
       {"flights.delay_hours", "flights.refusal_near_operations", "flights.refusal_probability"}},
      {"flights/one_week.yaml",
       {"flights.delay_hours", "flights.refusal_near_operations", "flights.refusal_probability"}},
      {"flights/refusals.yaml", {"flights.delay_hours"}},
      {"flights/72h_with_refusals.yaml", {"flights.delay_hours"}},
      {"flights/refusals_dominate.yaml",
       {"flights.refusal_near_operations", "flights.refusal_probability"}},
      {"withdrawals/none.yaml",
       {"factions.Barkhane.withdrawal_date", "factions.Takuba.withdrawal_date",
        "factions.UK LRRG.withdrawal_date"}},
      {"withdrawals/barkhane.yaml",
       {"factions.Takuba.withdrawal_date", "factions.UK LRRG.withdrawal_date"}},
      {"withdrawals/barkhane_takuba.yaml", {"factions.UK LRRG.withdrawal_date"}},
      {"withdrawals/all.yaml",
       {"factions.Germany.withdrawal_date", "factions.Sweden.withdrawal_date"}},
  };
  const auto baseline = flat("mali_2022/baseline.yaml");
  ASSERT_FALSE(baseline.empty());
  for (const auto& [file, keys] : claims) {
    const auto variant = flat("mali_2022/" + file);
    ASSERT_EQ(variant.size(), baseline.size()) << file;
    std::vector<std::string> differing;
    for (const auto& [key, value] : variant)
      if (baseline.at(key) != value && key != "scenario.name" && key != "scenario.description")
        differing.push_back(key);
    EXPECT_EQ(differing, keys) << file;
    EXPECT_NE(variant.at("scenario.name"), baseline.at("scenario.name")) << file;
  }
}

// The 2021 scenario (scenarios/mali_2021/baseline.yaml) is an out-of-sample
// check of the 2022 calibration: it changes the conditions of the year (dates,
// who is present where, the flight policy, helicopters, the population and the
// displaced at the start) and no behavioural parameter.
TEST(ShippedScenarios, TheTwentyTwentyOneScenarioChangesOnlyConditions) {
  const std::vector<std::string> conditions = {"civilians.initially_displaced",
                                               "civilians.population",
                                               "factions.Barkhane.area",
                                               "factions.Barkhane.bases",
                                               "factions.Barkhane.isr_regions",
                                               "factions.Takuba.units",
                                               "flights.authorisation_required",
                                               "flights.groundings",
                                               "response.helicopters",
                                               "scenario.seed",
                                               "scenario.start_date",
                                               "seasons.delta_flood.from",
                                               "seasons.delta_flood.to",
                                               "seasons.rainy_season.from",
                                               "seasons.rainy_season.to"};
  const auto baseline = flat("mali_2022/baseline.yaml");
  const auto year = flat("mali_2021/baseline.yaml");
  ASSERT_FALSE(baseline.empty());
  ASSERT_EQ(year.size(), baseline.size());
  std::vector<std::string> differing;
  for (const auto& [key, value] : year)
    if (baseline.at(key) != value && key != "scenario.name" && key != "scenario.description")
      differing.push_back(key);
  EXPECT_EQ(differing, conditions);
  EXPECT_NE(year.at("scenario.name"), baseline.at("scenario.name"));
}

}  // namespace
}  // namespace pocsim::scenario

namespace pocsim::scenario {
namespace {

// --- bases by strength and by date (issue 22) ------------------------------------

std::string messages_at(const LoadResult& r, const std::string& path) {
  std::string text;
  for (const Diagnostic& d : r.diagnostics.items())
    if (d.key_path == path) text += d.message + "\n";
  return text;
}

TEST(LoadBases, TemporaryBasesNeedUnitsPerBase) {
  const LoadResult r = load(two_factions, {"factions.FAMa.temporary_bases=[Sévaré]"});
  EXPECT_FALSE(r.scenario);
  EXPECT_NE(messages_at(r, "factions.FAMa.temporary_bases").find("set units_per_base"),
            std::string::npos)
      << all_messages(r);
  const LoadResult ok = load(
      two_factions, {"factions.FAMa.temporary_bases=[Sévaré]", "factions.FAMa.units_per_base=2"});
  EXPECT_TRUE(ok.scenario) << all_messages(ok);
}

TEST(LoadBases, ATemporaryBaseIsNotAlsoABase) {
  const LoadResult r = load(two_factions, {"factions.FAMa.temporary_bases=[Sévaré, Mopti]",
                                           "factions.FAMa.units_per_base=2"});
  EXPECT_NE(messages_at(r, "factions.FAMa.temporary_bases.2").find("already one of"),
            std::string::npos)
      << all_messages(r);
}

TEST(LoadBases, DatedBasesAreTheFactionsAndCloseAfterTheyOpen) {
  const LoadResult r = load(
      two_factions, {"factions.FAMa.base_dates=[{town: Gao, closes: 2022-05-01}, {town: Mopti, "
                     "opens: 2022-05-01, closes: 2022-04-01, handed_to: JNMI}, {town: Mopti, "
                     "handed_to: FAMa}]"});
  EXPECT_FALSE(r.scenario);
  EXPECT_NE(messages_at(r, "factions.FAMa.base_dates.1.town").find("not one of the faction's"),
            std::string::npos)
      << all_messages(r);
  EXPECT_NE(messages_at(r, "factions.FAMa.base_dates.2.closes").find("closes after it opens"),
            std::string::npos)
      << all_messages(r);
  EXPECT_NE(messages_at(r, "factions.FAMa.base_dates.2.handed_to").find("did you mean 'JNIM'"),
            std::string::npos)
      << all_messages(r);
  EXPECT_NE(messages_at(r, "factions.FAMa.base_dates.3.handed_to").find("to itself"),
            std::string::npos)
      << all_messages(r);
}

}  // namespace
}  // namespace pocsim::scenario
