// SPDX-License-Identifier: Apache-2.0
// `pocsim sweep` over a posterior end to end, on twenty days of the
// flight-delay teaching scenario and the small posterior of
// tests/data/posterior: the same bytes for any --jobs, for merged shards and
// after a SIGKILL and --resume; variants paired by draw and replicate; a run
// that `pocsim run --set` remakes from its row of runs.csv; and a changed
// posterior refused by --resume and merge.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
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

// 2 variants x 3 draws x 4 replications = 24 runs of 20 days.
std::string sweep_text(const std::string& posterior) {
  return "sweep:\n"
         "  name: over_posterior\n"
         "  scenario: " +
         source_path("scenarios/teaching/flight_delay.yaml") +
         "\n"
         "  replications: 4\n"
         "  seed: 31\n"
         "set:\n"
         "  scenario.duration_days: 20\n"
         "parameters: {posterior: " +
         posterior +
         ", draws: 3}\n"
         "axes:\n"
         "  - key: flights.delay_hours\n"
         "    values: [0, 168]\n";
}

class PosteriorSweep : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    fs::copy_file(source_path("tests/data/posterior/small.csv"), dir_->file("posterior.csv"));
    std::ofstream(file()) << sweep_text("posterior.csv");
    const ProcessResult r = run_pocsim({"sweep", file(), "--out", reference(), "--jobs", "1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string file() { return dir_->file("over_posterior.yaml"); }
  static std::string reference() { return dir_->file("reference"); }
  static std::string table(const std::string& folder, const std::string& name) {
    return read_text(folder + "/" + name);
  }
  static void expect_same_tables(const std::string& folder) {
    for (const char* name : {"plan.csv", "runs.csv", "summary.csv", "differences.csv"})
      EXPECT_EQ(table(folder, name), table(reference(), name)) << name << " of " << folder;
  }

  static TempDir* dir_;
};

TempDir* PosteriorSweep::dir_ = nullptr;

// runs.csv as maps from column name to text.
std::vector<std::map<std::string, std::string>> csv_records(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = csv_fields(line);
  std::vector<std::map<std::string, std::string>> out;
  while (std::getline(in, line)) {
    const std::vector<std::string> fields = csv_fields(line);
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = fields.at(i);
    out.push_back(std::move(row));
  }
  return out;
}

TEST_F(PosteriorSweep, VariantsArePairedByDrawAndReplicate) {
  const auto runs = csv_records(table(reference(), "runs.csv"));
  ASSERT_EQ(runs.size(), 24u);
  std::map<std::string, std::string> seed_of, particle_of;  // by draw/replicate
  std::set<std::string> particles;
  for (const auto& run : runs) {
    EXPECT_EQ(run.at("status"), "ok") << run.at("error");
    const std::string pair = run.at("draw") + "/" + run.at("replicate");
    const auto [seed, fresh] = seed_of.emplace(pair, run.at("seed"));
    EXPECT_EQ(seed->second, run.at("seed")) << "draw/replicate " << pair;
    const auto [particle, new_particle] = particle_of.emplace(pair, run.at("particle"));
    EXPECT_EQ(particle->second, run.at("particle")) << "draw/replicate " << pair;
    particles.insert(run.at("particle"));
    EXPECT_FALSE(run.at("factions.JNIM.abuse_rate").empty());
  }
  EXPECT_EQ(seed_of.size(), 12u) << "3 draws x 4 replicates, each its own seed";
  EXPECT_GE(particles.size(), 2u) << "3 systematic draws of 5 particles, none above 1/3";
  const std::string summary = table(reference(), "summary.csv");
  EXPECT_NE(summary.find(",draws,sd_stochastic,sd_parameter,"), std::string::npos);
  const std::string manifest = table(reference(), sweep::manifest_name);
  EXPECT_NE(manifest.find("\"posterior\""), std::string::npos);
  EXPECT_NE(manifest.find("\"hash\""), std::string::npos);
}

TEST_F(PosteriorSweep, ARunIsRemadeFromItsRowWithSet) {
  const auto runs = csv_records(table(reference(), "runs.csv"));
  // The last draw of variant 1: the third systematic point lies in [2/3, 1),
  // the particles with abuse rates 0.2 and 0.3, away from the scenario's own
  // 0.1, so a run that did not set the drawn values would differ.
  const auto& run = runs.at(21);  // variant 1, draw 2, replicate 1
  ASSERT_EQ(run.at("draw"), "2");
  EXPECT_NE(run.at("factions.JNIM.abuse_rate"), "0.1");
  TempDir tmp;
  std::vector<std::string> args{"run",    source_path("scenarios/teaching/flight_delay.yaml"),
                                "--out",  tmp.file("run"),
                                "--seed", run.at("seed"),
                                "--set",  "scenario.duration_days=20",
                                "--set",  "flights.delay_hours=" + run.at("flights.delay_hours")};
  for (const char* key :
       {"factions.JNIM.abuse_rate", "civilians.flee_probability", "combat.break_off_ratio"})
    args.insert(args.end(), {"--set", std::string(key) + "=" + run.at(key)});
  const ProcessResult r = run_pocsim(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string summary = read_text(tmp.file("run") + "/summary.json");
  const std::string deaths =
      "\"civilian_deaths\": {\n    \"total\": " + run.at("civilian_deaths.total") + ",";
  EXPECT_NE(summary.find(deaths), std::string::npos) << "expected " << deaths << " in\n"
                                                     << summary.substr(0, 600);
}

TEST_F(PosteriorSweep, SameBytesForAnyJobsAfterAKillAndForMergedShards) {
  TempDir tmp;
  const std::string two = tmp.file("two");
  ASSERT_EQ(run_pocsim({"sweep", file(), "--out", two, "--jobs", "2", "--quiet"}).exit_code, 0);
  expect_same_tables(two);

  const std::string killed_out = tmp.file("killed");
  const ProcessResult killed =
      run_pocsim_killed_when({"sweep", file(), "--out", killed_out, "--jobs", "2", "--quiet"}, [&] {
        const std::string journal = read_text(killed_out + "/" + sweep::journal_name);
        return std::count(journal.begin(), journal.end(), '\n') >= 8;
      });
  if (killed.exit_code != 0) {
    EXPECT_EQ(killed.exit_code, 128 + 9) << killed.err;
  }
  const ProcessResult resumed =
      run_pocsim({"sweep", file(), "--out", killed_out, "--resume", "--jobs", "2", "--quiet"});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  expect_same_tables(killed_out);

  const std::string a = tmp.file("a"), b = tmp.file("b"), merged = tmp.file("merged");
  ASSERT_EQ(run_pocsim({"sweep", file(), "--out", a, "--shard", "0/2", "--quiet"}).exit_code, 0);
  ASSERT_EQ(run_pocsim({"sweep", file(), "--out", b, "--shard", "1/2", "--quiet"}).exit_code, 0);
  const ProcessResult r = run_pocsim({"merge", a, b, "--out", merged, "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_same_tables(merged);
}

TEST_F(PosteriorSweep, ResumeAndMergeRefuseAChangedPosterior) {
  TempDir tmp;
  fs::copy_file(source_path("tests/data/posterior/small.csv"), tmp.file("posterior.csv"));
  const std::string sweep_file = tmp.file("s.yaml");
  std::ofstream(sweep_file) << sweep_text("posterior.csv");
  const std::string a = tmp.file("a"), b = tmp.file("b");
  ASSERT_EQ(run_pocsim({"sweep", sweep_file, "--out", a, "--shard", "0/2", "--quiet"}).exit_code,
            0);
  ASSERT_EQ(run_pocsim({"sweep", sweep_file, "--out", b, "--shard", "1/2", "--quiet"}).exit_code,
            0);
  // Same particles, other values: the sweep file has not changed.
  std::string posterior = read_text(tmp.file("posterior.csv"));
  posterior.replace(posterior.find("0.05,0.4"), 8, "0.06,0.4");
  std::ofstream(tmp.file("posterior.csv")) << posterior;

  const std::string journal = read_text(a + "/" + sweep::journal_name);
  const ProcessResult resumed =
      run_pocsim({"sweep", sweep_file, "--out", a, "--shard", "0/2", "--resume", "--quiet"});
  EXPECT_EQ(resumed.exit_code, 2);
  EXPECT_NE(resumed.err.find("another version of the posterior"), std::string::npos) << resumed.err;
  EXPECT_EQ(read_text(a + "/" + sweep::journal_name), journal) << "nothing ran";

  const ProcessResult merged = run_pocsim({"merge", a, b, "--out", tmp.file("m"), "--quiet"});
  EXPECT_EQ(merged.exit_code, 2);
  EXPECT_NE(merged.err.find("another version of the sweep's posterior"), std::string::npos)
      << merged.err;
  EXPECT_FALSE(fs::exists(tmp.file("m")));
}

// The report of a posterior sweep shows each effect with its two sources of
// uncertainty; another sweep's report shows them with --posterior-sweep (the
// demo), which refuses a sweep without a posterior before writing anything.
TEST_F(PosteriorSweep, ReportShowsTheEffectsWithParameterUncertainty) {
  const std::string section = "Policy effects with parameter uncertainty";
  TempDir tmp;
  const std::string own = tmp.file("own");
  fs::copy(reference(), own, fs::copy_options::recursive);
  const ProcessResult r = run_pocsim({"report", own, "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("failed"), std::string::npos) << r.err;
  const std::string html = read_text(own + "/report.html");
  EXPECT_NE(html.find(section), std::string::npos);
  EXPECT_NE(html.find("id=\"posterior_effect_civilian_deaths_total\""), std::string::npos);
  EXPECT_TRUE(fs::exists(own + "/plots/posterior_effect_civilian_deaths_total.png"));

  // A plain sweep: the same grid without `parameters`.
  std::string plain_text = sweep_text("posterior.csv");
  plain_text.erase(plain_text.find("parameters:"),
                   plain_text.find("axes:") - plain_text.find("parameters:"));
  std::ofstream(tmp.file("plain.yaml")) << plain_text;
  const std::string plain = tmp.file("plain");
  ASSERT_EQ(run_pocsim({"sweep", tmp.file("plain.yaml"), "--out", plain, "--quiet"}).exit_code, 0);
  const ProcessResult refused = run_pocsim({"report", own, "--posterior-sweep", plain, "--quiet"});
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find("this sweep has no posterior"), std::string::npos) << refused.err;
  const ProcessResult with = run_pocsim({"report", plain, "--posterior-sweep", own, "--quiet"});
  ASSERT_EQ(with.exit_code, 0) << with.err;
  const std::string combined = read_text(plain + "/report.html");
  EXPECT_NE(combined.find(section), std::string::npos);
  EXPECT_NE(combined.find("From the sweep over_posterior"), std::string::npos);
}

}  // namespace
}  // namespace pocsim::test
