# SPDX-License-Identifier: Apache-2.0
"""Ctrl-C (SIGINT) stops a run or a sweep soon, as KeyboardInterrupt, and the interpreter goes on:
a child process runs a long run, gets SIGINT, and says what happened next."""
import json
import os
import signal
import subprocess
import sys
import time

from conftest import source

CHILD = r"""
import json, sys, time
import pocsim
what, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
print("started", flush=True)
began = time.monotonic()
try:
    if what == "run":
        pocsim.run(pocsim.load(path, set={"scenario.duration_days": 3000}), threads=1)
    else:
        pocsim.sweep(path, out=out, jobs=1, progress=False)
    outcome = "finished"
except KeyboardInterrupt:
    outcome = "KeyboardInterrupt"
stopped_after = time.monotonic() - began
# The interpreter and the module still work.
again = pocsim.run("%s", seed=2).summary["civilian_deaths"]["total"]
print(json.dumps({"outcome": outcome, "stopped_after": stopped_after, "again": again}), flush=True)
""" % source("scenarios/teaching/first_run.yaml")


def interrupt(what, path, out, after_seconds=1.0):
    """Starts the child, sends SIGINT once it has run `after_seconds`; its report and status."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, what, str(path), str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=dict(os.environ))
    assert child.stdout.readline().strip() == "started"
    time.sleep(after_seconds)
    sent = time.monotonic()
    child.send_signal(signal.SIGINT)
    stdout, stderr = child.communicate(timeout=60)
    return json.loads(stdout.strip().splitlines()[-1] if stdout.strip() else "{}"), \
        time.monotonic() - sent, child.returncode, stderr


def test_ctrl_c_stops_a_run_soon(tmp_path):
    # 3000 days of the baseline take over 10 s: only an interrupt ends it in time.
    report, seconds, status, stderr = interrupt("run", source("scenarios/mali_2022/baseline.yaml"),
                                                tmp_path)
    assert status == 0, stderr
    assert report["outcome"] == "KeyboardInterrupt"
    assert report["stopped_after"] < 5.0
    assert seconds < 5.0
    assert report["again"] >= 0


def test_ctrl_c_stops_a_sweep_and_keeps_its_finished_runs(tmp_path):
    sweep_file = tmp_path / "long.yaml"
    sweep_file.write_text(
        "sweep:\n  name: long\n  scenario: %s\n  replications: 40\n"
        "axes:\n  - name: delay\n    variants:\n"
        "      - {name: d0, set: {flights.delay_hours: 0}}\n"
        "      - {name: d72, set: {flights.delay_hours: 72}}\n"
        % source("scenarios/mali_2022/baseline.yaml"))
    out = tmp_path / "out"
    report, seconds, status, stderr = interrupt("sweep", sweep_file, out, after_seconds=2.0)
    assert status == 0, stderr
    assert report["outcome"] == "KeyboardInterrupt"
    assert seconds < 5.0
    journal = (out / "runs.journal").read_text().splitlines()
    assert 0 < len(journal) < 80  # some runs finished, not all
    assert all(json.loads(line)["ok"] for line in journal)  # none recorded as failed
    assert not (out / "summary.csv").exists()
