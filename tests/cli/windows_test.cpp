// SPDX-License-Identifier: Apache-2.0
// Answers over a time window: a sweep of the 2022 baseline with a window
// after Barkhane's departure (15 August) and its complement, and two
// withdrawal variants, writes every run's outcomes per window and their
// paired differences; in every run the two windows add up to the whole run.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pocsim/output/csv.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::test {
namespace {

std::vector<std::string> lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST(Windows, ASweepReportsEachWindowAndTheyAddUpToTheRun) {
  TempDir dir;
  std::ofstream(dir.file("after_barkhane.yaml"))
      << "sweep:\n  name: after_barkhane\n  scenario: "
      << source_path("scenarios/mali_2022/baseline.yaml")
      << "\n  replications: 3\n  reference: {withdrawal: none}\n"
         "windows:\n  before: [2022-01-01, 2022-08-14]\n  after: [2022-08-15, 2022-12-31]\n"
         "axes:\n  - name: withdrawal\n    variants:\n"
         "      - {name: none, set: {factions.Barkhane.withdrawal_date: null}}\n"
         "      - {name: historical, set: {}}\n";
  const ProcessResult r =
      run_pocsim({"sweep", dir.file("after_barkhane.yaml"), "--out", dir.file("out"), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  const std::vector<std::string> runs = lines(dir.file("out") + "/runs.csv");
  ASSERT_EQ(runs.size(), 7u);  // header and 6 runs
  const std::vector<std::string> header = csv_fields(runs[0]);
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"civilian_deaths.total", "civilian_deaths.total"},
      {"civilian_deaths.by_region.Ménaka", "civilian_deaths.by_region.Ménaka"},
      {"civilian_deaths.by_perpetrator_kind.jihadist",
       "civilian_deaths.by_perpetrator_kind.jihadist"},
      {"civilian_deaths.by_faction.Wagner", "civilian_deaths.by_faction.Wagner"},
      {"combatant_deaths", "combatant_deaths.total"},
      {"peacekeeper_ied_deaths", "peacekeeper_deaths.ied"},
      {"incidents.violence_against_civilians", "incidents.violence_against_civilians"},
      {"incidents.battles", "incidents.battles"},
      {"protection.incidents", "protection.incidents"},
      {"protection.flights.requested", "protection.flights.requested"},
  };
  for (std::size_t row = 1; row < runs.size(); ++row) {
    const std::vector<std::string> fields = csv_fields(runs[row]);
    auto value = [&](const std::string& name) {
      EXPECT_TRUE(column.count(name)) << name;
      return column.count(name) ? std::stod(fields[column[name]]) : NAN;
    };
    for (const auto& [window, whole] : pairs) {
      EXPECT_EQ(value("windows.before." + window) + value("windows.after." + window), value(whole))
          << window << " in run " << row;
      // The built-in quarters partition the year as well.
      double quarters = 0.0;
      for (const char* q : {"2022_q1", "2022_q2", "2022_q3", "2022_q4"})
        quarters += value("windows." + std::string(q) + "." + window);
      EXPECT_EQ(quarters, value(whole)) << window << " over the quarters in run " << row;
    }
    EXPECT_EQ(value("windows.2022_q3.days"), 92.0);
    EXPECT_EQ(value("windows.2022_q1.displaced_start"), value("population.displaced_start"));
    EXPECT_EQ(value("windows.2022_q4.displaced_end"), value("population.displaced_end"));
    EXPECT_EQ(value("windows.after.days"), 139.0);
  }
  // The paired differences of the window's outcomes.
  const std::string differences = read_text(dir.file("out") + "/differences.csv");
  EXPECT_NE(differences.find(",windows.after.civilian_deaths.by_region.Ménaka,"),
            std::string::npos);
}

TEST(Windows, RunTakesWindowsAndRefusesBadOnes) {
  TempDir dir;
  ProcessResult r =
      run_pocsim({"run", source_path("scenarios/teaching/partner_operations.yaml"), "--out",
                  dir.file("run"), "--quiet", "--window", "april=2022-04-01:2022-04-30"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_text(dir.file("run") + "/summary.json").find("\"april\""), std::string::npos);
  r = run_pocsim({"run", source_path("scenarios/teaching/partner_operations.yaml"), "--out",
                  dir.file("bad"), "--quiet", "--window", "later=2023-04-01:2023-04-30"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("lies outside the run"), std::string::npos) << r.err;
  r = run_pocsim({"run", source_path("scenarios/teaching/partner_operations.yaml"), "--out",
                  dir.file("bad2"), "--quiet", "--window", "2022-04-01"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("NAME=FIRST_DAY:LAST_DAY"), std::string::npos) << r.err;
  r = run_pocsim({"run", source_path("scenarios/teaching/partner_operations.yaml"), "--out",
                  dir.file("bad3"), "--quiet", "--window", "2022_q2=2022-04-01:2022-04-30"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("names a built-in quarter window"), std::string::npos) << r.err;
}

TEST(Windows, QuartersClipToTheRunAndCanBeTurnedOff) {
  // The 90-day teaching run from 1 March to 29 May lies in two quarters: its
  // windows are clipped to the run, and their days add up to its days.
  TempDir dir;
  ProcessResult r = run_pocsim({"run", source_path("scenarios/teaching/partner_operations.yaml"),
                                "--out", dir.file("run"), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto summary = nlohmann::json::parse(read_text(dir.file("run") + "/summary.json"));
  const auto& windows = summary.at("windows");
  ASSERT_EQ(windows.size(), 2u) << windows.dump();
  EXPECT_EQ(windows.at("2022_q1").at("from"), "2022-03-01");
  EXPECT_EQ(windows.at("2022_q1").at("to"), "2022-03-31");
  EXPECT_EQ(windows.at("2022_q2").at("from"), "2022-04-01");
  EXPECT_EQ(windows.at("2022_q2").at("to"), "2022-05-29");
  EXPECT_EQ(
      windows.at("2022_q1").at("days").get<int>() + windows.at("2022_q2").at("days").get<int>(),
      summary.at("days").get<int>());
  EXPECT_EQ(windows.at("2022_q1").at("civilian_deaths").at("total").get<int>() +
                windows.at("2022_q2").at("civilian_deaths").at("total").get<int>(),
            summary.at("civilian_deaths").at("total").get<int>());
  r = run_pocsim({"run", source_path("scenarios/teaching/partner_operations.yaml"), "--out",
                  dir.file("off"), "--quiet", "--set", "outputs.quarters=false"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(
      nlohmann::json::parse(read_text(dir.file("off") + "/summary.json")).contains("windows"));
}

}  // namespace pocsim::test
