#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The release checks: what CI leaves out for time (docs/testing.md, "CI and
# the release checks"), run before a version is tagged.
#   1. The whole suite in a plain build, with the release tests
#      (POCSIM_RELEASE_CHECKS: the suites named Release*).
#   2. The whole suite under the sanitizers, with the statistical tests that
#      CI's sanitizer pass leaves out (all but the full baseline years).
#   3. The parallel code's tests under ThreadSanitizer (tools/tsan.sh), which
#      CI has no time for.
#   4. Every mutant of tests/mutants/, not CI's sample of four.
# About an hour on two cores, and phase 3 about 12 minutes more (docs/testing.md,
# "ThreadSanitizer"). Each phase prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
phase() { echo "release checks: $1 took $((SECONDS - phase_start)) s (total $SECONDS s)" >&2; phase_start=$SECONDS; }
phase_start=$SECONDS
./tools/test.sh build-release-checks -DPOCSIM_RELEASE_CHECKS=ON
phase "tests with the release tests (Release, MPI)"
./tools/sanitize.sh build-release-checks-asan -DPOCSIM_RELEASE_CHECKS=ON
phase "tests (sanitizers, every statistical test)"
./tools/tsan.sh build-release-checks-tsan
phase "parallel tests (ThreadSanitizer)"
./tools/mutants.sh --all
phase "every mutant"
