// SPDX-License-Identifier: Apache-2.0
// `pocsim sweep` and `pocsim merge` end to end, on a small sweep of the
// teaching scenario: the same runs.csv for any --jobs, for merged shards and
// for a sweep killed with SIGKILL and resumed; no overwriting without
// --force; and a report of the result.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pocsim/core/version.hpp"
#include "pocsim/output/csv.hpp"
#include "pocsim/sweep/sweep_directory.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::test {
namespace {

namespace fs = std::filesystem;

// 3 x 2 variants x 10 replications of twenty days of the flight-delay
// teaching scenario: 60 runs, enough to be killed at several points between
// its first and its last.
std::string small_sweep_text() {
  return "sweep:\n"
         "  name: small\n"
         "  scenario: " +
         source_path("scenarios/teaching/flight_delay.yaml") +
         "\n"
         "  replications: 10\n"
         "  reference: {delay: 24}\n"
         "set:\n"
         "  scenario.duration_days: 20\n"
         "axes:\n"
         "  - name: delay\n"
         "    key: flights.delay_hours\n"
         "    values: [0, 24, 168]\n"
         "  - name: refusals\n"
         "    variants:\n"
         "      - {name: few, set: {flights.refusal_probability: 0.05}}\n"
         "      - {name: many, set: {flights.refusal_probability: 0.6}}\n";
}

class Sweep : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    std::ofstream(file()) << small_sweep_text();
    const ProcessResult r = run_pocsim({"sweep", file(), "--out", reference(), "--jobs", "1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string file() { return dir_->file("small.yaml"); }
  static std::string reference() { return dir_->file("reference"); }
  static std::string runs(const std::string& folder) { return read_text(folder + "/runs.csv"); }

  static TempDir* dir_;
};

TempDir* Sweep::dir_ = nullptr;

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) rows.push_back(csv_fields(line));
  return rows;
}

TEST_F(Sweep, WritesEveryPlannedRunWithSharedSeedsAcrossVariants) {
  const auto plan = csv_rows(read_text(reference() + "/plan.csv"));
  const auto rows = csv_rows(runs(reference()));
  ASSERT_EQ(plan.size(), 1u + 6u * 10u);
  ASSERT_EQ(rows.size(), plan.size());
  EXPECT_EQ(plan[0][0], "run_id");
  // Common random numbers: replicate r has the same seed in every variant.
  std::set<std::string> seeds_of_replicate_0;
  for (std::size_t i = 1; i < plan.size(); ++i) {
    EXPECT_EQ(rows[i][0], std::to_string(i - 1)) << "runs.csv is sorted by run id";
    if (plan[i][3] == "0") seeds_of_replicate_0.insert(plan[i][4]);
  }
  EXPECT_EQ(seeds_of_replicate_0.size(), 1u);
  for (const char* name : {"summary.csv", "differences.csv", "manifest.json", "samples/0"})
    EXPECT_TRUE(fs::exists(reference() + "/" + name)) << name;
  // The manifest names the pocsim that made the sweep.
  const std::string manifest = read_text(reference() + "/manifest.json");
  EXPECT_NE(manifest.find(std::string("\"commit\": \"") + build_info().commit + "\""),
            std::string::npos)
      << manifest;
  EXPECT_NE(manifest.find(std::string("\"version\": \"") + engine_version() + "\""),
            std::string::npos);
}

TEST_F(Sweep, DelaysAndRefusalsChangeTheOutcomes) {
  // The varied keys reach the runs: more refusals where they are likelier.
  const auto rows = csv_rows(runs(reference()));
  const auto& header = rows[0];
  const auto column = std::find(header.begin(), header.end(), "protection.flights.refused");
  ASSERT_NE(column, header.end());
  const auto c = static_cast<std::size_t>(column - header.begin());
  double few = 0.0, many = 0.0;
  for (std::size_t i = 1; i < rows.size(); ++i)
    (rows[i][6] == "few" ? few : many) += std::stod(rows[i][c]);
  EXPECT_GT(many, few);
}

TEST_F(Sweep, SameRunsForAnyJobsAndForMergedShards) {
  TempDir tmp;
  const std::string two = tmp.file("two");
  ASSERT_EQ(run_pocsim({"sweep", file(), "--out", two, "--jobs", "2", "--quiet"}).exit_code, 0);
  EXPECT_EQ(runs(two), runs(reference()));
  EXPECT_EQ(read_text(two + "/summary.csv"), read_text(reference() + "/summary.csv"));

  const std::string a = tmp.file("a"), b = tmp.file("b"), merged = tmp.file("merged");
  ASSERT_EQ(run_pocsim({"sweep", file(), "--out", a, "--shard", "0/2", "--quiet"}).exit_code, 0);
  // Slurm's variables name the shard when --shard is not given.
  ::setenv("SLURM_ARRAY_TASK_ID", "1", 1);
  ::setenv("SLURM_ARRAY_TASK_COUNT", "2", 1);
  const ProcessResult second = run_pocsim({"sweep", file(), "--out", b, "--quiet"});
  ::unsetenv("SLURM_ARRAY_TASK_ID");
  ::unsetenv("SLURM_ARRAY_TASK_COUNT");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_FALSE(fs::exists(a + "/summary.csv")) << "a shard alone has no statistics";
  EXPECT_NE(runs(a), runs(reference()));

  const ProcessResult only_one = run_pocsim({"merge", a, "--out", tmp.file("half")});
  EXPECT_EQ(only_one.exit_code, 1) << "half the runs are missing";
  const ProcessResult r = run_pocsim({"merge", a, b, "--out", merged});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(runs(merged), runs(reference()));
  EXPECT_EQ(read_text(merged + "/summary.csv"), read_text(reference() + "/summary.csv"));
  EXPECT_EQ(read_text(merged + "/differences.csv"), read_text(reference() + "/differences.csv"));
}

// The complete lines of a sweep's run journal (one per finished run; a line
// torn by a kill has no line break yet), 0 while there is no journal.
std::size_t journaled_runs(const std::string& out) {
  const std::string text = read_text(out + "/" + sweep::journal_name);
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Killed with SIGKILL at points the sweep itself reports, not at moments of
// a clock: as soon as its manifest exists (before or at its first run), and
// once its journal holds 3, 30 and 57 of the 60 runs. A run may finish
// between the look and the kill, so the journal can hold a few more.
TEST_F(Sweep, KilledAtAnyPointAndResumedGivesTheSameRuns) {
  constexpr std::size_t planned = 60;
  ASSERT_EQ(journaled_runs(reference()), planned);
  int interrupted = 0;
  for (const std::size_t after :
       {std::size_t{0}, std::size_t{3}, std::size_t{30}, std::size_t{57}}) {
    TempDir tmp;
    const std::string out = tmp.file("out");
    const ProcessResult killed =
        run_pocsim_killed_when({"sweep", file(), "--out", out, "--jobs", "2", "--quiet"}, [&] {
          return fs::exists(out + "/" + sweep::manifest_name) && journaled_runs(out) >= after;
        });
    if (killed.exit_code == 0) continue;  // finished between the look and the kill
    EXPECT_EQ(killed.exit_code, 128 + 9) << killed.err;
    ++interrupted;
    const std::size_t done = journaled_runs(out);
    EXPECT_GE(done, after);
    EXPECT_LT(done, planned) << "killed after its last run";
    // The manifest came first: an unfinished sweep is not restarted
    // without --resume, and --resume goes on to the same runs.
    ASSERT_TRUE(fs::exists(out + "/" + sweep::manifest_name));
    EXPECT_EQ(run_pocsim({"sweep", file(), "--out", out, "--quiet"}).exit_code, 2)
        << "an unfinished sweep is not restarted without --resume";
    const ProcessResult resumed =
        run_pocsim({"sweep", file(), "--out", out, "--resume", "--jobs", "2", "--quiet"});
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    EXPECT_EQ(runs(out), runs(reference())) << "killed with " << done << " runs journaled";
  }
  EXPECT_GE(interrupted, 3) << "most kills must land before the sweep ends";
}

TEST_F(Sweep, RefusesToOverwriteAFinishedSweepWithoutForce) {
  TempDir tmp;
  const std::string out = tmp.file("out");
  ASSERT_EQ(run_pocsim({"sweep", file(), "--out", out, "--quiet"}).exit_code, 0);
  std::ofstream(out + "/notes.txt") << "mine";
  const std::string before = runs(out);
  const ProcessResult refused = run_pocsim({"sweep", file(), "--out", out});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
  EXPECT_EQ(runs(out), before);
  // Resuming a finished sweep runs nothing and changes nothing.
  ASSERT_EQ(run_pocsim({"sweep", file(), "--out", out, "--resume", "--quiet"}).exit_code, 0);
  EXPECT_EQ(runs(out), before);
  ASSERT_EQ(run_pocsim({"sweep", file(), "--out", out, "--force", "--quiet"}).exit_code, 0);
  EXPECT_EQ(runs(out), before);
  EXPECT_TRUE(fs::exists(out + "/notes.txt")) << "--force removes only the sweep's own files";
}

TEST_F(Sweep, ResumeRefusesAChangedSweepFile) {
  TempDir tmp;
  const std::string changed = tmp.file("changed.yaml");
  std::string text = small_sweep_text();
  text.replace(text.find("replications: 10"), 16, "replications: 11");
  std::ofstream(changed) << text;
  const ProcessResult r = run_pocsim({"sweep", changed, "--out", reference(), "--resume"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("another version"), std::string::npos) << r.err;
}

TEST_F(Sweep, ReportDrawsTheHeatmapOfTheTwoAxes) {
  const ProcessResult r = run_pocsim({"report", reference(), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_text(reference() + "/report.html");
  EXPECT_NE(html.find("heatmap"), std::string::npos);
}

TEST_F(Sweep, BadShardIsRefusedBeforeAnythingIsWritten) {
  TempDir tmp;
  for (const char* shard : {"2/2", "x", "1/0"}) {
    const ProcessResult r = run_pocsim({"sweep", file(), "--out", tmp.file("s"), "--shard", shard});
    EXPECT_EQ(r.exit_code, 2) << shard;
    EXPECT_FALSE(fs::exists(tmp.file("s"))) << shard;
  }
}

// A Saltelli sweep end to end: n (d + 2) runs, and sobol.csv with both
// indices and their intervals for every parameter and named outcome.
TEST(SampledSweep, SaltelliSweepWritesSobolIndices) {
  TempDir tmp;
  std::ofstream(tmp.file("sobol.yaml"))
      << "sweep:\n  name: sobol\n  scenario: "
      << source_path("scenarios/teaching/flight_delay.yaml")
      << "\nset:\n  scenario.duration_days: 10\n"
         "sample:\n  method: saltelli\n  points: 12\n  bootstrap: 100\n"
         "  outcomes: [civilian_deaths.total, protection.flights.refused]\n"
         "  parameters:\n"
         "    - {key: flights.delay_hours, min: 0, max: 168}\n"
         "    - {key: flights.refusal_probability, min: 0, max: 0.8}\n";
  const std::string out = tmp.file("out");
  const ProcessResult r = run_pocsim({"sweep", tmp.file("sobol.yaml"), "--out", out, "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto plan = csv_rows(read_text(out + "/plan.csv"));
  EXPECT_EQ(plan.size(), 1u + 12u * (2u + 2u));
  const auto sobol = csv_rows(read_text(out + "/sobol.csv"));
  ASSERT_EQ(sobol.size(), 1u + 2u * 2u);
  for (std::size_t i = 1; i < sobol.size(); ++i) {
    ASSERT_EQ(sobol[i].size(), 8u);
    for (std::size_t c = 2; c < 8; ++c) EXPECT_FALSE(sobol[i][c].empty()) << i << "," << c;
  }
  // Refusals are driven by the refusal probability, not by the delay: its
  // total index is the larger one.
  double delay_total = 0.0, refusal_total = 0.0;
  for (std::size_t i = 1; i < sobol.size(); ++i)
    if (sobol[i][1] == "protection.flights.refused")
      (sobol[i][0] == "flights.delay_hours" ? delay_total : refusal_total) = std::stod(sobol[i][5]);
  EXPECT_GT(refusal_total, delay_total);
}

}  // namespace
}  // namespace pocsim::test
