// SPDX-License-Identifier: Apache-2.0
// `keep_timeseries: all`: every run's daily series in one timeseries.csv.gz,
// with the rows of each run exactly as its own timeseries.csv, in run order,
// byte-identical whatever the number of jobs, and the same after a sweep is
// split into shards and merged.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pocsim/output/gzip.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> text_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Two flight policies x 3 replicates of the 30-day teaching scenario.
std::string kept_series_sweep(TempDir& dir, const std::string& keep) {
  const std::string path = dir.file("series.yaml");
  std::ofstream(path) << "sweep:\n  name: series\n  scenario: "
                      << source_path("scenarios/teaching/flight_delay.yaml")
                      << "\n  replications: 3\n  keep_timeseries: " << keep
                      << "\naxes:\n  - key: flights.delay_hours\n    values: [6, 72]\n";
  return path;
}

}  // namespace

TEST(KeptSeries, EveryRunsDailySeriesInRunOrderWhateverTheJobs) {
  TempDir dir;
  const std::string sweep = kept_series_sweep(dir, "all");
  ProcessResult r =
      run_pocsim({"sweep", sweep, "--out", dir.file("two"), "--jobs", "2", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string packed = read_text(dir.file("two") + "/timeseries.csv.gz");
  EXPECT_FALSE(fs::exists(dir.file("two") + "/timeseries")) << "the pieces are gone once joined";
  const std::vector<std::string> rows = text_lines(gunzip(packed));

  // The rows of run 3 (variant 1, replicate 0) are its sample's rows.
  const std::vector<std::string> sample =
      text_lines(read_text(dir.file("two") + "/samples/1/timeseries.csv"));
  ASSERT_GT(sample.size(), 1u);
  EXPECT_EQ(rows.front(), "run_id,variant_id,replicate," + sample.front());
  const std::size_t per_run = sample.size() - 1;
  ASSERT_EQ(rows.size(), 1 + 6 * per_run) << "a header and every row of 6 runs";
  for (std::size_t i = 1; i < sample.size(); ++i)
    EXPECT_EQ(rows[3 * per_run + i], "3,1,0," + sample[i]) << "row " << i;
  // Run order: run_id never decreases.
  std::string last = "0";
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::string id = rows[i].substr(0, rows[i].find(','));
    EXPECT_LE(std::stoi(last), std::stoi(id));
    last = id;
  }

  r = run_pocsim({"sweep", sweep, "--out", dir.file("one"), "--jobs", "1", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_text(dir.file("one") + "/timeseries.csv.gz"), packed) << "byte-identical";

  // Shards keep their pieces; the merge joins them into the same file.
  for (const char* shard : {"0/2", "1/2"}) {
    r = run_pocsim({"sweep", sweep, "--out", dir.file(std::string("shard") + shard[0]), "--shard",
                    shard, "--quiet"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(fs::exists(dir.file(std::string("shard") + shard[0]) + "/timeseries.csv.gz"));
  }
  r = run_pocsim({"merge", dir.file("shard0"), dir.file("shard1"), "--out", dir.file("merged")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_text(dir.file("merged") + "/timeseries.csv.gz"), packed);
}

TEST(KeptSeries, OffByDefaultAndCheckedWhenSet) {
  TempDir dir;
  ProcessResult r =
      run_pocsim({"sweep", kept_series_sweep(dir, "none"), "--out", dir.file("none"), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir.file("none") + "/timeseries.csv.gz"));
  r = run_pocsim({"validate", kept_series_sweep(dir, "everything")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sweep.keep_timeseries: expected all"), std::string::npos) << r.err;
}

}  // namespace pocsim::test
