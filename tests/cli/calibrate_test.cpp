// SPDX-License-Identifier: Apache-2.0
// `pocsim calibrate` end to end on a tiny calibration of the teaching
// scenario: its files follow the contract that posterior sweeps rely on;
// the same bytes at any --jobs and after a SIGKILL and --resume; no
// overwriting without --force. (Bad calibration files are tested with the
// other bad inputs, in validate_test.cpp.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "pocsim/output/csv.hpp"
#include "pocsim/sweep/sweep_directory.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::test {
namespace {

namespace fs = std::filesystem;

// Two continuous parameters and one whole-number one, 15 days of the
// presence-deterrence teaching scenario, 2 replications: about 100 points,
// 200 runs of a few milliseconds, enough to be killed between batches.
std::string tiny_calibration_text(const std::string& method) {
  return "calibration:\n"
         "  name: tiny\n"
         "  scenario: " +
         source_path("scenarios/teaching/presence_deterrence.yaml") +
         "\n"
         "  targets: " +
         source_path("scenarios/teaching/calibration_targets.yaml") +
         "\n"
         "  replications: 2\n"
         "  method: " +
         method +
         "\n"
         "set: {scenario.duration_days: 15}\n"
         "parameters:\n"
         "  - {key: factions.JNIM.abuse_rate, min: 0.05, max: 0.4}\n"
         "  - {key: factions.JNIM.killings_per_hour, distribution: normal, mean: 1, sd: 0.5, "
         "min: 0.25, max: 2}\n"
         "  - {key: factions.MINUSMA.units, min: 5, max: 20, integer: true}\n"
         "abc_smc: {particles: 16, generations: 3, quantile: 0.5, min_acceptance: 0.05}\n"
         "history_matching: {waves: 2, points_per_wave: 12, cutoff: 3}\n";
}

const std::vector<std::string> result_files = {"posterior.csv", "waves.csv", "predictive.csv",
                                               "runs.csv"};

std::vector<std::vector<std::string>> csv_rows(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_text(path));
  for (std::string line; std::getline(in, line);) rows.push_back(csv_fields(line));
  return rows;
}

// The complete lines of the run journal, 0 while there is none.
std::size_t journaled_runs(const std::string& out) {
  const std::string text = read_text(out + "/" + sweep::journal_name);
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

class Calibrate : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    std::ofstream(file()) << tiny_calibration_text("abc_smc");
    const ProcessResult r =
        run_pocsim({"calibrate", file(), "--out", reference(), "--jobs", "2", "--quiet"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string file() { return dir_->file("tiny.yaml"); }
  static std::string reference() { return dir_->file("reference"); }

  static void expect_same_results(const std::string& out, const std::string& what) {
    for (const std::string& name : result_files)
      EXPECT_EQ(read_text(out + "/" + name), read_text(reference() + "/" + name))
          << name << " " << what;
  }

  static TempDir* dir_;
};

TempDir* Calibrate::dir_ = nullptr;

TEST_F(Calibrate, PosteriorFollowsTheContract) {
  const auto rows = csv_rows(reference() + "/posterior.csv");
  ASSERT_EQ(rows.size(), 17u) << "a header and the 16 particles";
  EXPECT_EQ(rows[0], (std::vector<std::string>{"particle", "weight", "factions.JNIM.abuse_rate",
                                               "factions.JNIM.killings_per_hour",
                                               "factions.MINUSMA.units"}));
  double total = 0.0;
  std::set<std::string> distinct;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 5u);
    EXPECT_EQ(rows[i][0], std::to_string(i - 1));
    const double weight = std::stod(rows[i][1]);
    EXPECT_GE(weight, 0.0);
    total += weight;
    const double rate = std::stod(rows[i][2]), lethality = std::stod(rows[i][3]);
    EXPECT_TRUE(rate >= 0.05 && rate <= 0.4) << rows[i][2];
    EXPECT_TRUE(lethality >= 0.25 && lethality <= 2.0) << rows[i][3];
    // Whole numbers are written as such, within the prior's range.
    EXPECT_EQ(rows[i][4].find_first_not_of("0123456789"), std::string::npos) << rows[i][4];
    const int units = std::stoi(rows[i][4]);
    EXPECT_TRUE(units >= 5 && units <= 20) << units;
    distinct.insert(rows[i][2]);
  }
  EXPECT_NEAR(total, 1.0, 1e-9);
  EXPECT_GT(distinct.size(), 8u) << "the particles are distinct points";
  EXPECT_EQ(read_text(reference() + "/posterior.csv").find('#'), std::string::npos);
}

TEST_F(Calibrate, WavesCountTheRunsOfTheRunsTable) {
  const auto waves = csv_rows(reference() + "/waves.csv");
  const auto runs = csv_rows(reference() + "/runs.csv");
  ASSERT_GE(waves.size(), 3u);
  EXPECT_EQ(waves[0][0], "wave");
  EXPECT_EQ(waves[1][2], "inf") << "generation 0 is the prior: no tolerance";
  EXPECT_EQ(waves[1][3], "16");
  std::size_t total = 0;
  for (std::size_t w = 1; w < waves.size(); ++w) {
    EXPECT_EQ(std::stoul(waves[w][7]), 2 * std::stoul(waves[w][3])) << "two replications a point";
    total += std::stoul(waves[w][7]);
    EXPECT_EQ(std::stoul(waves[w][8]), total);
    if (w > 2) {  // the tolerance shrinks from generation to generation
      EXPECT_LT(std::stod(waves[w][2]), std::stod(waves[w - 1][2]));
    }
  }
  EXPECT_EQ(runs.size() - 1, total);
  // Run k runs with the scenario's seed (1 in presence_deterrence.yaml) + k:
  // every point has noise of its own (calibration_runs.hpp says why).
  for (std::size_t i = 1; i < runs.size(); ++i)
    EXPECT_EQ(std::stoul(runs[i][4]), 1 + std::stoul(runs[i][0])) << "run " << runs[i][0];
  EXPECT_EQ(runs[0][5], "factions.JNIM.abuse_rate");
  EXPECT_EQ(runs[0][8], "violent_episodes");
  EXPECT_EQ(runs[0][9], "killed_per_episode");
  const auto predictive = csv_rows(reference() + "/predictive.csv");
  ASSERT_EQ(predictive.size(), 3u);
  EXPECT_EQ(predictive[1][0], "violent_episodes");
  EXPECT_EQ(predictive[1][1], "30");
  EXPECT_EQ(predictive[1][2], "50");
  EXPECT_LE(std::stod(predictive[1][4]), std::stod(predictive[1][3]));
  EXPECT_GE(std::stod(predictive[1][5]), std::stod(predictive[1][3]));
  EXPECT_TRUE(predictive[1][6] == "yes" || predictive[1][6] == "no");
}

// The two replications of a point run with their own seeds, so they differ:
// with one seed for every run (a PlannedRun filled by position when a field
// was added before `seed`), both came out the same, the replications measured
// no noise, and the Mali posterior changed. Two runs of 15 days with 30 to 50
// episodes seldom agree on both targets by chance; more than half agreeing
// means the seeds are not applied.
TEST_F(Calibrate, ReplicationsOfAPointRunWithTheirOwnSeeds) {
  const auto runs = csv_rows(reference() + "/runs.csv");
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> first_replicate;
  std::size_t pairs = 0, identical = 0;
  for (std::size_t i = 1; i < runs.size(); ++i) {
    const std::vector<std::string> targets(runs[i].begin() + 8, runs[i].end());
    const auto [it, fresh] = first_replicate.try_emplace({runs[i][1], runs[i][2]}, targets);
    if (fresh) continue;
    ++pairs;
    if (it->second == targets) ++identical;
  }
  ASSERT_GT(pairs, 50u);
  EXPECT_LT(identical, pairs / 2) << identical << " of " << pairs
                                  << " points gave the same outcomes in both replications";
}

TEST_F(Calibrate, SameBytesAtOneJob) {
  TempDir tmp;
  const std::string out = tmp.file("out");
  ASSERT_EQ(run_pocsim({"calibrate", file(), "--out", out, "--jobs", "1", "--quiet"}).exit_code, 0);
  expect_same_results(out, "at --jobs 1 and 2");
}

// Killed with SIGKILL as soon as its manifest exists, and once its journal
// holds 40 and 150 runs (in the prior's batch, and in a later generation's).
TEST_F(Calibrate, KilledAndResumedGivesTheSameFiles) {
  const std::size_t planned = journaled_runs(reference());
  int interrupted = 0;
  for (const std::size_t after : {std::size_t{0}, std::size_t{20}, planned - 30}) {
    TempDir tmp;
    const std::string out = tmp.file("out");
    const ProcessResult killed =
        run_pocsim_killed_when({"calibrate", file(), "--out", out, "--jobs", "2", "--quiet"}, [&] {
          return fs::exists(out + "/" + sweep::manifest_name) && journaled_runs(out) >= after;
        });
    if (killed.exit_code == 0) continue;  // finished between the look and the kill
    EXPECT_EQ(killed.exit_code, 128 + 9) << killed.err;
    ++interrupted;
    EXPECT_LT(journaled_runs(out), planned);
    EXPECT_FALSE(fs::exists(out + "/posterior.csv")) << "nothing half-written";
    EXPECT_EQ(run_pocsim({"calibrate", file(), "--out", out, "--quiet"}).exit_code, 2)
        << "an unfinished calibration is not restarted without --resume";
    const ProcessResult resumed =
        run_pocsim({"calibrate", file(), "--out", out, "--resume", "--jobs", "2", "--quiet"});
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    expect_same_results(out, "after a kill at " + std::to_string(after) + " runs");
  }
  EXPECT_GE(interrupted, 2) << "most kills must land before the calibration ends";
}

TEST_F(Calibrate, RefusesToOverwriteWithoutForce) {
  TempDir tmp;
  const std::string out = tmp.file("out");
  fs::copy(reference(), out);
  std::ofstream(out + "/notes.txt") << "mine";
  const ProcessResult refused = run_pocsim({"calibrate", file(), "--out", out});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
  // Resuming a finished calibration runs nothing and changes nothing.
  ASSERT_EQ(run_pocsim({"calibrate", file(), "--out", out, "--resume", "--quiet"}).exit_code, 0);
  expect_same_results(out, "after resuming a finished calibration");
  // A changed file is not resumed.
  const std::string changed = tmp.file("changed.yaml");
  std::ofstream(changed) << tiny_calibration_text("abc_smc") << "# changed\n";
  EXPECT_EQ(run_pocsim({"calibrate", changed, "--out", out, "--resume"}).exit_code, 2);
  ASSERT_EQ(run_pocsim({"calibrate", file(), "--out", out, "--force", "--quiet"}).exit_code, 0);
  expect_same_results(out, "after --force");
  EXPECT_TRUE(fs::exists(out + "/notes.txt")) << "--force removes only the calibration's files";
}

TEST_F(Calibrate, ReportDrawsThePosteriorAndThePredictive) {
  TempDir tmp;
  const std::string out = tmp.file("out");
  fs::copy(reference(), out);
  const ProcessResult r = run_pocsim({"report", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = read_text(out + "/report.html");
  for (const char* figure : {"posterior_marginals", "posterior_pairs", "posterior_predictive"}) {
    EXPECT_NE(page.find(std::string("id=\"") + figure + "\""), std::string::npos) << figure;
    EXPECT_TRUE(fs::exists(out + "/plots/" + figure + ".png")) << figure;
  }
  for (const char* text : {"violent_episodes", "killed_per_episode", "factions.MINUSMA.units"})
    EXPECT_NE(page.find(text), std::string::npos) << text;
  EXPECT_EQ(r.err.find("failed"), std::string::npos) << r.err;
}

TEST(CalibrateHistoryMatching, AcceptsEqualWeightsAndSimulatesEachWave) {
  TempDir tmp;
  const std::string file = tmp.file("hm.yaml"), out = tmp.file("out");
  std::ofstream(file) << tiny_calibration_text("history_matching");
  const ProcessResult r = run_pocsim({"calibrate", file, "--out", out, "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto waves = csv_rows(out + "/waves.csv");
  ASSERT_EQ(waves.size(), 3u);
  EXPECT_EQ(waves[1][1], "history_matching");
  EXPECT_EQ(waves[1][2], "3");
  EXPECT_EQ(waves[1][3], "12");
  EXPECT_EQ(waves[1][6], "1") << "the first wave covers the whole box";
  const auto posterior = csv_rows(out + "/posterior.csv");
  ASSERT_GE(posterior.size(), 2u);
  for (std::size_t i = 1; i < posterior.size(); ++i)
    EXPECT_NEAR(std::stod(posterior[i][1]), 1.0 / static_cast<double>(posterior.size() - 1), 1e-12);
}

TEST(CalibrateTeaching, ShippedCalibrationValidates) {
  const ProcessResult r =
      run_pocsim({"validate", source_path("scenarios/teaching/calibration.yaml")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace pocsim::test
