// SPDX-License-Identifier: Apache-2.0
// `pocsim run` and `pocsim show` end to end, on the shipped Mali baseline.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::test {

namespace {

const char* const compared_files[] = {"summary.json", "timeseries.csv", "events.csv"};

// One full-year baseline run, shared by the tests that only read its output.
class BaselineRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const ProcessResult r = run_pocsim(
        {"run", baseline(), "--out", dir_->file("threads1"), "--threads", "1", "--quiet"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string baseline() { return source_path("scenarios/mali_2022/baseline.yaml"); }
  static std::string result(const std::string& run, const std::string& file) {
    return read_text(dir_->file(run) + "/" + file);
  }
  static TempDir* dir_;
};
TempDir* BaselineRun::dir_ = nullptr;

}  // namespace

TEST_F(BaselineRun, WritesEveryResultFileAndNoTemporaryOnes) {
  for (const auto& entry : std::filesystem::directory_iterator(dir_->file("threads1")))
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  for (const char* f : {"scenario.resolved.yaml", "summary.json", "timeseries.csv", "events.csv"})
    EXPECT_FALSE(result("threads1", f).empty()) << f;
}

TEST_F(BaselineRun, AnyThreadCountGivesByteIdenticalResults) {
  for (const char* threads : {"2", "4"}) {
    const std::string run = std::string("threads") + threads;
    const ProcessResult r =
        run_pocsim({"run", baseline(), "--out", dir_->file(run), "--threads", threads, "--quiet"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* f : compared_files)
      EXPECT_TRUE(result("threads1", f) == result(run, f))
          << f << " differs with " << threads << " threads";
  }
}

TEST_F(BaselineRun, AnotherSeedGivesOtherResults) {
  const ProcessResult r =
      run_pocsim({"run", baseline(), "--out", dir_->file("seed2"), "--seed", "2", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : compared_files) EXPECT_NE(result("threads1", f), result("seed2", f)) << f;
  EXPECT_NE(result("seed2", "scenario.resolved.yaml").find("seed: 2"), std::string::npos);
}

TEST_F(BaselineRun, RefusesToReplaceResultsWithoutForce) {
  const std::string before = result("threads1", "summary.json");
  ProcessResult r =
      run_pocsim({"run", baseline(), "--out", dir_->file("threads1"), "--seed", "3", "--quiet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  EXPECT_EQ(result("threads1", "summary.json"), before);
}

TEST_F(BaselineRun, ShowPrintsAScenarioThatValidatesAndRunsToTheSameResults) {
  const ProcessResult shown = run_pocsim({"show", baseline()});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const std::string resolved = dir_->file("resolved.yaml");
  std::ofstream(resolved) << shown.out;
  const ProcessResult valid = run_pocsim({"validate", resolved});
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
  const ProcessResult r = run_pocsim({"run", resolved, "--out", dir_->file("shown"), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : compared_files)
    EXPECT_TRUE(result("threads1", f) == result("shown", f)) << f;
  // The resolved file written by the run is itself a runnable scenario.
  EXPECT_EQ(run_pocsim({"validate", dir_->file("threads1") + "/scenario.resolved.yaml"}).exit_code,
            0);
}

// pandas reads events.csv, the ACLED columns come first, and the fatalities
// add up to the deaths in summary.json.
TEST_F(BaselineRun, EventsLoadWithPandasAndAddUpToTheSummary) {
  const std::string script = R"(
import json, sys
import pandas as pd
events = pd.read_csv(sys.argv[1] + "/events.csv")
summary = json.load(open(sys.argv[1] + "/summary.json"))
acled = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
         "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
         "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
         "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
         "source_scale", "notes", "fatalities", "tags", "timestamp"]
assert list(events.columns[:len(acled)]) == acled, list(events.columns)
assert len(events) > 100, len(events)
assert events["event_id_cnty"].is_unique
assert {"Violence against civilians", "Battles", "Explosions/Remote violence"} <= set(
    events["event_type"]) <= {"Violence against civilians", "Battles",
                              "Explosions/Remote violence", "Strategic developments"}, set(
    events["event_type"])
explosions = events[events["event_type"] == "Explosions/Remote violence"]
assert int(explosions["fatalities"].sum()) == summary["ied_deaths"]["total"]
assert len(explosions) == summary["incidents"]["explosions"]
pd.to_datetime(events["event_date"], format="%Y-%m-%d")
assert events["latitude"].between(10, 25.1).all() and events["longitude"].between(-12.3, 4.3).all()
assert int(events["fatalities"].sum()) == summary["fatalities_total"]
assert int(events["civilian_fatalities"].sum()) == summary["civilian_deaths"]["total"]
by_kind = events.groupby("perpetrator_kind")["civilian_fatalities"].sum()
for kind, deaths in by_kind.items():
    assert int(deaths) == summary["civilian_deaths"]["by_perpetrator_kind"][kind], kind
print("ok")
)";
  const std::string path = dir_->file("check_events.py");
  std::ofstream(path) << script;
  const ProcessResult r = run_process({POCSIM_PYTHON, path, dir_->file("threads1")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "ok\n");
}

TEST_F(BaselineRun, SummaryCountsMatchTheTimeSeries) {
  const auto summary = nlohmann::json::parse(result("threads1", "summary.json"));
  std::istringstream csv(result("threads1", "timeseries.csv"));
  std::string line;
  std::getline(csv, line);
  ASSERT_EQ(line.rfind("date,day,region,civilian_deaths", 0), 0u);
  std::int64_t deaths = 0, rows = 0;
  while (std::getline(csv, line)) {
    std::size_t a = 0;
    for (int field = 0; field < 3; ++field) a = line.find(',', a) + 1;
    deaths += std::stoll(line.substr(a, line.find(',', a) - a));
    ++rows;
  }
  EXPECT_EQ(rows, 365 * 11);
  EXPECT_EQ(deaths, summary["civilian_deaths"]["total"].get<std::int64_t>());
  EXPECT_GT(deaths, 0);
}

// The first teaching scenario runs to its result files and kills civilians.
// How long it takes is measured by BM_FirstRunTeaching (bench/teaching_bench.cpp),
// not here: a test asserts behaviour, never a duration.
TEST(TeachingScenario, FirstRunWritesItsResultsAndKillsCivilians) {
  TempDir dir;
  const ProcessResult r = run_pocsim({"run", source_path("scenarios/teaching/first_run.yaml"),
                                      "--out", dir.file("out"), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : {"scenario.resolved.yaml", "summary.json", "timeseries.csv", "events.csv"})
    EXPECT_TRUE(std::filesystem::exists(dir.file("out/") + f)) << f;
  const auto summary = nlohmann::json::parse(read_text(dir.file("out/summary.json")));
  EXPECT_GT(summary["civilian_deaths"]["total"].get<int>(), 0);
}

// A seed is any 64-bit number, written as one: "-1" and a number past 2^64
// are refused naming --seed (CLI11 alone turned both into 2^64 - 1, one
// result for two requests), and nothing is created. The largest seed runs.
TEST(TeachingScenario, SeedOutsideSixtyFourBitsIsRefusedAndCreatesNothing) {
  TempDir dir;
  for (const char* seed : {"-1", "18446744073709551616", "99999999999999999999999", "1e3", ""}) {
    const ProcessResult r = run_pocsim({"run", source_path("scenarios/teaching/first_run.yaml"),
                                        "--out", dir.file("out"), "--quiet", "--seed", seed});
    EXPECT_EQ(r.exit_code, 2) << seed;
    EXPECT_NE(r.err.find("--seed: expected a whole number from 0 to 18446744073709551615"),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("out"))) << seed;
  }
  const ProcessResult largest =
      run_pocsim({"run", source_path("scenarios/teaching/first_run.yaml"), "--out", dir.file("out"),
                  "--quiet", "--seed", "18446744073709551615"});
  ASSERT_EQ(largest.exit_code, 0) << largest.err;
  const auto summary = nlohmann::json::parse(read_text(dir.file("out/summary.json")));
  EXPECT_EQ(summary["seed"].get<std::uint64_t>(), 18446744073709551615ULL) << summary.dump();
}

// A run that cannot write its results (a full disk: a 64 KiB tmpfs, which
// the month's timeseries.csv alone overflows) exits 1 and removes what it created,
// the folder and its parent included; a folder that was there before stays.
// Mounting needs root (CI's container has it); elsewhere the test says so
// and skips.
TEST(TeachingScenario, RunOnAFullDiskExitsOneAndLeavesNothingItCreated) {
  TempDir dir;
  const std::string disk = dir.file("disk");
  std::filesystem::create_directory(disk);
  if (run_process({"/usr/bin/mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk}).exit_code !=
      0)
    GTEST_SKIP() << "cannot mount a tmpfs here (not root?): the full-disk case is not tested";
  struct Unmount {
    std::string at;
    ~Unmount() { run_process({"/usr/bin/umount", at}); }
  } unmount{disk};
  std::filesystem::create_directory(disk + "/there_before");
  for (const char* out : {"new/results", "there_before"}) {
    const ProcessResult r = run_pocsim({"run", source_path("scenarios/teaching/first_run.yaml"),
                                        "--out", disk + "/" + out, "--quiet", "--force"});
    EXPECT_EQ(r.exit_code, 1) << out << ": " << r.err;
    EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
    std::vector<std::string> left;
    for (const auto& e : std::filesystem::recursive_directory_iterator(disk))
      left.push_back(e.path().lexically_relative(disk).string());
    EXPECT_EQ(left, std::vector<std::string>{"there_before"}) << out;
  }
}

// A variant file shows as the plain scenario it resolves to (no base, no
// set), which validates and runs to the variant's own results; a bad set
// entry is reported at the variant's line with exit code 2.
TEST(TeachingScenario, AVariantShowsAsAScenarioThatRunsToTheSameResults) {
  TempDir dir;
  const std::string variant = dir.file("variant.yaml");
  std::ofstream(variant) << "base: " << source_path("scenarios/teaching/first_run.yaml")
                         << "\nset:\n  scenario.duration_days: 10\n  scenario.seed: 4\n";
  const ProcessResult shown = run_pocsim({"show", variant});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out.find("\nbase:"), std::string::npos);
  EXPECT_EQ(shown.out.find("\nset:"), std::string::npos);
  const std::string resolved = dir.file("resolved.yaml");
  std::ofstream(resolved) << shown.out;
  EXPECT_EQ(run_pocsim({"validate", resolved}).exit_code, 0);
  ASSERT_EQ(run_pocsim({"run", variant, "--out", dir.file("v"), "--quiet"}).exit_code, 0);
  ASSERT_EQ(run_pocsim({"run", resolved, "--out", dir.file("r"), "--quiet"}).exit_code, 0);
  for (const char* f : compared_files)
    EXPECT_TRUE(read_text(dir.file("v/") + f) == read_text(dir.file("r/") + f)) << f;

  std::ofstream(variant) << "base: " << source_path("scenarios/teaching/first_run.yaml")
                         << "\nset:\n  scenario.duration_days: -1\n";
  const ProcessResult bad = run_pocsim({"run", variant, "--out", dir.file("bad"), "--quiet"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err.rfind(variant + ":3:27: error: scenario.duration_days: ", 0), 0u) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("bad")));
}

}  // namespace pocsim::test

namespace pocsim::test {

// docs/model.md carries the baseline's values with their sources; it must say
// what the shipped file says.
TEST(ModelDocument, HoldsTheDefaultsTablesOfTheShippedFiles) {
  for (const char* scenario :
       {"scenarios/mali_2022/baseline.yaml", "scenarios/mali_2022/moura.yaml",
        "scenarios/mali_2020/ogossagou.yaml"}) {
    const ProcessResult r =
        run_process({POCSIM_PYTHON, source_path("tools/defaults_table.py"), source_path(scenario)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_GT(r.out.size(), 3000u) << scenario;
    EXPECT_NE(read_text(source_path("docs/model.md")).find(r.out), std::string::npos)
        << "regenerate the table of " << scenario
        << " in docs/model.md with tools/defaults_table.py";
  }
}

}  // namespace pocsim::test
