#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds pocsim with its tests and runs them all. Extra arguments go to CMake,
# e.g. tools/test.sh build-asan -DPOCSIM_SANITIZE=ON.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-build-test}
shift || true
"$root/tools/build.sh" "$build_dir" -DPOCSIM_BUILD_TESTS=ON "$@"
cd "$root/$build_dir"
ctest --output-on-failure --parallel "$(nproc)"
