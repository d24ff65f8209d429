#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Configures and builds pocsim in BUILD_DIR (default: build) with any extra
# CMake arguments, after installing missing Debian packages.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-build}
shift || true
"$root/tools/install-deps.sh"
cmake -S "$root" -B "$root/$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$root/$build_dir" --parallel "$(nproc)"
