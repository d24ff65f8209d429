# SPDX-License-Identifier: Apache-2.0
"""Ctrl-C (SIGINT) stops a run or a sweep before its end, as KeyboardInterrupt, and the
interpreter goes on: a child process makes a long run or sweep, the test sends it SIGINT once
the child reports progress, and the child says where the work stopped and whether the module
still works. The checks are on what the program reports, never on durations (CTest's
TIMEOUT bounds a child that would not stop)."""
import json
import signal
import subprocess
import sys

from conftest import source

CHILD = r"""
import json, sys
import pocsim
what, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
last = {}
def report(done, total):
    last.update(done=done, total=total)
    print(f"progress {done} {total}", flush=True)
try:
    if what == "run":
        pocsim.run(pocsim.load(path, set={"scenario.duration_days": 3000}), threads=1,
                   progress=report)
    else:
        pocsim.sweep(path, out=out, jobs=1, progress=report)
    outcome = "finished"
except KeyboardInterrupt:
    outcome = "KeyboardInterrupt"
# The interpreter and the module still work.
again = pocsim.run(%r, seed=2).summary["civilian_deaths"]["total"]
print(json.dumps({"outcome": outcome, "again": again, **last}), flush=True)
""" % str(source("scenarios/teaching/first_run.yaml"))


def interrupt(what, path, out, once_done):
    """Runs the child; SIGINT once it reports `once_done` (days or runs) done. Its last report."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, what, str(path), str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in child.stdout:
        fields = line.split()
        if fields[0] == "progress" and int(fields[1]) >= once_done:
            child.send_signal(signal.SIGINT)
            break
    stdout, stderr = child.communicate()
    assert child.returncode == 0, stderr
    return json.loads(stdout.strip().splitlines()[-1])


def test_ctrl_c_stops_a_run_before_its_end(tmp_path):
    report = interrupt("run", source("scenarios/mali_2022/baseline.yaml"), tmp_path, once_done=5)
    assert report["outcome"] == "KeyboardInterrupt"
    assert 5 <= report["done"] < report["total"] == 3000  # where the run stopped
    assert report["again"] > 0


def test_ctrl_c_stops_a_sweep_and_keeps_its_finished_runs(tmp_path):
    sweep_file = tmp_path / "long.yaml"
    sweep_file.write_text(
        "sweep:\n  name: long\n  scenario: %s\n  replications: 40\n"
        "axes:\n  - name: delay\n    variants:\n"
        "      - {name: d0, set: {flights.delay_hours: 0}}\n"
        "      - {name: d72, set: {flights.delay_hours: 72}}\n"
        % source("scenarios/mali_2022/baseline.yaml"))
    out = tmp_path / "out"
    report = interrupt("sweep", sweep_file, out, once_done=2)
    assert report["outcome"] == "KeyboardInterrupt"
    journal = (out / "runs.journal").read_text().splitlines()
    assert 2 <= len(journal) < 80  # the runs finished before, not all
    assert all(json.loads(line)["ok"] for line in journal)  # none recorded as failed
    assert not (out / "summary.csv").exists()
