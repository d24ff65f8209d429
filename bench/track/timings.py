# SPDX-License-Identifier: Apache-2.0
"""Wall times: the Google Benchmark suite, with repetitions, as JSON.

Times are the headline a user reads, but on a shared machine they drift
between runs; the repetitions let Google Benchmark's compare.py test a change
with the Mann-Whitney U test instead of reading one number.
"""
import json
import subprocess
import tempfile
from pathlib import Path

# The headline benchmarks, under stable names: one replication of the 2022
# baseline on one thread, the whole population as one agent each, the demo
# sweep's runs per second, the first teaching run, the Epstein model at
# Mesa's size, the civilian phase at a million agents, the world's build and
# a tick with 1,000 to 100,000 units crowding the cells.
HEADLINE = ("^(BM_BaselineYear/threads:1|BM_WholePopulation|BM_SweepRuns/jobs:2|"
            "BM_FirstRunTeaching/threads:1|BM_EpsteinStep/side:40/activation:0/threads:1|"
            "BM_CivilianPhase/civilians:1000000/threads:1|BM_BuildWorld|BM_CrowdedUnits)")


def run_benchmarks(bench_binary, cwd, benchmark_filter=HEADLINE, repetitions=5, log=print):
    """Google Benchmark's JSON for the filtered suite, or None when the
    commit has no benchmark binary or none of the benchmarks."""
    if bench_binary is None or not Path(bench_binary).exists():
        log("bench-track: no benchmark binary at this commit; times not measured")
        return None
    with tempfile.TemporaryDirectory(prefix="bench-track-") as work:
        out = Path(work) / "benchmarks.json"
        argv = [str(bench_binary), f"--benchmark_filter={benchmark_filter}",
                f"--benchmark_repetitions={repetitions}", f"--benchmark_out={out}",
                "--benchmark_out_format=json"]
        log(f"bench-track: {' '.join(argv[1:3])}")
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
        if done.returncode != 0 or not out.exists():
            log(f"bench-track: the benchmarks failed (exit {done.returncode}): "
                + " ".join(done.stderr.strip().splitlines()[-3:]))
            return None
        results = json.loads(out.read_text())
    if not results.get("benchmarks"):
        log("bench-track: no benchmark matched the filter at this commit")
        return None
    return results
