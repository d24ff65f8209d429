# SPDX-License-Identifier: Apache-2.0
"""`mpirun -n K pocsim sweep` end to end, with the real mpirun (OpenMPI, one
node, shared memory and loopback only), against the one-process sweep.

    mpi_sweep_test.py --pocsim BUILD/cli/pocsim --mpirun mpirun CASE

CASE is one of:
  identical    the tables (runs.csv, summary.csv, differences.csv,
               timeseries.csv.gz) of `--jobs 1`, `--jobs 2` and
               `mpirun -n 3` are the same bytes, and every rank made runs;
               so are those of shard 0/2 under `mpirun -n 2` merged with
               shard 1/2 of one process;
  kill-rank0   rank 0 killed with SIGKILL part-way, then `--resume` under
               mpirun: the same runs.csv as the uninterrupted sweep;
  kill-worker  the same with a worker (rank 2) killed; mpirun names it and
               rank 0 says that --resume goes on;
  bad-file     a bad sweep file under mpirun: exit status 2 and its error
               said once, not once per rank, and nothing written;
  other-file   workers that read another sweep file than rank 0 (another
               working folder): the job stops with status 1, naming them,
               and --resume with the right file ends as the whole sweep.

Each case exits 0 when it holds, 1 with the reasons when not. Kills land at
points the sweep reports (lines in its journal), never at moments of a clock.
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

RANKS = 3
REPLICATIONS = 10  # x 6 variants: 60 runs of about 40 ms each


def sweep_text(source):
    """3 x 2 variants of two months of the flight-delay teaching scenario,
    keeping every run's daily series (written by the ranks that make them)."""
    return f"""sweep:
  name: mpi_small
  scenario: {source}/scenarios/teaching/flight_delay.yaml
  replications: {REPLICATIONS}
  reference: {{delay: 24}}
  keep_timeseries: all
axes:
  - name: delay
    key: flights.delay_hours
    values: [0, 24, 168]
  - name: refusals
    variants:
      - {{name: few, set: {{flights.refusal_probability: 0.05}}}}
      - {{name: many, set: {{flights.refusal_probability: 0.6}}}}
"""


PLANNED = 6 * REPLICATIONS
TABLES = ["runs.csv", "summary.csv", "differences.csv", "timeseries.csv.gz"]


class Checks:
    def __init__(self):
        self.failures = []

    def expect(self, condition, message):
        if not condition:
            self.failures.append(message)
        return condition

    def done(self):
        for f in self.failures:
            print("FAILED: " + f, file=sys.stderr)
        return 1 if self.failures else 0


def mpi_environment():
    env = dict(os.environ)
    # One node: shared memory between the ranks, TCP (if OpenMPI tries it)
    # on the loopback interface only.
    env["OMPI_MCA_btl_tcp_if_include"] = "lo"
    env["OMPI_MCA_oob_tcp_if_include"] = "lo"
    return env


def mpirun_command(args, ranks=RANKS):
    command = [args.mpirun, "-n", str(ranks), "--oversubscribe"]
    if os.geteuid() == 0:
        command.append("--allow-run-as-root")
    return command + [args.pocsim]


def run(command, timeout=240):
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          env=mpi_environment())


def read(path, mode="rb"):
    with open(path, mode) as f:
        return f.read()


def journaled(folder):
    try:
        return read(os.path.join(folder, "runs.journal")).count(b"\n")
    except FileNotFoundError:
        return 0


def one_process(args, work, name, jobs):
    out = os.path.join(work, name)
    r = run([args.pocsim, "sweep", args.file, "--out", out, "--jobs", str(jobs), "--quiet"])
    if r.returncode != 0:
        raise SystemExit(f"pocsim sweep --jobs {jobs} failed ({r.returncode}): {r.stderr}")
    return out


def case_identical(args, work, checks):
    reference = one_process(args, work, "jobs1", 1)
    two = one_process(args, work, "jobs2", 2)
    out = os.path.join(work, "mpi")
    r = run(mpirun_command(args) + ["sweep", args.file, "--out", out])
    if not checks.expect(r.returncode == 0, f"mpirun -n {RANKS} failed: {r.stderr}"):
        return
    rows = read(os.path.join(reference, "runs.csv"), "r").splitlines()[1:]
    ids = [int(row.split(",", 1)[0]) for row in rows]
    checks.expect(ids == list(range(PLANNED)), "the reference runs.csv is not every run, sorted")
    for table in TABLES:
        expected = read(os.path.join(reference, table))
        checks.expect(read(os.path.join(two, table)) == expected, f"--jobs 2 changed {table}")
        checks.expect(read(os.path.join(out, table)) == expected,
                      f"mpirun -n {RANKS} changed {table}")
    checks.expect(sorted(os.listdir(os.path.join(out, "samples"))) ==
                  sorted(os.listdir(os.path.join(reference, "samples"))),
                  "the ranks wrote other samples/ than one process")
    # Rank 0 says how many runs each rank made: all of them made some (a
    # dispatcher that kept every run to itself would give the same tables).
    made = re.search(r"runs made by rank 0 to \d+: ([\d, ]+)", r.stderr)
    if checks.expect(made is not None, f"no count of runs per rank in: {r.stderr}"):
        counts = [int(n) for n in made.group(1).split(",")]
        checks.expect(len(counts) == RANKS and sum(counts) == PLANNED,
                      f"runs per rank {counts} do not add up to {PLANNED}")
        checks.expect(all(n > 0 for n in counts), f"a rank made no run: {counts}")

    # Under MPI the whole job is one shard.
    shard0 = os.path.join(work, "shard0")
    r = run(mpirun_command(args, 2) +
            ["sweep", args.file, "--out", shard0, "--shard", "0/2", "--quiet"])
    checks.expect(r.returncode == 0, f"mpirun -n 2 ... --shard 0/2 failed: {r.stderr}")
    shard1 = os.path.join(work, "shard1")
    r = run([args.pocsim, "sweep", args.file, "--out", shard1, "--shard", "1/2", "--quiet"])
    checks.expect(r.returncode == 0, f"--shard 1/2 failed: {r.stderr}")
    merged = os.path.join(work, "merged")
    r = run([args.pocsim, "merge", shard0, shard1, "--out", merged, "--quiet"])
    if checks.expect(r.returncode == 0, f"pocsim merge failed: {r.stderr}"):
        for table in TABLES:
            checks.expect(read(os.path.join(merged, table)) ==
                          read(os.path.join(reference, table)),
                          f"{table} of an MPI shard merged with another differs")


def rank_pid(mpirun_pid, rank):
    """The pid of the rank's process: a child of mpirun whose environment
    names the rank."""
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
            if parent != mpirun_pid:
                continue
            environment = read(f"/proc/{name}/environ").split(b"\0")
        except (FileNotFoundError, ProcessLookupError, PermissionError, IndexError):
            continue
        if f"OMPI_COMM_WORLD_RANK={rank}".encode() in environment:
            return int(name)
    return None


def case_kill(args, work, checks, rank):
    reference = one_process(args, work, "reference", 2)
    interrupted = remedy_said = 0
    # After about a sixth and about half of the runs.
    for after in (PLANNED // 6, PLANNED // 2):
        out = os.path.join(work, f"killed_after_{after}")
        job = subprocess.Popen(mpirun_command(args) + ["sweep", args.file, "--out", out],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=mpi_environment())
        victim = None
        while job.poll() is None and journaled(out) < after:
            time.sleep(0.002)
        if job.poll() is None:
            victim = rank_pid(job.pid, rank)
            checks.expect(victim is not None, f"no process of rank {rank} under mpirun")
            if victim is not None:
                os.kill(victim, signal.SIGKILL)
        _, err = job.communicate(timeout=120)
        if job.returncode == 0:
            continue  # it finished between the look and the kill
        interrupted += 1
        done = journaled(out)
        checks.expect(done < PLANNED, f"killed after its last run ({done} journaled)")
        # mpirun says which rank died; rank 0, stopped by mpirun in turn,
        # says how to go on (when mpirun still passes its stderr on: while
        # it tears the job down it sometimes does not, so once is enough).
        checks.expect(re.search(rf"rank {rank}\b.*signal 9", err) is not None,
                      f"mpirun does not name rank {rank} killed by signal 9: {err}")
        if re.search(r"rank 0 .* was stopped before the sweep finished.*"
                     r"run the same command with --resume", err):
            remedy_said += 1
        refused = run(mpirun_command(args) + ["sweep", args.file, "--out", out, "--quiet"])
        checks.expect(refused.returncode == 2,
                      f"an unfinished sweep restarted without --resume ({refused.returncode})")
        resumed = run(mpirun_command(args) +
                      ["sweep", args.file, "--out", out, "--resume", "--quiet"])
        if not checks.expect(resumed.returncode == 0, f"--resume failed: {resumed.stderr}"):
            continue
        for table in TABLES:
            checks.expect(read(os.path.join(out, table)) == read(os.path.join(reference, table)),
                          f"{table} after rank {rank} was killed with {done} runs journaled "
                          "and the sweep resumed differs from the uninterrupted sweep's")
    print(f"{interrupted} of 2 kills of rank {rank} landed before the sweep ended; "
          f"rank 0 said how to go on after {remedy_said}")
    checks.expect(interrupted >= 1, "every kill landed after the sweep had finished")
    if rank != 0:
        checks.expect(remedy_said >= 1, "after no kill of a worker did rank 0 say that "
                      "--resume goes on")


def case_bad_file(args, work, checks):
    bad = os.path.join(args.source, "tests/data/bad_sweeps/value_out_of_range.yaml")
    out = os.path.join(work, "bad")
    r = run(mpirun_command(args) + ["sweep", bad, "--out", out])
    checks.expect(r.returncode == 2, f"exit status {r.returncode}, not 2")
    said = re.findall(rf"^{re.escape(bad)}:(\d+):(\d+): error: (.*)$", r.stderr, re.M)
    checks.expect(len(said) == 1, f"the error is said {len(said)} times, not once: {r.stderr}")
    if said:
        checks.expect(said[0][:2] == ("11", "9") and "delay_hours" in said[0][2],
                      f"not the error of line 11, column 9: {said[0]}")
    checks.expect(not os.path.exists(out), "a refused sweep wrote its folder")


def case_other_file(args, work, checks):
    reference = one_process(args, work, "reference", 2)
    # The same relative name in two working folders; the workers' has fewer
    # replications.
    for name, text in (("rank0", sweep_text(args.source)),
                       ("workers", sweep_text(args.source).replace(
                           f"replications: {REPLICATIONS}", "replications: 9"))):
        os.makedirs(os.path.join(work, name))
        with open(os.path.join(work, name, "sweep.yaml"), "w") as f:
            f.write(text)
    out = os.path.join(work, "out")
    tail = ["sweep", "sweep.yaml", "--out", out]
    launcher = mpirun_command(args, 1)[:-1]  # mpirun -n 1 and its options, without pocsim
    r = run(launcher + ["-wdir", os.path.join(work, "rank0"), args.pocsim] + tail + [":"] +
            ["-n", str(RANKS - 1), "-wdir", os.path.join(work, "workers"), args.pocsim] + tail)
    checks.expect(r.returncode == 1, f"exit status {r.returncode}, not 1: {r.stderr}")
    for rank in range(1, RANKS):
        checks.expect(re.search(rf"rank {rank} \(.*\) reads another version of the sweep file",
                                r.stderr) is not None, f"rank {rank} not named: {r.stderr}")
    checks.expect(journaled(out) < PLANNED, "the sweep went on without its workers")
    resumed = run(mpirun_command(args) + ["sweep", os.path.join(work, "rank0", "sweep.yaml"),
                                          "--out", out, "--resume", "--quiet"])
    if checks.expect(resumed.returncode == 0, f"--resume failed: {resumed.stderr}"):
        for table in TABLES:
            checks.expect(read(os.path.join(out, table)) == read(os.path.join(reference, table)),
                          f"{table} after the stop and --resume differs")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pocsim", required=True)
    parser.add_argument("--mpirun", required=True)
    parser.add_argument("--source", required=True, help="the project's root")
    parser.add_argument("case", choices=["identical", "kill-rank0", "kill-worker", "bad-file",
                                         "other-file"])
    args = parser.parse_args()
    args.pocsim = os.path.abspath(args.pocsim)
    checks = Checks()
    work = tempfile.mkdtemp(prefix="pocsim_mpi_")
    try:
        args.file = os.path.join(work, "mpi_small.yaml")
        with open(args.file, "w") as f:
            f.write(sweep_text(args.source))
        if args.case == "identical":
            case_identical(args, work, checks)
        elif args.case == "kill-rank0":
            case_kill(args, work, checks, 0)
        elif args.case == "kill-worker":
            case_kill(args, work, checks, RANKS - 1)
        elif args.case == "bad-file":
            case_bad_file(args, work, checks)
        else:
            case_other_file(args, work, checks)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return checks.done()


if __name__ == "__main__":
    sys.exit(main())
