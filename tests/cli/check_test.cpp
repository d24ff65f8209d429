// SPDX-License-Identifier: Apache-2.0
// `pocsim check` end to end on the teaching scenario (a month, well under a
// second a run): one line per target, an exit status that agrees with the
// lines, the same output for any --jobs, and bad input refused with exit 2.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/diagnostic_line.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::test {
namespace {

// A result line: name, mean, [low, high], [band low, band high], HIT or MISS.
bool is_result_line(const std::string& line) {
  char name[128], result[8];
  double mean, low, high, band_low, band_high;
  const int read = std::sscanf(line.c_str(), "%127s %lf [%lf, %lf] [%lf, %lf] %7s", name, &mean,
                               &low, &high, &band_low, &band_high, result);
  return read == 7 && (std::string(result) == "HIT" || std::string(result) == "MISS");
}

std::string scenario() { return source_path("scenarios/teaching/first_run.yaml"); }
std::string targets() { return source_path("tests/data/check_targets.yaml"); }

// The line of the table that reports a target: it starts with the name.
std::string line_of(const std::string& out, const std::string& name) {
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    if (line.starts_with(name + " ")) return line;
  return "";
}

class Check : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    jobs1_ = new ProcessResult(run_pocsim(
        {"check", scenario(), "--targets", targets(), "--replications", "4", "--jobs", "1"}));
  }
  static void TearDownTestSuite() { delete jobs1_; }
  static ProcessResult* jobs1_;
};
ProcessResult* Check::jobs1_ = nullptr;

TEST_F(Check, PrintsALinePerTargetAndExitsAsTheLinesSay) {
  const ProcessResult& r = *jobs1_;
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  EXPECT_NE(r.out.find("first_run: 4 replications, seeds 7 to 10"), std::string::npos) << r.out;
  bool any_miss = false;
  for (const char* name : {"civilians_killed", "killed_by_state_share", "mopti_events_first_week",
                           "displaced_at_the_end"}) {
    const std::string line = line_of(r.out, name);
    ASSERT_FALSE(line.empty()) << name << " has no line in\n" << r.out;
    const bool hit = line.ends_with(" HIT"), miss = line.ends_with(" MISS");
    EXPECT_TRUE(hit != miss) << line;
    any_miss = any_miss || miss;
    // name, mean, [low, high], [band low, band high], result
    EXPECT_TRUE(is_result_line(line)) << line;
  }
  EXPECT_EQ(r.exit_code, any_miss ? 1 : 0) << r.out;
  // The band [2, 3] holds no share, and a target for another scenario is skipped.
  EXPECT_TRUE(line_of(r.out, "killed_by_state_share").ends_with(" MISS"));
  EXPECT_NE(line_of(r.out, "elsewhere").find("skipped (applies to some_other_scenario)"),
            std::string::npos);
  EXPECT_EQ(r.exit_code, 1);
}

TEST_F(Check, MeanIsTheMeanOfRunsWithSeedsFromTheScenarioSeedOn) {
  TempDir dir;
  double sum = 0.0;
  for (int seed = 7; seed < 11; ++seed) {
    const std::string out = dir.file(std::to_string(seed));
    const ProcessResult r = run_pocsim({"run", scenario(), "--out", out, "--seed",
                                        std::to_string(seed), "--threads", "1", "--quiet"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    sum += nlohmann::json::parse(read_text(out + "/summary.json"))["civilian_deaths"]["total"]
               .get<double>();
  }
  // The band [0, 1000000] shows whole numbers.
  char mean[32];
  std::snprintf(mean, sizeof mean, "%.0f", sum / 4.0);
  std::istringstream fields(line_of(jobs1_->out, "civilians_killed"));
  std::string name, printed_mean;
  fields >> name >> printed_mean;
  EXPECT_EQ(name, "civilians_killed");
  EXPECT_EQ(printed_mean, mean) << "expected mean " << mean << " in\n" << jobs1_->out;
}

TEST_F(Check, AnyNumberOfJobsGivesTheSameOutput) {
  const ProcessResult r = run_pocsim(
      {"check", scenario(), "--targets", targets(), "--replications", "4", "--jobs", "2"});
  EXPECT_EQ(r.exit_code, jobs1_->exit_code) << r.err;
  EXPECT_TRUE(r.out == jobs1_->out) << "--jobs 1:\n" << jobs1_->out << "--jobs 2:\n" << r.out;
}

TEST_F(Check, SetOverridesTheScenarioAndItsBaseSeed) {
  const ProcessResult r = run_pocsim({"check", scenario(), "--targets", targets(), "--replications",
                                      "2", "--set", "scenario.seed=100"});
  EXPECT_NE(r.out.find("2 replications, seeds 100 to 101"), std::string::npos) << r.out << r.err;
}

// Each error line is FILE:LINE:COL: error: KEY.PATH: message.
std::vector<std::pair<int, std::string>> errors_in(const std::string& err,
                                                   const std::string& file) {
  std::vector<std::pair<int, std::string>> out;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    const std::optional<DiagnosticLine> d = parse_diagnostic_line(line);
    EXPECT_TRUE(d) << line;
    if (!d) continue;
    EXPECT_EQ(d->file, file) << line;
    out.emplace_back(d->line, d->key_path);
  }
  return out;
}

TEST(CheckInput, MalformedTargetsFileReportsEveryErrorAndExitsTwo) {
  // The expected errors are stated in the file's `# expect: LINE KEY.PATH` lines.
  const std::string bad = source_path("tests/data/bad_targets.yaml");
  std::vector<std::pair<int, std::string>> expected;
  std::ifstream in(bad);
  for (std::string line; std::getline(in, line) && line.starts_with("#");) {
    std::istringstream fields(line);
    std::string tag, expect, key_path;
    int at = 0;
    if (fields >> tag >> expect >> at >> key_path && expect == "expect:")
      expected.emplace_back(at, key_path);
  }
  ASSERT_FALSE(expected.empty());
  const ProcessResult r = run_pocsim({"check", scenario(), "--targets", bad});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(errors_in(r.err, bad), expected) << r.err;
  EXPECT_NE(r.err.find("did you mean 'description'?"), std::string::npos) << r.err;
}

TEST(CheckInput, UnknownSummaryPathNamesTheTargetAndExitsTwo) {
  TempDir dir;
  const std::string file = dir.file("targets.yaml");
  std::ofstream(file) << "targets:\n"
                         "  - name: typo\n"
                         "    source: test\n"
                         "    band: [0, 1]\n"
                         "    metric: {summary: civilian_deaths.by_perpetrator_kind.state_force}\n";
  const ProcessResult r = run_pocsim({"check", scenario(), "--targets", file});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(errors_in(r.err, file),
            (std::vector<std::pair<int, std::string>>{{5, "targets.typo.metric.summary"}}));
  EXPECT_NE(r.err.find("target 'typo'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean 'civilian_deaths.by_perpetrator_kind.state_forces'?"),
            std::string::npos)
      << r.err;
}

TEST(CheckInput, ScenarioAndTargetsErrorsAreReportedTogether) {
  const ProcessResult r =
      run_pocsim({"check", scenario(), "--targets", source_path("tests/data/bad_targets.yaml"),
                  "--set", "scenario.sed=3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad_targets.yaml:10:5: error: targets.killed.descripton"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("error: scenario.sed: unknown key 'sed'"), std::string::npos) << r.err;
}

TEST(CheckInput, ReplicationsWhoseSeedsWouldWrapAreRefused) {
  // Replicate i runs with seed scenario.seed + i: from 2^64 - 2, a third
  // replicate would run with seed 0.
  ProcessResult r = run_pocsim({"check", scenario(), "--targets", targets(), "--replications", "3",
                                "--set", "scenario.seed=18446744073709551614", "--quiet"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("pocsim check: error: --replications: the scenario's seed "
                       "18446744073709551614 with 3 runs would need seeds up to "
                       "18446744073709551614 + 2, past 18446744073709551615"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(CheckInput, TooFewReplicationsIsAUsageError) {
  const ProcessResult r =
      run_pocsim({"check", scenario(), "--targets", targets(), "--replications", "1"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
}

}  // namespace
}  // namespace pocsim::test
