#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The overhead of the Python module: pocsim.run against `pocsim run` on the baseline year,
seed 7, one thread.

    /usr/bin/python3 bench/python_overhead.py [BUILD_DIR] [REPEATS]   # default build, 7

Each repeat times, in an order that alternates from repeat to repeat (so that a busy spell
of a shared machine falls on each in turn):
  cli       `pocsim run baseline --seed 7 --threads 1 --quiet --force --out DIR`, the whole
            process (start, load, run, the four files written);
  run       pocsim.load + pocsim.run in this interpreter (the module imported once before);
  run+save  the same and Result.save(DIR), the four files `pocsim run` writes.
It prints every repeat, the medians and the median over repeats of each ratio to cli
(module / command: 1.00 is no overhead). docs/performance.md records a result.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / (sys.argv[1] if len(sys.argv) > 1 else "build")
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 7
SCENARIO = ROOT / "scenarios" / "mali_2022" / "baseline.yaml"
SEED = 7

sys.path.insert(0, str(BUILD / "python"))
import pocsim  # noqa: E402


def time_cli(out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([BUILD / "cli" / "pocsim", "run", SCENARIO, "--seed", str(SEED), "--threads", "1",
                    "--quiet", "--force", "--out", out], check=True)
    return time.perf_counter() - started


def time_module(out: Path, save: bool) -> float:
    started = time.perf_counter()
    result = pocsim.run(pocsim.load(SCENARIO), seed=SEED, threads=1)
    if save:
        result.save(out, force=True)
    return time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        kinds = {"cli": lambda: time_cli(out / "cli"),
                 "run": lambda: time_module(out / "run", save=False),
                 "run+save": lambda: time_module(out / "module", save=True)}
        kinds["cli"]()  # warm the disk cache and the module's first-call costs
        kinds["run"]()
        times = {kind: [] for kind in kinds}
        for repeat in range(REPEATS):
            order = list(kinds) if repeat % 2 == 0 else list(reversed(kinds))
            for kind in order:
                times[kind].append(kinds[kind]())
            print(f"repeat {repeat}: " + ", ".join(f"{k} {times[k][-1]:.3f} s" for k in kinds),
                  flush=True)
    for kind in kinds:
        print(f"median {kind}: {statistics.median(times[kind]):.3f} s")
    for kind in ("run", "run+save"):
        ratios = [m / c for m, c in zip(times[kind], times["cli"])]
        print(f"{kind} / cli: median ratio {statistics.median(ratios):.3f} "
              f"(range {min(ratios):.3f}-{max(ratios):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
