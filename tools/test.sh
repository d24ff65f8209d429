#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds pocsim with its tests and runs them all. Extra arguments go to CMake,
# e.g. tools/test.sh build-asan -DPOCSIM_SANITIZE=ON.
#
# The build includes MPI (-DPOCSIM_MPI=ON, Debian's OpenMPI), so that the
# tests of `mpirun -n 3 pocsim sweep` (tests/mpi/) run too; the extra
# arguments come after it, so -DPOCSIM_MPI=OFF leaves MPI out again. The
# test binaries compile in batches (POCSIM_UNITY_BUILD_TESTS), which saves
# about a minute and a half of a clean build on two cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-build-test}
shift || true
"$root/tools/install-deps.sh" mpi slurm web bench
"$root/tools/build.sh" "$build_dir" -DPOCSIM_BUILD_TESTS=ON -DPOCSIM_MPI=ON \
  -DPOCSIM_UNITY_BUILD_TESTS=ON "$@"
cd "$root/$build_dir"
ctest --output-on-failure --parallel "$(nproc)"
