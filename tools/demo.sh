#!/usr/bin/env bash
# The main job: builds pocsim and runs the embedded Mali 2022 baseline,
# writing its results to out/mali_2022_baseline (replaced on every call).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh" build -DPOCSIM_BUILD_BENCH=OFF -DPOCSIM_BUILD_TESTS=OFF
cd "$root"
./build/cli/pocsim run scenarios/mali_2022/baseline.yaml --out out/mali_2022_baseline --force
echo "Results: out/mali_2022_baseline/{summary.json,timeseries.csv,events.csv,scenario.resolved.yaml}"
