// SPDX-License-Identifier: Apache-2.0
// Inputs that could make pocsim exhaust the machine (issue 26, item 2): a
// device (/dev/zero) or a FIFO named as a scenario, sweep, targets or base
// file, and a file far above the size of any real input (200 MB, one line),
// are refused before they are read: exit 2 within 2 s and under 200 MB of
// memory, with a located message that names the limit. Before, /dev/zero
// ended in std::bad_alloc, the FIFO waited forever, and the large file took
// 51 s and 1.2 GB before the YAML parser refused it. A sweep of 10^12
// planned runs is refused as quickly (it ended in std::bad_alloc after 18 s).
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::test {

namespace {

struct LimitCase {
  std::string name;
  std::vector<std::string> args;  // FOLDER stands for the test's folder
  std::string message;            // what stderr must contain
};

// The folder holds `fifo`, `large.yaml` (200 MB, sparse: only its size is
// looked at) and scenarios whose base is each of them or /dev/zero.
class InputLimits : public ::testing::TestWithParam<LimitCase> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    ASSERT_EQ(::mkfifo(dir_->file("fifo").c_str(), 0600), 0);
    std::ofstream(dir_->file("large.yaml")).close();
    std::filesystem::resize_file(dir_->file("large.yaml"), 200'000'000);
    for (const auto& [name, base] :
         std::vector<std::pair<std::string, std::string>>{{"base_zero.yaml", "/dev/zero"},
                                                          {"base_fifo.yaml", "fifo"},
                                                          {"base_large.yaml", "large.yaml"}})
      std::ofstream(dir_->file(name)) << "base: " << base << "\n";
    // Three axes of 1,000 values and 1,000 replications: 10^12 planned runs.
    std::ofstream trillion(dir_->file("trillion.yaml"));
    trillion << "sweep:\n  name: trillion\n  scenario: " POCSIM_SOURCE_DIR
                "/scenarios/teaching/first_run.yaml\n  replications: 1000\naxes:\n";
    for (const char* key :
         {"flights.delay_hours", "civilians.urban_weight", "response.decision_hours"}) {
      trillion << "  - key: " << key << "\n    values: [";
      for (int v = 0; v < 1000; ++v) trillion << (v ? ", " : "") << v;
      trillion << "]\n";
    }
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static TempDir* dir_;
};

TempDir* InputLimits::dir_ = nullptr;

TEST_P(InputLimits, RefusedAtOnceNamingTheLimit) {
  std::vector<std::string> args;
  for (std::string a : GetParam().args) {
    if (const auto at = a.find("FOLDER"); at != std::string::npos) a.replace(at, 6, dir_->path());
    args.push_back(a);
  }
  const ProcessResult r = run_pocsim(args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 2.0);
  EXPECT_LT(r.peak_memory_kib, 200 * 1024);
  EXPECT_FALSE(std::filesystem::exists(dir_->file("out")));
}

const std::string device = "it is a device, not a regular file";
const std::string fifo = "it is a FIFO, not a regular file";
const std::string large = "it has 200000000 bytes, more than the 4 MiB allowed";

INSTANTIATE_TEST_SUITE_P(
    Inputs, InputLimits,
    ::testing::Values(
        LimitCase{"run_dev_zero",
                  {"run", "/dev/zero", "--out", "FOLDER/out"},
                  "/dev/zero:1:1: error: (file): cannot read the scenario file: " + device},
        LimitCase{"run_fifo",
                  {"run", "FOLDER/fifo", "--out", "FOLDER/out"},
                  "fifo:1:1: error: (file): cannot read the scenario file: " + fifo},
        LimitCase{"run_large",
                  {"run", "FOLDER/large.yaml", "--out", "FOLDER/out"},
                  "large.yaml:1:1: error: (file): cannot read the scenario file: " + large},
        LimitCase{"validate_fifo", {"validate", "FOLDER/fifo"}, fifo},
        LimitCase{"base_dev_zero",
                  {"run", "FOLDER/base_zero.yaml", "--out", "FOLDER/out"},
                  "base_zero.yaml:1:7: error: base: cannot read base file '/dev/zero': " + device},
        LimitCase{"base_fifo",
                  {"validate", "FOLDER/base_fifo.yaml"},
                  "base_fifo.yaml:1:7: error: base: cannot read base file 'fifo': " + fifo},
        LimitCase{"base_large",
                  {"run", "FOLDER/base_large.yaml", "--out", "FOLDER/out"},
                  "base_large.yaml:1:7: error: base: cannot read base file 'large.yaml': " + large},
        LimitCase{"sweep_dev_zero", {"sweep", "/dev/zero", "--out", "FOLDER/out"}, device},
        LimitCase{"sweep_fifo", {"sweep", "FOLDER/fifo", "--out", "FOLDER/out"}, fifo},
        LimitCase{"sweep_of_a_trillion_runs",
                  {"sweep", "FOLDER/trillion.yaml", "--out", "FOLDER/out"},
                  "trillion.yaml:6:3: error: axes: the sweep plans 1,000,000,000,000 runs "
                  "(1,000,000,000 variants x 1,000 runs each), above the limit of 1,000,000 "
                  "runs a sweep may plan"},
        LimitCase{"validate_a_trillion_runs",
                  {"validate", "FOLDER/trillion.yaml"},
                  "the sweep plans 1,000,000,000,000 runs"},
        LimitCase{"targets_fifo",
                  {"check", POCSIM_SOURCE_DIR "/scenarios/teaching/first_run.yaml", "--targets",
                   "FOLDER/fifo"},
                  "fifo:1:1: error: (file): cannot read the targets file: " + fifo}),
    [](const ::testing::TestParamInfo<LimitCase>& limit) { return limit.param.name; });

}  // namespace

}  // namespace pocsim::test
