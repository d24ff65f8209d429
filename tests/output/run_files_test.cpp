// SPDX-License-Identifier: Apache-2.0
// The breakdowns of summary.json and the daily columns of timeseries.csv
// must add up to the whole-run totals.
#include "pocsim/output/run_files.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pocsim/core/version.hpp"
#include "pocsim/output/outcome_list.hpp"
#include "pocsim/simulation.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

using Json = nlohmann::json;

struct Outputs {
  Json summary;
  std::vector<std::map<std::string, std::string>> rows;  // timeseries.csv by column name
  std::string resolved;                                  // scenario.resolved.yaml
  Outcomes outcomes;
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string f; std::getline(in, f, ',');) fields.push_back(f);
  return fields;
}

// The flight-delay teaching scenario with refusals, fighting and peacekeepers
// on the roads, so every column has something to count.
const Outputs& outputs() {
  static const Outputs out = [] {
    const scenario::Scenario s = test::load_shipped(
        "teaching/flight_delay.yaml",
        {"flights.refusal_probability=0.3", "flights.delay_law=exponential",
         "response.ground_range_km=300", "factions.JNIM.hostile_to=[MINUSMA]",
         "combat.engage_probability=0.2", "ied.per_km=0.0005", "investigations.share=1"});
    Simulation sim(s);
    sim.run();
    Outputs o;
    o.outcomes = collect_outcomes(sim.result());
    o.summary = Json::parse(summary_json(o.outcomes));
    o.resolved = resolved_scenario_yaml(o.outcomes);
    std::istringstream csv(timeseries_csv(o.outcomes));
    std::string line;
    std::getline(csv, line);
    const std::vector<std::string> header = split(line);
    while (std::getline(csv, line)) {
      const std::vector<std::string> fields = split(line);
      std::map<std::string, std::string> row;
      for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i)
        row[header[i]] = fields[i];
      o.rows.push_back(row);
    }
    return o;
  }();
  return out;
}

double column_sum(const std::string& column) {
  double sum = 0.0;
  for (const auto& row : outputs().rows) sum += std::stod(row.at(column));
  return sum;
}

const char* const counted[] = {"incidents",     "civilian_deaths",   "reachable_incidents",
                               "detected",      "declined",          "reached",
                               "never_reached", "stopped_by_arrival"};

}  // namespace

TEST(ProtectionBreakdowns, RegionsAndPerpetratorKindsAddUpToTheTotals) {
  const Json& p = outputs().summary["protection"];
  ASSERT_GT(p["incidents"].get<int>(), 20);
  ASSERT_GT(p["flights"]["refused"].get<int>(), 0);
  ASSERT_GT(p["investigations"]["done"].get<int>(), 0);
  ASSERT_GT(p["investigations"]["blocked"].get<int>(), 0);
  for (const char* split : {"by_region", "by_perpetrator_kind"}) {
    auto sum = [&](auto&& get) {
      std::int64_t s = 0;
      for (const auto& [name, part] : p[split].items()) s += get(part);
      return s;
    };
    for (const char* key : counted)
      EXPECT_EQ(sum([&](const Json& part) { return part[key].get<std::int64_t>(); }),
                p[key].get<std::int64_t>())
          << split << "." << key;
    for (const char* key : {"requested", "authorised", "refused"})
      EXPECT_EQ(sum([&](const Json& part) { return part["flights"][key].get<std::int64_t>(); }),
                p["flights"][key].get<std::int64_t>())
          << split << ".flights." << key;
    for (const char* key : {"done", "blocked", "pending"})
      EXPECT_EQ(
          sum([&](const Json& part) { return part["investigations"][key].get<std::int64_t>(); }),
          p["investigations"][key].get<std::int64_t>())
          << split << ".investigations." << key;
    for (const char* key : {"air", "ground"})
      EXPECT_EQ(
          sum([&](const Json& part) { return part["responses_by_mode"][key].get<std::int64_t>(); }),
          p["responses_by_mode"][key].get<std::int64_t>())
          << split << ".responses_by_mode." << key;
  }
  // Only the jihadists abuse here, and violence deaths are the incidents' deaths.
  EXPECT_EQ(p["by_perpetrator_kind"]["jihadist"]["incidents"], p["incidents"]);
  EXPECT_EQ(p["civilian_deaths"].get<std::int64_t>(),
            outputs().summary["civilian_deaths"]["total"].get<std::int64_t>() -
                outputs()
                    .summary["civilian_deaths"]["by_perpetrator_kind"]["crossfire"]
                    .get<std::int64_t>());
}

TEST(ProtectionTimeSeries, DailyColumnsAddUpToTheWholeRun) {
  const Json& s = outputs().summary;
  const Json& p = s["protection"];
  EXPECT_EQ(column_sum("incidents"), p["incidents"].get<double>());
  EXPECT_EQ(column_sum("detected"), p["detected"].get<double>());
  EXPECT_EQ(column_sum("reached"), p["reached"].get<double>());
  EXPECT_NEAR(column_sum("reached_within_24h"),
              p["share_reached_within_24h"].get<double>() * p["incidents"].get<double>(), 1e-6);
  EXPECT_NEAR(column_sum("detection_hours"),
              p["detection_hours"]["mean"].get<double>() * p["detected"].get<double>(), 1e-3);
  EXPECT_EQ(column_sum("flights_requested"), p["flights"]["requested"].get<double>());
  EXPECT_EQ(column_sum("flights_refused"), p["flights"]["refused"].get<double>());
  EXPECT_EQ(column_sum("investigations_done"), p["investigations"]["done"].get<double>());
  EXPECT_EQ(column_sum("investigations_blocked"), p["investigations"]["blocked"].get<double>());
  EXPECT_EQ(column_sum("medevac_requested"), s["medevac"]["requested"].get<double>());
  EXPECT_EQ(column_sum("medevac_wounded"), s["medevac"]["wounded"].get<double>());
  EXPECT_EQ(column_sum("died_of_wounds"), s["medevac"]["died_of_wounds"].get<double>());
}

TEST(ControlOfTerritory, SharesAreConsistentAndEndOfRunMatchesTheLastDay) {
  const Json& control = outputs().summary["control"];
  const auto& rows = outputs().rows;
  const std::string last_date = rows.back().at("date");
  int regions_seen = 0;
  double held_anywhere = 0.0;
  for (const auto& row : rows) {
    for (std::string_view kind : scenario::faction_kind_names) {
      const std::string k(kind);
      const double held = std::stod(row.at("held_" + k)),
                   contested = std::stod(row.at("contested_" + k));
      EXPECT_GE(held, 0.0);
      EXPECT_LE(held + contested, 1.0 + 1e-9) << row.at("date") << " " << row.at("region") << k;
      held_anywhere += held;
      if (row.at("date") == last_date) {
        EXPECT_NEAR(control["by_region"][row.at("region")]["held"][k].get<double>(), held, 5e-5)
            << row.at("region") << " " << k;
      }
    }
    regions_seen += row.at("date") == last_date ? 1 : 0;
  }
  EXPECT_EQ(regions_seen, static_cast<int>(control["by_region"].size()));
  EXPECT_GT(held_anywhere, 0.0);
  // The jihadists hold in Mopti, where they roam, and nowhere without a unit of theirs.
  EXPECT_GT(control["by_region"]["Mopti"]["held"]["jihadist"].get<double>() +
                control["by_region"]["Mopti"]["contested"]["jihadist"].get<double>(),
            0.0);
  EXPECT_EQ(control["by_region"]["Kayes"]["held"]["jihadist"].get<double>(), 0.0);
  EXPECT_NEAR(control["held_by_faction"]["JNIM"].get<double>(),
              control["national"]["held"]["jihadist"].get<double>(), 1e-12);
}

// Every summary.json names what produced it, in strings only: the numbers of
// the outcomes (the outcome columns of a sweep) take numbers and booleans, and
// must not gain a column for the version.
TEST(Provenance, SummaryNamesTheVersionAndTheCommitInStrings) {
  const Json& p = outputs().summary.at("pocsim");
  EXPECT_EQ(p.at("version"), engine_version());
  EXPECT_EQ(p.at("commit"), build_info().commit);
  EXPECT_EQ(p.at("tree"), build_info().tree);
  EXPECT_EQ(p.at("build"), build_description());
  for (const auto& [key, value] : p.items()) EXPECT_TRUE(value.is_string()) << key;
  EXPECT_FALSE(outputs().summary.contains("pocsim_version"));
  for (const auto& [name, value] : outputs().outcomes.numbers())
    EXPECT_NE(name.rfind("pocsim", 0), 0u) << name;
}

TEST(Provenance, VersionIsProjectsAndTheCommitIsAHashOrUnknown) {
  const BuildInfo& b = build_info();
  EXPECT_EQ(std::string(b.version), POCSIM_PROJECT_VERSION);
  const std::string commit = b.commit;
  if (commit == "unknown commit") {
    EXPECT_STREQ(b.tree, "unknown");
  } else {
    EXPECT_EQ(commit.size(), 40u) << commit;
    EXPECT_EQ(commit.find_first_not_of("0123456789abcdef"), std::string::npos) << commit;
    EXPECT_TRUE(std::string(b.tree) == "clean" || std::string(b.tree) == "modified") << b.tree;
  }
  EXPECT_EQ(version_text().rfind(std::string("pocsim ") + b.version + "\ncommit " + commit, 0), 0u)
      << version_text();
  EXPECT_EQ(outputs().resolved.rfind(
                std::string("# Resolved by pocsim ") + b.version + ", commit " + commit, 0),
            0u);
}

}  // namespace pocsim
