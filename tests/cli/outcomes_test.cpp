// SPDX-License-Identifier: Apache-2.0
// The list of outcomes is the one place an outcome is declared: an outcome of
// the list (partners.enemies_killed, added by issue 11) reaches a run's
// summary.json, a sweep's runs.csv, summary.csv and differences.csv, and the
// names a targets file may use; `pocsim show --outcomes` prints the list, and
// docs/outputs.md holds it.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "pocsim/output/outcome_list.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::test {
namespace {

const std::string outcome = "partners.enemies_killed";

bool listed(const std::string& name) {
  const auto& list = outcome_list();
  return std::any_of(list.begin(), list.end(),
                     [&](const OutcomeInfo& o) { return o.name == name; });
}

std::string first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

bool has_field(const std::string& csv_line, const std::string& field) {
  return ("," + csv_line + ",").find("," + field + ",") != std::string::npos;
}

// Two variants of twenty days of the partners' teaching scenario, two seeds
// each.
std::string sweep_text() {
  return "sweep:\n  name: outcomes\n  scenario: " +
         source_path("scenarios/teaching/partner_operations.yaml") +
         "\n  replications: 2\n  reference: {hunts: on}\n"
         "set:\n  scenario.duration_days: 20\n"
         "axes:\n  - name: hunts\n    variants:\n"
         "      - {name: on, set: {}}\n"
         "      - {name: off, set: {factions.Barkhane.hunt_radius_km: 0}}\n";
}

std::string targets_text(const std::string& name) {
  return "targets:\n  - name: t\n    source: test\n    band: [0, 100000]\n    metric: {summary: " +
         name + "}\n";
}

}  // namespace

TEST(OutcomeList, AnOutcomeOfTheListReachesEveryTableAndTheTargets) {
  ASSERT_TRUE(listed(outcome));
  TempDir dir;
  const std::string run = dir.file("run");
  ProcessResult r = run_pocsim({"run", source_path("scenarios/teaching/partner_operations.yaml"),
                                "--out", run, "--set", "scenario.duration_days=20", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_text(run + "/summary.json").find("\"enemies_killed\""), std::string::npos);

  std::ofstream(dir.file("sweep.yaml")) << sweep_text();
  const std::string sweep = dir.file("sweep");
  r = run_pocsim({"sweep", dir.file("sweep.yaml"), "--out", sweep, "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has_field(first_line(sweep + "/runs.csv"), outcome));
  EXPECT_NE(read_text(sweep + "/summary.csv").find("," + outcome + ","), std::string::npos);
  EXPECT_NE(read_text(sweep + "/differences.csv").find("," + outcome + ","), std::string::npos);

  // A targets file may name it, and not a name that is not on the list.
  std::ofstream(dir.file("good.yaml")) << targets_text(outcome);
  std::ofstream(dir.file("bad.yaml")) << targets_text("partners.enemies_kiled");
  const std::vector<std::string> check = {
      "check",          source_path("scenarios/teaching/partner_operations.yaml"),
      "--replications", "2",
      "--set",          "scenario.duration_days=20",
      "--quiet",        "--targets"};
  auto with = [&](const std::string& file) {
    std::vector<std::string> args = check;
    args.push_back(file);
    return args;
  };
  r = run_pocsim(with(dir.file("good.yaml")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run_pocsim(with(dir.file("bad.yaml")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean '" + outcome + "'?"), std::string::npos) << r.err;
}

TEST(OutcomeList, ShowOutcomesPrintsTheListAndDocsOutputsHoldsIt) {
  const ProcessResult r = run_pocsim({"show", "--outcomes"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, outcome_list_markdown());
  EXPECT_NE(r.out.find("`" + outcome + "`"), std::string::npos);
  EXPECT_NE(read_text(source_path("docs/outputs.md")).find(r.out), std::string::npos)
      << "regenerate the table in docs/outputs.md with `pocsim show --outcomes`";
}

// Every declared outcome is written: each daily one as a column of
// timeseries.csv, each summary one under its last key in summary.json.
TEST(OutcomeList, EveryDeclaredOutcomeIsWritten) {
  TempDir dir;
  const ProcessResult r =
      run_pocsim({"run", source_path("scenarios/teaching/partner_operations.yaml"), "--out",
                  dir.file("run"), "--set", "scenario.duration_days=5", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string summary = read_text(dir.file("run") + "/summary.json");
  // Each declared name with its placeholders gone is a family; each family's
  // last key is in the file.
  for (const OutcomeInfo& o : outcome_list()) {
    if (o.daily) {
      EXPECT_TRUE(has_field(first_line(dir.file("run") + "/timeseries.csv"), o.name)) << o.name;
      continue;
    }
    const std::string last = o.name.substr(o.name.rfind('.') + 1);
    // Operations, windows and campaigns are written only where the scenario
    // has some (campaigns: tests/systems/campaigns_test.cpp).
    if (last.front() == '<' || o.name.starts_with("operations.") ||
        o.name.starts_with("windows.") || o.name.starts_with("campaigns."))
      continue;
    EXPECT_NE(summary.find("\"" + last + "\""), std::string::npos) << o.name;
  }
}

}  // namespace pocsim::test
