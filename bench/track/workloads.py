# SPDX-License-Identifier: Apache-2.0
"""The instruction-count workloads: whole `pocsim` processes under
`valgrind --tool=callgrind`, on one thread, in a fixed environment.

An instruction count of a deterministic program does not depend on what else
the machine is doing, so a change of 1% is visible where wall times drift by
10-30% on a shared two-core machine. The workloads are small (seconds under
callgrind) so that CI can run them on every commit. Each runs the `pocsim`
command line, the interface that stays stable across commits, so that the
history can be backfilled from old commits.
"""
import contextlib
import fcntl
import re
import shutil
import subprocess
import time
from pathlib import Path

# Start-up, the world, two weeks of hourly ticks of the 2022 baseline at a
# tenth of its agents (255 people per agent, about 90,000), and the outputs.
BASELINE = ["run", "{root}/scenarios/mali_2022/baseline.yaml", "--threads", "1", "--quiet",
            "--out", "{out}", "--set", "civilians.people_per_agent=255",
            "--set", "scenario.duration_days=14"]

# A sweep of four short runs (two levels x two replications) of the first
# teaching scenario: the sweep runner, its journal and tables.
SWEEP_FILE = """sweep:
  name: bench_track
  scenario: {root}/scenarios/teaching/first_run.yaml
  replications: 2
set:
  scenario.duration_days: 10
axes:
  - key: factions.FAMa.abuse_rate
    values: [0.01, 0.02]
"""

WORKLOADS = {
    "baseline_14_days": {"argv": BASELINE},
    "teaching_month": {"argv": ["run", "{root}/scenarios/teaching/first_run.yaml",
                                "--threads", "1", "--quiet", "--out", "{out}"]},
    "epstein_100_steps": {"argv": ["run", "{root}/scenarios/classic/epstein_civil_violence.yaml",
                                   "--threads", "1", "--quiet", "--out", "{out}",
                                   "--set", "steps=100"]},
    "sweep_4_runs": {"argv": ["sweep", "{work}/sweep.yaml", "--jobs", "1", "--quiet",
                              "--out", "{out}"],
                     "files": {"sweep.yaml": SWEEP_FILE}},
}

# Workloads counted inside another one's profile: the instructions of one
# phase, inclusive of what it calls (callgrind_annotate --inclusive=yes).
PHASES = {
    "civilian_phase": {"within": "baseline_14_days", "function": "pocsim::displace_civilians("},
}

NAMES = list(WORKLOADS) + list(PHASES)

# A fixed environment: the count must not depend on who runs it (the
# environment's size moves the stack, the locale changes number parsing).
# And a fixed folder: the engine hashes the paths it is given, so a folder
# named at random (tempfile) moved the sweep workload's count by 0.01% from
# run to run. One process at a time uses it (a lock file beside it).
WORK = Path("/tmp/pocsim-bench-track")
ENVIRONMENT = {"PATH": "/usr/bin:/bin", "LANG": "C", "LC_ALL": "C", "HOME": "/nonexistent"}
TOP_FUNCTIONS = 25
_ANNOTATE_LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*)$")


def _annotate(profile, inclusive=False):
    """(instructions, function) rows of callgrind_annotate, largest first."""
    argv = ["callgrind_annotate", "--threshold=100", str(profile)]
    if inclusive:
        argv.insert(1, "--inclusive=yes")
    text = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    rows = []
    for line in text.splitlines():
        match = _ANNOTATE_LINE.match(line)
        if match and "PROGRAM TOTALS" not in match.group(2):
            rows.append((int(match.group(1).replace(",", "")), _function_name(match.group(2))))
    return rows


def _function_name(annotated):
    """'pocsim::f(int) const' from '???:pocsim::f(int) const [/path/pocsim]':
    the file and the binary's path change between builds, the name does not."""
    name = re.sub(r"\s+\[[^\]]*\]$", "", annotated)
    return name.split(":", 1)[1] if re.match(r"^[^:(]*:", name) else name


def _total(profile):
    for line in Path(profile).read_text(errors="replace").splitlines():
        if line.startswith("totals:") or line.startswith("summary:"):
            return int(line.split()[1])
    raise RuntimeError(f"no total in {profile}")


@contextlib.contextmanager
def _work_folder():
    """WORK/work, empty, held against other bench-track processes."""
    WORK.mkdir(exist_ok=True)
    with open(WORK / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        work = WORK / "work"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        try:
            yield work
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _run_one(pocsim, root, spec, profile, environment):
    with _work_folder() as work:
        values = {"root": str(Path(root).resolve()), "work": str(work), "out": str(work / "out")}
        for file_name, text in spec.get("files", {}).items():
            (work / file_name).write_text(text.format(**values))
        argv = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={profile}",
                str(Path(pocsim).resolve())] + [a.format(**values) for a in spec["argv"]]
        started = time.monotonic()
        done = subprocess.run(argv, cwd=work, env=environment, capture_output=True, text=True)
        seconds = round(time.monotonic() - started, 2)
        if done.returncode != 0:
            tail = "\n".join(done.stderr.strip().splitlines()[-6:])
            return {"status": "failed", "error": f"exit {done.returncode}: {tail}"}
        return {"instructions": _total(profile), "seconds": seconds,
                "top_functions": [{"function": f, "instructions": n}
                                  for n, f in _annotate(profile)[:TOP_FUNCTIONS]]}


def _phase(profile, function):
    rows = [n for n, f in _annotate(profile, inclusive=True) if f.startswith(function)]
    if not rows:
        return {"status": "failed", "error": f"{function} not in the profile"}
    return {"instructions": max(rows),
            "top_functions": [{"function": function.rstrip("("), "instructions": max(rows)}]}


def count_instructions(pocsim, root, profiles_dir, names=None, log=print,
                       environment=None):
    """Runs the workloads with the `pocsim` binary on the scenarios of the
    source tree `root`; keeps each callgrind profile in `profiles_dir` (for
    callgrind_annotate by hand) and returns {workload: result}. The tests
    plant a slowdown through `environment` (default: ENVIRONMENT)."""
    profiles_dir = Path(profiles_dir)
    profiles_dir.mkdir(parents=True, exist_ok=True)
    wanted = names or NAMES
    results = {}
    for name, spec in WORKLOADS.items():
        needed = name in wanted or any(p["within"] == name and n in wanted for n, p in PHASES.items())
        if not needed:
            continue
        results[name] = _run_one(pocsim, root, spec, profiles_dir / f"{name}.callgrind",
                                 environment or ENVIRONMENT)
        log(f"bench-track: {name}: " + (f"{results[name]['instructions']:,} instructions"
                                        if "instructions" in results[name]
                                        else results[name]["error"].splitlines()[0]))
    for name, phase in PHASES.items():
        if name not in wanted:
            continue
        within = results.get(phase["within"], {})
        results[name] = (_phase(profiles_dir / f"{phase['within']}.callgrind", phase["function"])
                         if "instructions" in within
                         else {"status": "failed", "error": f"{phase['within']} failed"})
    return {name: results[name] for name in NAMES if name in wanted and name in results}
