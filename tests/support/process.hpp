// SPDX-License-Identifier: Apache-2.0
#pragma once
// Running the pocsim binary (or any command) from a test and capturing what it says.
#include <functional>
#include <string>
#include <vector>

namespace pocsim::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  double seconds = 0;        // wall time from start to exit
  long peak_memory_kib = 0;  // the child's peak resident memory (ru_maxrss)
};

// Runs argv[0] with the arguments (no shell), waits, and captures both streams.
ProcessResult run_process(const std::vector<std::string>& argv);

// The same, with `working_dir` as the child's working folder.
ProcessResult run_process_in(const std::string& working_dir, const std::vector<std::string>& argv);

// Runs the pocsim binary built with these tests.
ProcessResult run_pocsim(const std::vector<std::string>& args);

// The same, killed with SIGKILL (exit code 128 + 9 then) as soon as
// `kill_now()` returns true: a crash at a point of the process's work that the
// test chooses by what the process has written (its files are polled about
// every millisecond while it runs). If it ends first, that is its result.
// Nothing here measures time: a process that hangs is stopped by CTest's
// timeout for the whole test.
ProcessResult run_pocsim_killed_when(const std::vector<std::string>& args,
                                     const std::function<bool()>& kill_now);

// Path of a file in the source tree, e.g. source_path("scenarios/mali_2022/baseline.yaml").
std::string source_path(const std::string& relative);

std::string read_text(const std::string& path);

}  // namespace pocsim::test
