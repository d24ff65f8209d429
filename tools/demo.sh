#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: builds pocsim, runs the demo sweep (flight delay x partner
# withdrawal on the embedded Mali 2022 scenario, 30 runs) and writes its
# report. Results land in out/sweeps/demo (replaced on every call).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh" build -DPOCSIM_BUILD_BENCH=OFF -DPOCSIM_BUILD_TESTS=OFF
cd "$root"
./build/cli/pocsim sweep scenarios/sweeps/demo.yaml --out out/sweeps/demo --force
./build/cli/pocsim report out/sweeps/demo
echo "Open out/sweeps/demo/report.html; the tables are out/sweeps/demo/{runs,summary,differences}.csv"
