#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: builds pocsim, runs the demo sweep (flight delay x partner
# withdrawal on the embedded Mali 2022 scenario, 30 runs), then the flight
# delays over draws of the 2022 calibration's posterior
# (scenarios/mali_2022/posterior.csv; 90 runs), and writes the demo's report
# with the flight-delay effect and its parameter uncertainty in it. Results
# land in out/sweeps/demo and out/sweeps/flight_delay_posterior (replaced on
# every call).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh" build -DPOCSIM_BUILD_BENCH=OFF -DPOCSIM_BUILD_TESTS=OFF
cd "$root"
./build/cli/pocsim sweep scenarios/sweeps/demo.yaml --out out/sweeps/demo --force
with_posterior=()
if [[ -f scenarios/mali_2022/posterior.csv ]]; then
  ./build/cli/pocsim sweep scenarios/sweeps/flight_delay_posterior.yaml \
    --out out/sweeps/flight_delay_posterior --force
  ./build/cli/pocsim report out/sweeps/flight_delay_posterior --quiet
  with_posterior=(--posterior-sweep out/sweeps/flight_delay_posterior)
else
  echo "demo.sh: no scenarios/mali_2022/posterior.csv (pocsim calibrate writes it;" \
    "docs/calibration.md): the report has no effects with parameter uncertainty" >&2
fi
./build/cli/pocsim report out/sweeps/demo "${with_posterior[@]}"
echo "Open out/sweeps/demo/report.html; the tables are out/sweeps/demo/{runs,summary,differences}.csv"
if [[ ${#with_posterior[@]} -gt 0 ]]; then
  echo "The flight delays over the posterior: out/sweeps/flight_delay_posterior/{report.html,differences.csv}"
fi
