// SPDX-License-Identifier: Apache-2.0
#pragma once
// The seam of `pocsim sweep` between deciding which runs are still to do
// (the sweep file checked, the folder opened, --resume and --force applied:
// sweep_command.cpp) and making them: on TBB in this process, or handed out
// to the ranks of an MPI job (mpi_sweep.cpp).
#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "pocsim/sweep/plan.hpp"
#include "pocsim/sweep/run_journal.hpp"
#include "pocsim/sweep/sweep_file.hpp"
#include "pocsim/sweep/sweep_runner.hpp"
#include "sweep_progress.hpp"

namespace pocsim::cli {

struct PendingRuns {
  const sweep::SweepFile& file;
  const sweep::SweepPlan& plan;
  std::filesystem::path folder;  // the sweep directory, absolute
  std::vector<std::size_t> ids;  // the runs to make, in run-id order
  sweep::RunJournal& journal;    // every finished run goes here
  SweepProgress& progress;       // one step per finished run
  bool quiet = false;
};

// Makes the pending runs; returns when each has its record in the journal.
using RunPending = std::function<void(const PendingRuns&)>;

// The run function of a sweep in `folder`: replicate 0 of each variant keeps
// its run folder in samples/ (grid designs with keep_samples), every run its
// daily series when the sweep keeps them; each run stops once `stop` is
// requested.
inline sweep::ScenarioRuns scenario_runs_in(const sweep::SweepFile& file,
                                            const sweep::SweepPlan& plan,
                                            const std::filesystem::path& folder,
                                            const StopRequest* stop = nullptr) {
  return {file, plan, file.keep_samples ? folder / "samples" : std::filesystem::path(), folder,
          stop};
}

}  // namespace pocsim::cli
