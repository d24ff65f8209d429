#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""A sweep through a real Slurm: brings up a one-node cluster on this machine
(tools/slurm/local_cluster.py), submits tests/slurm/teaching_sweep.yaml as a
three-shard job array and its merge job through tools/slurm/submit_sweep.sh,
and checks that the merged runs.csv (rows sorted), summary.csv and
differences.csv are the bytes of one process's `pocsim sweep --jobs 1`;
then has task 1 of a second array die, and checks that resubmitting it
(submit_sweep.sh --tasks 1) with a new merge gives the same tables.
With --mpi (a build with POCSIM_MPI=ON), it also submits
tools/slurm/sweep_mpi.sbatch with three ranks, under mpirun and under
srun --mpi=pmix, and checks the same files.

Exit status: 0 passed, 1 failed, 77 skipped (CTest's SKIP_RETURN_CODE): only
when the cluster cannot start here, and never when POCSIM_REQUIRE_SLURM=1,
which makes that a failure too (CI sets it). It prints how long Slurm took
to start each task, the dispatch figures of docs/cluster.md.

    tests/slurm/slurm_sweep_test.py --pocsim build-test/cli/pocsim [--mpi]
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(SOURCE / "tools" / "slurm"))
from local_cluster import ClusterDidNotStart, LocalSlurmCluster  # noqa: E402

SWEEP = SOURCE / "tests" / "slurm" / "teaching_sweep.yaml"
SHARDS = 3
RANKS = 3
# Every job of the test must be done by then: well inside the CTest TIMEOUT
# (600 s), so that a hung job is torn down here rather than killed there.
JOBS_DEADLINE = time.monotonic() + 420
SKIP = 77


class Failure(Exception):
    pass


def header_then_sorted_rows(text):
    lines = text.splitlines(keepends=True)
    return lines[:1] + sorted(lines[1:])


def tables_match(reference, candidate, what):
    """runs.csv with its rows sorted (its header first), the other tables as
    bytes: what a sweep in one process wrote."""
    for name in ("runs.csv", "summary.csv", "differences.csv"):
        expected, got = reference / name, candidate / name
        if not got.exists():
            raise Failure(f"{what}: no {got}")
        a, b = expected.read_bytes(), got.read_bytes()
        if name == "runs.csv":
            a, b = header_then_sorted_rows(a), header_then_sorted_rows(b)
        else:
            a, b = a.splitlines(keepends=True), b.splitlines(keepends=True)
        if a != b:
            first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            raise Failure(f"{what}: {name} differs from the one-process sweep's "
                          f"({len(b)} lines against {len(a)}), first at line {first + 1}:\n"
                          f"  expected {a[first][:200] if first < len(a) else '(end)'!r}\n"
                          f"  got      {b[first][:200] if first < len(b) else '(end)'!r}")
    print(f"ok: {what}: runs.csv (rows sorted), summary.csv and differences.csv match")


def wait_for_jobs(cluster, job_ids, logs):
    """Until none of the jobs is queued or running; a merge that can never
    start (a task failed) or the deadline is a failure."""
    queue = ""
    while time.monotonic() < JOBS_DEADLINE:
        queue = cluster.run(["squeue", "-h", "-j", ",".join(job_ids), "-o", "%i %T %r"]).stdout.strip()
        if not queue:
            return
        if "DependencyNeverSatisfied" in queue:
            raise Failure(f"a job that the merge waits for failed:\n{queue}\n{log_tails(logs)}")
        time.sleep(0.5)
    raise Failure(f"jobs still queued at the test's deadline:\n{queue}\n{log_tails(logs)}")


def job_records(cluster, job_id):
    """scontrol's record of a job, or of each task of an array: key=value fields."""
    out = cluster.run(["scontrol", "-o", "show", "job", job_id]).stdout
    return [dict(f.split("=", 1) for f in line.split() if "=" in f) for line in out.splitlines()]


def expect_completed(cluster, job_id, tasks, logs):
    records = job_records(cluster, job_id)
    if len(records) != tasks:
        raise Failure(f"job {job_id}: scontrol shows {len(records)} records, expected {tasks}")
    for r in records:
        if r.get("JobState") != "COMPLETED" or r.get("ExitCode") != "0:0":
            raise Failure(f"job {r.get('JobId')} task {r.get('ArrayTaskId', '-')}: "
                          f"{r.get('JobState')}, exit {r.get('ExitCode')}\n{log_tails(logs)}")
    return records


def log_tails(folder):
    return "\n".join(f"--- {log} ---\n" + "\n".join(log.read_text(errors="replace").splitlines()[-15:])
                     for log in sorted(Path(folder).glob("*.log")))


def stamp(log, word):
    """The epoch seconds the sbatch scripts print after `start` or `done`."""
    m = re.search(rf"\b{word} (\d+\.\d+)", Path(log).read_text())
    return float(m.group(1)) if m else float("nan")


def submit_sweep(cluster, pocsim, out, *options):
    """tools/slurm/submit_sweep.sh with POCSIM set; the array's and the merge's job ids."""
    submit = subprocess.run([SOURCE / "tools" / "slurm" / "submit_sweep.sh", "--shards", str(SHARDS),
                             *options, SWEEP, out], env=dict(cluster.env, POCSIM=str(pocsim)),
                            capture_output=True, text=True, timeout=60)
    print(submit.stdout, end="")
    if submit.returncode != 0:
        raise Failure(f"submit_sweep.sh exited with {submit.returncode}:\n{submit.stderr}")
    array_job = re.search(r"^array job (\d+):", submit.stdout, re.M)
    merge_job = re.search(r"^merge job (\d+):", submit.stdout, re.M)
    if not array_job or not merge_job:
        raise Failure(f"submit_sweep.sh did not print both job ids:\n{submit.stdout}")
    return array_job.group(1), merge_job.group(1)


def check_array_and_merge(cluster, pocsim, work, reference):
    out = work / "array"
    submitted = time.time()
    array_job, merge_job = submit_sweep(cluster, pocsim, out)
    wait_for_jobs(cluster, [array_job, merge_job], out / "logs")
    tasks = expect_completed(cluster, array_job, SHARDS, out / "logs")
    merge = expect_completed(cluster, merge_job, 1, out / "logs")[0]
    # ISO times, to the second: the dependency held the merge back.
    if merge["StartTime"] < max(t["EndTime"] for t in tasks):
        raise Failure(f"the merge started at {merge['StartTime']}, before the last task ended")

    for shard in range(SHARDS):
        manifest = json.loads((out / f"shard_{shard}" / "manifest.json").read_text())
        if manifest.get("shard") != {"index": shard, "count": SHARDS}:
            raise Failure(f"shard_{shard}/manifest.json names shard {manifest.get('shard')}, "
                          f"not {shard}/{SHARDS}")
    tables_match(reference, out / "merged", f"{SHARDS}-task array + merge job")

    logs = out / "logs"
    starts = [stamp(next(logs.glob(f"shard_{s}_*.log")), "start") for s in range(SHARDS)]
    ends = [stamp(next(logs.glob(f"shard_{s}_*.log")), "done") for s in range(SHARDS)]
    merge_log = next(logs.glob("merge_*.log"))
    print("dispatch (s after submission): task starts " +
          ", ".join(f"{t - submitted:.2f}" for t in starts) +
          "; task run times " + ", ".join(f"{e - s:.2f}" for s, e in zip(starts, ends)) +
          f"; merge start {stamp(merge_log, 'start') - submitted:.2f} "
          f"({stamp(merge_log, 'start') - max(ends):.2f} after the last task), "
          f"merge done {stamp(merge_log, 'done') - submitted:.2f}")


def check_failed_task_resubmitted(cluster, pocsim, work, reference):
    """docs/cluster.md's recovery: task 1 dies (as on a failed node), so the
    merge never starts; cancelling it and submitting task 1 again with a new
    merge gives the same tables."""
    out = work / "recovery"
    dying = work / "pocsim_dying_in_task_1"
    dying.write_text(f"#!/bin/bash\n[[ ${{SLURM_ARRAY_TASK_ID:-}} != 1 ]] || exit 1\nexec {pocsim} \"$@\"\n")
    dying.chmod(0o755)
    array_job, merge_job = submit_sweep(cluster, dying, out)
    wait_for_jobs(cluster, [array_job], out / "logs")
    states = {r.get("ArrayTaskId"): r.get("JobState") for r in job_records(cluster, array_job)}
    if states != {"0": "COMPLETED", "1": "FAILED", "2": "COMPLETED"}:
        raise Failure(f"the array with a dying task 1 ended as {states}")
    deadline = time.monotonic() + 30
    while "DependencyNeverSatisfied" not in (reason := cluster.run(
            ["squeue", "-h", "-j", merge_job, "-o", "%T %r"]).stdout):
        if time.monotonic() > deadline:
            raise Failure(f"the merge after a failed task is '{reason.strip()}', not pending for ever")
        time.sleep(0.5)
    cluster.run(["scancel", merge_job])

    array_job, merge_job = submit_sweep(cluster, pocsim, out, "--tasks", "1")
    wait_for_jobs(cluster, [array_job, merge_job], out / "logs")
    expect_completed(cluster, array_job, 1, out / "logs")
    expect_completed(cluster, merge_job, 1, out / "logs")
    tables_match(reference, out / "merged", "array with task 1 failed, resubmitted with --tasks 1, merged")


def check_mpi(cluster, pocsim, work, reference, launcher):
    out = work / f"mpi_{launcher}"
    log = work / f"mpi_{launcher}.log"
    # --overcommit: three ranks on however few cores this machine has.
    env = dict(cluster.env, POCSIM=str(pocsim), POCSIM_MPI_LAUNCHER=launcher)
    submit = subprocess.run(["sbatch", "--parsable", f"--ntasks={RANKS}", "--overcommit", f"--output={log}",
                             SOURCE / "tools" / "slurm" / "sweep_mpi.sbatch", SWEEP, out],
                            env=env, capture_output=True, text=True, timeout=60)
    if submit.returncode != 0:
        raise Failure(f"sbatch sweep_mpi.sbatch: {submit.stderr}")
    job = submit.stdout.strip().split(";")[0]
    wait_for_jobs(cluster, [job], work)
    expect_completed(cluster, job, 1, work)
    tables_match(reference, out, f"MPI job of {RANKS} ranks under {launcher}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pocsim", required=True, type=Path)
    parser.add_argument("--mpi", action="store_true", help="the build has POCSIM_MPI=ON")
    args = parser.parse_args()
    pocsim = args.pocsim.resolve()
    required = os.environ.get("POCSIM_REQUIRE_SLURM") == "1"
    # CTest's timeout and Ctrl-C end the test through its `finally`, which
    # tears the cluster down.
    for s in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, lambda *_: sys.exit(1))

    with contextlib.ExitStack() as cleanup:  # unwinds last in, first out: the cluster, then the folder
        work = Path(tempfile.mkdtemp(prefix="pocsim-slurm-"))
        cleanup.callback(shutil.rmtree, work, ignore_errors=True)
        work.chmod(0o755)  # munged's socket is below it (local_cluster.py)
        try:
            reference = work / "reference"
            one = subprocess.run([pocsim, "sweep", SWEEP, "--out", reference, "--jobs", "1", "--quiet"],
                                 capture_output=True, text=True, timeout=300)
            if one.returncode != 0:
                raise Failure(f"the one-process sweep failed ({one.returncode}): {one.stderr}")
            try:
                cluster = cleanup.enter_context(LocalSlurmCluster(work / "cluster"))
            except ClusterDidNotStart as e:
                print(f"Slurm could not start here: {e}", file=sys.stderr)
                if required:
                    print("POCSIM_REQUIRE_SLURM=1: that is a failure", file=sys.stderr)
                    return 1
                print("skipped (set POCSIM_REQUIRE_SLURM=1 to make this a failure)", file=sys.stderr)
                return SKIP
            check_array_and_merge(cluster, pocsim, work, reference)
            check_failed_task_resubmitted(cluster, pocsim, work, reference)
            if args.mpi:
                for launcher in ("mpirun", "srun"):
                    check_mpi(cluster, pocsim, work, reference, launcher)
            return 0
        except Failure as e:
            print(f"FAILED: {e}", file=sys.stderr)
            return 1

if __name__ == "__main__":
    sys.exit(main())
