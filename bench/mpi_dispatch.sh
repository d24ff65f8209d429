#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The dispatch overhead of the MPI sweep: the run rate of `mpirun -n 2` (one
# run at a time per rank) against `mpirun -n 1`, and of plain `--jobs 1` and
# `--jobs 2`, on a sweep of many short runs (240 runs of 150 days of the
# flight-delay teaching scenario, about 50 ms each on one core, nothing kept
# but the journal and the tables).
#
#   bench/mpi_dispatch.sh [BUILD_DIR] [REPEATS]     # default build-test, 5
#
# BUILD_DIR holds a build with -DPOCSIM_MPI=ON (tools/test.sh makes one).
# Each repeat times the four commands once, in an order that rotates from
# repeat to repeat, so that a busy spell of a shared machine falls on each
# in turn. Two rates: runs per second of the whole command (mpirun's start,
# MPI_Init, the sweep file's checks and the tables included), and runs per
# second while the runs are made: from plan.csv (written once, just before
# the first run is handed out) to the last line of runs.journal, which is
# what dispatching costs. It prints every repeat and the medians, and the
# median over repeats of the ratios within a repeat (-n 2 / -n 1, ...).
# docs/performance.md records a result.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-build-test}
repeats=${2:-5}
pocsim="$root/$build_dir/cli/pocsim"
[ -x "$pocsim" ] || { echo "mpi_dispatch.sh: no $pocsim; build first" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=240
cat >"$work/dispatch.yaml" <<EOF
sweep:
  name: dispatch
  scenario: $root/scenarios/teaching/flight_delay.yaml
  replications: 60
  keep_samples: false
set:
  scenario.duration_days: 150
axes:
  - key: flights.delay_hours
    values: [0, 24, 72, 168]
EOF

mpirun=(mpirun)
[ "$(id -u)" -eq 0 ] && mpirun+=(--allow-run-as-root)
export OMPI_MCA_btl_tcp_if_include=lo OMPI_MCA_oob_tcp_if_include=lo

# Nanoseconds the command took (wall clock), then nanoseconds from plan.csv
# to the journal's last write.
nanoseconds() {
  local out="$work/out" start end
  rm -rf "$out"
  start=$(date +%s%N)
  case "$1" in
    jobs1) "$pocsim" sweep "$work/dispatch.yaml" --out "$out" --jobs 1 --quiet ;;
    jobs2) "$pocsim" sweep "$work/dispatch.yaml" --out "$out" --jobs 2 --quiet ;;
    mpi1) "${mpirun[@]}" -n 1 "$pocsim" sweep "$work/dispatch.yaml" --out "$out" --quiet ;;
    mpi2) "${mpirun[@]}" -n 2 "$pocsim" sweep "$work/dispatch.yaml" --out "$out" --quiet ;;
  esac
  end=$(date +%s%N)
  [ "$(grep -c . "$out/runs.journal")" -eq "$runs" ] || { echo "$1: runs missing" >&2; exit 1; }
  echo $((end - start)) $(($(stat -c %.9Y "$out/runs.journal" | tr -d .) - \
    $(stat -c %.9Y "$out/plan.csv" | tr -d .)))
}

modes=(jobs1 jobs2 mpi1 mpi2)
results="$work/results.txt"
for ((r = 0; r < repeats; r++)); do
  declare -A took=()
  for ((k = 0; k < 4; k++)); do
    mode=${modes[$(((k + r) % 4))]}
    took[$mode]=$(nanoseconds "$mode")
  done
  echo ${took[jobs1]} ${took[jobs2]} ${took[mpi1]} ${took[mpi2]} >>"$results"
done

/usr/bin/python3 - "$results" "$runs" <<'EOF'
import statistics, sys
runs = int(sys.argv[2])
modes = ["jobs1", "jobs2", "mpi1", "mpi2"]
# Per line: whole and running nanoseconds of each mode, in the order above.
lines = [list(map(int, line.split())) for line in open(sys.argv[1])]
for title, offset in (("whole command", 0), ("while the runs are made", 1)):
    rows = [[runs / (line[2 * m + offset] * 1e-9) for m in range(4)] for line in lines]
    print(f"runs/s, {title}")
    print(f"{'repeat':<7} " + " ".join(f"{m:>8}" for m in modes))
    for k, row in enumerate(rows, 1):
        print(f"{k:<7} " + " ".join(f"{x:8.2f}" for x in row))
    print(f"{'median':<7} " + " ".join(f"{statistics.median(c):8.2f}" for c in zip(*rows)))
    for a, b in ((3, 2), (1, 0), (2, 0), (3, 1)):
        ratios = [r[a] / r[b] for r in rows]
        print(f"  {modes[a]} / {modes[b]}: median {statistics.median(ratios):.2f} "
              f"(each repeat: {', '.join(f'{x:.2f}' for x in ratios)})")
EOF
