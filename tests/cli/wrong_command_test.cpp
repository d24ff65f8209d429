// SPDX-License-Identifier: Apache-2.0
// A file given to the wrong command is named for what it is, with the
// command to use, instead of a list of unknown keys.
#include <gtest/gtest.h>

#include <string>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::test {

TEST(WrongCommand, RunOnASweepFileSaysToUseSweep) {
  TempDir dir;
  const std::string sweep = source_path("scenarios/sweeps/demo.yaml");
  const ProcessResult r = run_pocsim({"run", sweep, "--out", dir.file("out")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("this is a sweep file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("pocsim sweep " + sweep), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("unknown key"), std::string::npos) << r.err;
}

TEST(WrongCommand, SweepOnAScenarioFileSaysToUseRun) {
  TempDir dir;
  for (const char* file :
       {"scenarios/mali_2022/baseline.yaml", "scenarios/mali_2022/flights/72h.yaml"}) {
    const ProcessResult r = run_pocsim({"sweep", source_path(file), "--out", dir.file("out")});
    EXPECT_EQ(r.exit_code, 2) << file;
    EXPECT_NE(r.err.find("this is a scenario file"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("pocsim run " + source_path(file)), std::string::npos) << r.err;
  }
}

}  // namespace pocsim::test
