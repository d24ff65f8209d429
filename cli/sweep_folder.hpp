// SPDX-License-Identifier: Apache-2.0
#pragma once
// A sweep made in its folder, all but how its runs are made: the sweep file
// checked, the folder opened (resume, force), the plan, journal, tables and
// manifest written. `pocsim sweep` and the Python module's pocsim.sweep share
// it, so that both write the same folder.
#include <cstddef>
#include <iostream>
#include <string>

#include "pending_runs.hpp"
#include "pocsim/core/stop_request.hpp"
#include "pocsim/sweep/sweep_directory.hpp"

namespace pocsim::cli {

struct SweepFolderOptions {
  std::string file;
  std::string out;  // empty: out/sweeps/NAME
  sweep::Shard shard;
  bool resume = false;
  bool force = false;
  bool quiet = false;
};

// Says what is wrong with the input on `messages` and returns exit_bad_input.
int sweep_input_error(const std::string& message, std::ostream& messages = std::cerr);

// The whole sweep in this process, or on rank 0 of an MPI job, with
// `run_pending` making the runs; the progress line goes to the terminal when
// `on_terminal`. Returns the exit status; errors go to `messages`.
int sweep_in_folder(const SweepFolderOptions& o, const RunPending& run_pending, bool on_terminal,
                    std::ostream& messages = std::cerr);

// The runs on TBB in this process, `jobs` at a time (0: every core); once
// `stop` is requested they throw Stopped (sweep/sweep_runner.hpp).
RunPending runs_in_this_process(std::size_t jobs, const StopRequest* stop = nullptr);

}  // namespace pocsim::cli
