// SPDX-License-Identifier: Apache-2.0
#include "pocsim/classic/epstein_scenario.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/diagnostic_line.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::classic {
namespace {

const std::string shipped = "scenarios/classic/epstein_civil_violence.yaml";

std::vector<scenario::Override> sets(const std::vector<std::string>& texts) {
  std::vector<scenario::Override> out;
  for (const std::string& t : texts) out.push_back(*scenario::Override::parse(t));
  return out;
}

// The one diagnostic of a load that must fail.
Diagnostic only_error(const std::string& text, const std::vector<std::string>& overrides = {}) {
  const EpsteinLoadResult r = load_epstein_scenario_text(text, "e.yaml", sets(overrides));
  EXPECT_FALSE(r.scenario.has_value());
  EXPECT_EQ(r.diagnostics.size(), 1u);
  return r.diagnostics.empty() ? Diagnostic{} : r.diagnostics.items()[0];
}

TEST(EpsteinScenario, ShippedFileHasMesasModelDefaults) {
  const EpsteinLoadResult r = load_epstein_scenario(test::source_path(shipped));
  ASSERT_TRUE(r.scenario) << r.diagnostics.items()[0].to_string();
  const EpsteinScenario& s = *r.scenario;
  EXPECT_EQ(s.grid.width, 40);
  EXPECT_EQ(s.grid.height, 40);
  EXPECT_EQ(s.citizens.density, 0.7);
  EXPECT_EQ(s.cops.density, 0.074);
  EXPECT_EQ(s.citizens.vision, 7);
  EXPECT_EQ(s.cops.vision, 7);
  EXPECT_EQ(s.citizens.legitimacy, 0.8);
  EXPECT_EQ(s.cops.max_jail_term, 1000u);
  EXPECT_EQ(s.citizens.threshold, 0.1);
  EXPECT_EQ(s.citizens.arrest_constant, 2.3);
  EXPECT_TRUE(s.movement);
  EXPECT_EQ(s.activation, Activation::random_sequential);
  EXPECT_TRUE(names_classic_model(test::source_path(shipped)));
  EXPECT_FALSE(names_classic_model(test::source_path("scenarios/mali_2022/baseline.yaml")));
}

TEST(EpsteinScenario, OverridesReplaceValuesAndAddKeys) {
  const EpsteinLoadResult r =
      load_epstein_scenario(test::source_path(shipped),
                            sets({"cops.density=0.04", "citizens.legitimacy=0.82",
                                  "cops.max_jail_term=30", "activation=synchronous", "seed=9"}));
  ASSERT_TRUE(r.scenario);
  EXPECT_EQ(r.scenario->cops.density, 0.04);
  EXPECT_EQ(r.scenario->citizens.legitimacy, 0.82);
  EXPECT_EQ(r.scenario->cops.max_jail_term, 30u);
  EXPECT_EQ(r.scenario->activation, Activation::synchronous);
  EXPECT_EQ(r.scenario->seed, 9u);
}

TEST(EpsteinScenario, ResolvedYamlReadsBackToTheSameScenario) {
  EpsteinScenario s;
  s.cops.density = 0.04;
  s.activation = Activation::synchronous;
  s.description = "a: \"quoted\"";
  const EpsteinLoadResult r = load_epstein_scenario_text(resolved_epstein_yaml(s), "r.yaml");
  ASSERT_TRUE(r.scenario) << r.diagnostics.items()[0].to_string();
  EXPECT_EQ(r.scenario->cops.density, 0.04);
  EXPECT_EQ(r.scenario->activation, Activation::synchronous);
  EXPECT_EQ(r.scenario->description, s.description);
}

TEST(EpsteinScenario, BadValuesAreReportedAtTheirPlace) {
  const std::string head = "model: epstein_civil_violence\n";
  Diagnostic d = only_error(head + "cops:\n  density: 2\n");
  EXPECT_EQ(d.to_string(), "e.yaml:3:12: error: cops.density: must be between 0.0 and 1.0, got 2");
  d = only_error(head + "citizens:\n  vison: 7\n");
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.key_path, "citizens.vison");
  EXPECT_NE(d.message.find("did you mean 'vision'?"), std::string::npos) << d.message;
  d = only_error(head + "activation: sequential\n");
  EXPECT_EQ(d.key_path, "activation");
  EXPECT_NE(d.message.find("random_sequential"), std::string::npos) << d.message;
  d = only_error(head + "steps: many\n");
  EXPECT_EQ(d.to_string(),
            "e.yaml:2:8: error: steps: expected a non-negative whole number, "
            "got 'many'");
  d = only_error(head + "grid: 40\n");
  EXPECT_EQ(d.key_path, "grid");
  d = only_error("name: x\n");
  EXPECT_EQ(d.message, "missing required key 'model'");
  d = only_error(head + "grid:\n\twidth: 40\n");
  EXPECT_EQ(d.where.line, 3);
  EXPECT_NE(d.message.find("tab"), std::string::npos);
}

TEST(EpsteinScenario, InconsistentParametersAreRejected) {
  const std::string head = "model: epstein_civil_violence\n";
  Diagnostic d = only_error(head + "citizens:\n  density: 0.9\ncops:\n  density: 0.2\n");
  EXPECT_EQ(d.key_path, "cops.density");
  EXPECT_EQ(d.where.line, 5);
  d = only_error(head + "grid:\n  width: 12\n");
  EXPECT_EQ(d.key_path, "grid.width");
  EXPECT_NE(d.message.find("at least 2 * vision + 1 = 15"), std::string::npos) << d.message;
}

TEST(EpsteinScenario, OverrideErrorsPointAtTheOverride) {
  const Diagnostic d = only_error("model: epstein_civil_violence\n", {"cops.density=-1"});
  EXPECT_EQ(d.where.file, "<--set cops.density=-1>");
  EXPECT_EQ(d.where.column, 14);
  EXPECT_EQ(d.key_path, "cops.density");
}

// End to end: the run command hands the file to this model, writes the
// time series, and reports bad input with exit code 2 and no files.
TEST(EpsteinRunCommand, WritesTheTimeSeriesAndRejectsBadInput) {
  const test::TempDir dir;
  test::ProcessResult r = test::run_pocsim({"run", test::source_path(shipped), "--out",
                                            dir.file("ok"), "--threads", "1", "--set", "steps=25"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream csv(test::read_text(dir.file("ok/timeseries.csv")));
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line, "step,active,quiet,jailed");
  int rows = 0;
  while (std::getline(csv, line)) ++rows;
  EXPECT_EQ(rows, 26);  // the initial state and 25 steps
  EXPECT_NE(r.out.find("agent-steps in"), std::string::npos);

  r = test::run_pocsim(
      {"run", test::source_path(shipped), "--out", dir.file("bad"), "--set", "grid.width=10"});
  EXPECT_EQ(r.exit_code, 2);
  const auto diagnostic = test::parse_diagnostic_line(r.err.substr(0, r.err.find('\n')));
  ASSERT_TRUE(diagnostic) << r.err;
  EXPECT_EQ(diagnostic->key_path, "grid.width");
  EXPECT_FALSE(std::filesystem::exists(dir.file("bad")));
}

TEST(EpsteinValidateCommand, ChecksTheFileWithTheClassicReader) {
  test::ProcessResult r = test::run_pocsim({"validate", test::source_path(shipped)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(": ok"), std::string::npos);
  const test::TempDir dir;
  {
    std::ofstream bad(dir.file("bad.yaml"));
    bad << "model: epstein_civil_violence\ncops:\n  density: 3\n";
  }
  r = test::run_pocsim({"validate", dir.file("bad.yaml")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, dir.file("bad.yaml") +
                       ":3:12: error: cops.density: must be between 0.0 and 1.0, got 3\n");
}

}  // namespace
}  // namespace pocsim::classic
