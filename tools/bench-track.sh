#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The benchmark history (bench/track/, docs/performance.md): measure commits
# (times of the headline benchmarks with repetitions, instruction counts of
# fixed workloads under callgrind) into bench/history/, compare two, check
# this commit against the history, draw the history page.
#
#   tools/bench-track.sh                   measure the working tree (recorded when clean)
#   tools/bench-track.sh COMMIT...         measure commits, each built in .bench-track/
#   tools/bench-track.sh --compare A B     every benchmark's change with its p-value,
#                                          every workload's instruction count
#   tools/bench-track.sh --show COMMIT     one result as Markdown tables
#   tools/bench-track.sh --check           CI: this commit's counts against the history
#   tools/bench-track.sh --report DIR      DIR/index.html: the history, one plot per benchmark
#   tools/bench-track.sh --backfill        measure a sample of main's past
#   tools/bench-track.sh --help            every option
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/install-deps.sh" bench
exec /usr/bin/python3 "$root/bench/track/bench_track.py" "$@"
