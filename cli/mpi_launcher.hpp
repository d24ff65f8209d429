// SPDX-License-Identifier: Apache-2.0
#pragma once
// Whether this process was started by an MPI launcher (mpirun, srun), read
// from the variables the launchers set, so that a plain `pocsim sweep` never
// initialises MPI, and a build without MPI can refuse to let every rank of a
// job run the whole sweep into one folder.
#include <cstddef>

namespace pocsim::cli {

// OpenMPI's mpirun (OMPI_COMM_WORLD_SIZE), a PMIx launcher (PMIX_RANK: OpenMPI,
// srun --mpi=pmix) or a PMI one (PMI_SIZE: srun --mpi=pmi2, MPICH's hydra).
bool started_by_mpi_launcher();

// The number of processes the launcher started, as it says; 0 when no
// launcher says (PMIx alone does not put it in the environment).
std::size_t launcher_world_size();

// Whether someone watches this process's stderr on a terminal. Under mpirun a
// rank's stderr is a pipe to the launcher, so this also looks at the stderr
// of the process that started this one (Linux, same node).
bool stderr_reaches_a_terminal();

}  // namespace pocsim::cli
