#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds pocsim under ThreadSanitizer in BUILD_DIR (default build-tsan) and
# runs the tests of its parallel code there; extra arguments go to CMake.
# Not in CI, which has no time left for it: tools/release-checks.sh runs it
# before each release, and docs/testing.md ("ThreadSanitizer") records its
# last result.
#
# The tests, chosen because they run the engine's threads, not because they
# check races themselves (TSan does, in every process they start):
#   - the tick's parallel phases: the serial and the TBB paths of a run
#     (Simulation.SerialReferenceAndParallelPath*, Executor.*), `pocsim run`
#     of the baseline year at 1, 2 and 4 threads
#     (BaselineRun.AnyThreadCount*), the Epstein model at 4 threads;
#   - the sweep runner at two jobs (SweepRunner.*, StopRequest.*) and
#     `pocsim sweep --jobs 2`, whole and killed and resumed (Sweep.SameRuns*,
#     Sweep.Killed*), with the daily series kept (KeptSeries.EveryRuns*);
#   - replications: `pocsim check --jobs 2` (Check.AnyNumberOfJobs*) and the
#     calibration at --jobs 2 that Calibrate.* share (one of its tests reads it);
#   - result files written from several threads at once (AtomicFiles.*).
# Left out: the MPI build's threads of a rank (cli/run_slots.cpp; the MPI
# tests need mpirun, which this build leaves out) and `pocsim serve`.
#
# A report fails the run twice over: the process that saw it exits 66
# (halt_on_error), which fails its test, and every report is also written
# under BUILD_DIR/tsan-reports, which must be empty at the end. The engine
# and the binary are instrumented, the tests' own code is not
# (cmake/PocsimSanitizers.cmake); -O1 -g1 as in tools/sanitize.sh.
#
# TBB is instrumented too. TSan sees only the synchronisation of instrumented
# code and of the calls it intercepts; with Debian's libtbb, built without
# it, the hand-over of every task from the thread that spawns it to the one
# that runs it was invisible, and the eight unit tests below alone gave 286
# reports, on TBB's task objects and on the engine's data in loop bodies,
# none with an instrumented TBB. So the script builds oneTBB itself with
# TBB_SANITIZE=thread into BUILD_DIR/tbb, and pocsim against it: from
# POCSIM_TBB_SOURCE, a oneTBB source tree, or else from Debian's own source
# package of the installed libtbb-dev (`apt-get source onetbb=VERSION`, with
# Debian's patches; deb-src lines made from the machine's deb lines, in an
# apt state of its own under BUILD_DIR/apt-src), fetched once.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-build-tsan}
shift || true
build="$root/$build_dir"
flags="-O1 -g1 -DNDEBUG"

"$root/tools/install-deps.sh"
tbb_package_version=$(dpkg-query -W -f='${Version}' libtbb-dev)  # 2021.8.0-2+deb12u1
tbb_source=${POCSIM_TBB_SOURCE:-$build/onetbb-${tbb_package_version%%-*}}
if [ ! -f "$tbb_source/CMakeLists.txt" ]; then
  apt_state="$build/apt-src"
  mkdir -p "$apt_state/parts" "$apt_state/lists/partial"
  for f in /etc/apt/sources.list.d/*.sources; do
    if [ -f "$f" ]; then sed 's/^Types:.*/Types: deb-src/' "$f" >"$apt_state/parts/${f##*/}"; fi
  done
  : >"$apt_state/sources.list"
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    if [ -f "$f" ]; then sed -n 's/^deb /deb-src /p' "$f" >>"$apt_state/sources.list"; fi
  done
  apt_options=(-o "Dir::Etc::SourceList=$apt_state/sources.list"
               -o "Dir::Etc::SourceParts=$apt_state/parts" -o "Dir::State::Lists=$apt_state/lists")
  apt-get "${apt_options[@]}" update -qq
  (cd "$build" && apt-get "${apt_options[@]}" source -qq "onetbb=$tbb_package_version")
fi
cmake -S "$tbb_source" -B "$build/tbb-build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$flags" -DTBB_SANITIZE=thread -DTBB_TEST=OFF -DTBB_STRICT=OFF \
  -DTBBMALLOC_BUILD=OFF -DTBB_DISABLE_HWLOC_AUTOMATIC_SEARCH=ON "-DCMAKE_INSTALL_PREFIX=$build/tbb" \
  >/dev/null
cmake --build "$build/tbb-build" --parallel "$(nproc)"
cmake --install "$build/tbb-build" >/dev/null

"$root/tools/build.sh" "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$flags" "-DTBB_DIR=$build/tbb/lib/cmake/TBB" \
  -DPOCSIM_BUILD_TESTS=ON -DPOCSIM_TSAN=ON -DPOCSIM_SANITIZE=OFF -DPOCSIM_BUILD_BENCH=OFF \
  -DPOCSIM_MPI=OFF -DPOCSIM_UNITY_BUILD=ON -DPOCSIM_UNITY_BUILD_TESTS=ON "$@"

reports="$build/tsan-reports"
rm -rf "$reports"
mkdir -p "$reports"
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 log_path=$reports/tsan"

unit_tests='Simulation.SerialReferenceAndParallelPathGiveIdenticalResults:Executor.*'
unit_tests+=':EpsteinModel.SynchronousRunIsTheSameSeriallyAndInParallel'
unit_tests+=':SweepRunner.*:StopRequest.*:AtomicFiles.*'
cli_tests='BaselineRun.AnyThreadCountGivesByteIdenticalResults'
cli_tests+=':Sweep.SameRunsForAnyJobsAndForMergedShards:Sweep.KilledAtAnyPointAndResumedGivesTheSameRuns'
cli_tests+=':KeptSeries.EveryRunsDailySeriesInRunOrderWhateverTheJobs'
cli_tests+=':Check.AnyNumberOfJobsGivesTheSameOutput:Calibrate.PosteriorFollowsTheContract'

status=0
cd "$build"
tests/pocsim_tests --gtest_filter="$unit_tests" || status=1
tests/pocsim_cli_tests --gtest_filter="$cli_tests" || status=1
if [ -n "$(ls -A "$reports")" ]; then
  echo "tsan.sh: ThreadSanitizer reports in $reports:" >&2
  cat "$reports"/* >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "tsan.sh: no ThreadSanitizer report" >&2
exit "$status"
