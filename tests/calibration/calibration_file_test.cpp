// SPDX-License-Identifier: Apache-2.0
// Reading calibration files; the malformed files of tests/data/bad_calibrations
// are covered end to end by tests/cli/validate_test.cpp, which also runs
// `pocsim calibrate` on each. The limit on simulations is checked here too:
// a mutant that lifts it would make that end-to-end run start the
// calibration it should refuse.
#include "pocsim/calibration/calibration_file.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/process.hpp"

namespace pocsim::calibration {
namespace {

std::string errors_of(const std::string& name) {
  const CalibrationLoadResult r =
      load_calibration(test::source_path("tests/data/bad_calibrations/" + name));
  EXPECT_FALSE(r.calibration);
  std::string errors;
  for (const auto& d : r.diagnostics.items()) errors += d.to_string() + "\n";
  return errors;
}

TEST(CalibrationFile, MoreSimulationsThanTheLimitAreRefusedWithTheirCount) {
  const std::string errors = errors_of("too_many_simulations.yaml");
  EXPECT_NE(errors.find(":10:3: error: history_matching: the calibration may make 200,000,000 "
                        "simulations (1000 waves of 100000 points x 2 replications), above the "
                        "limit of 1,000,000"),
            std::string::npos)
      << errors;
  // The shipped calibrations are within it.
  for (const char* shipped :
       {"scenarios/mali_2022/calibration.yaml", "scenarios/teaching/calibration.yaml"})
    EXPECT_TRUE(load_calibration(test::source_path(shipped)).calibration) << shipped;
}

}  // namespace
}  // namespace pocsim::calibration
