// SPDX-License-Identifier: Apache-2.0
#pragma once
// Running the pocsim binary (or any command) from a test and capturing what it says.
#include <string>
#include <vector>

namespace pocsim::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs argv[0] with the arguments (no shell), waits, and captures both streams.
ProcessResult run_process(const std::vector<std::string>& argv);

// The same, with `working_dir` as the child's working folder.
ProcessResult run_process_in(const std::string& working_dir, const std::vector<std::string>& argv);

// Runs the pocsim binary built with these tests.
ProcessResult run_pocsim(const std::vector<std::string>& args);

// The same, killed with SIGKILL after `milliseconds` if it is still running
// (exit code 128 + 9 then): a crash at a moment of the test's choosing.
ProcessResult run_pocsim_killed_after(const std::vector<std::string>& args, int milliseconds);

// Path of a file in the source tree, e.g. source_path("scenarios/mali_2022/baseline.yaml").
std::string source_path(const std::string& relative);

std::string read_text(const std::string& path);

}  // namespace pocsim::test
