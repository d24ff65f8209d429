// SPDX-License-Identifier: Apache-2.0
#pragma once
// `pocsim sweep` as one rank of an MPI job (`mpirun -n K pocsim sweep FILE`,
// docs/sweeps.md "Under MPI"). Rank 0 does all that a one-process sweep does
// with its folder (checks the sweep file, --resume and --force; owns the
// manifest, the plan, the journal and the tables) and hands the runs out one
// at a time, to whichever rank asks (rank 0 makes runs too), so long and
// short runs balance. Every rank makes its runs on its own threads and sends
// each record back as a journal line, which rank 0 appends. Compiled only
// with -DPOCSIM_MPI=ON.
#include <cstddef>
#include <functional>
#include <string>

#include "pending_runs.hpp"

namespace pocsim::cli {

// Initialises MPI, runs this rank's part and finalises MPI. On rank 0,
// `rank0_command` is the whole sweep command, given the runner that spreads
// the runs over the ranks; it reports bad input itself, once. Every rank
// returns rank 0's exit status. `jobs_per_rank`: runs at a time on each rank.
int sweep_under_mpi(const std::string& sweep_file, std::size_t jobs_per_rank,
                    const std::function<int(const RunPending&)>& rank0_command);

}  // namespace pocsim::cli
