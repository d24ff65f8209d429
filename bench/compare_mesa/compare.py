#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Runs Mesa's Epstein civil-violence example and pocsim's model side by side.

For each parameter set (Mesa's model defaults, Mesa's app defaults) and each
seed, both models run the same number of steps; the per-seed means over the
run of the active, quiet and jailed citizens are compared with two-sample
tests, and the agent-steps per second of both are measured in the same run.
Mesa's per-seed means are written as the reference statistics that
tests/classic/epstein_mesa_test.cpp checks pocsim against, one file per
parameter set: tests/data/mesa_epstein_<set>.csv.

Usage (from the repository root, with a Mesa 3.3.1 checkout at $MESA_SRC):
  MESA_SRC=/tmp/mesa /usr/bin/python3 bench/compare_mesa/compare.py \
      --pocsim build/cli/pocsim

With --whole-process, each run is instead a whole process of 1000 steps
(Mesa's max_iters) by default, timed from its start to its exit: Python's
start-up and Mesa's import on one side, pocsim's start-up, scenario reading
and output files on the other. Only the speeds are compared then, and no
reference file is written.

Without MESA_SRC the script says so and exits 0. Mesa's code is imported from
MESA_SRC at run time and never copied here. Mesa's `mesa.examples` package
imports every example (some need networkx); the script loads only the
epstein_civil_violence example by registering an empty `mesa.examples`
package whose path points at the checkout.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import types

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
REFERENCE_DIR = os.path.join(REPO, "tests", "data")
SCENARIO = os.path.join(REPO, "scenarios", "classic", "epstein_civil_violence.yaml")

# Mesa's keyword arguments and the matching pocsim --set keys. "model" is
# EpsteinCivilViolence's signature defaults, "app" the sliders of app.py.
PARAMETER_SETS = {
    "model": {"cop_density": 0.074, "legitimacy": 0.8, "max_jail_term": 1000},
    "app": {"cop_density": 0.04, "legitimacy": 0.82, "max_jail_term": 30},
}
POCSIM_KEYS = {
    "cop_density": "cops.density",
    "legitimacy": "citizens.legitimacy",
    "max_jail_term": "cops.max_jail_term",
}
METRICS = ("active", "quiet", "jailed")


def load_mesa(mesa_src):
    sys.path.insert(0, mesa_src)
    import mesa  # noqa: F401  (from MESA_SRC)

    examples = types.ModuleType("mesa.examples")
    examples.__path__ = [os.path.join(mesa_src, "mesa", "examples")]
    sys.modules["mesa.examples"] = examples
    from mesa.examples.advanced.epstein_civil_violence.model import EpsteinCivilViolence

    return mesa, EpsteinCivilViolence


def run_mesa(model_class, params, seed, steps):
    model = model_class(seed=seed, **params)
    agents = len(model.agents)
    sums = dict.fromkeys(METRICS, 0.0)
    start = time.perf_counter()
    for _ in range(steps):
        model.step()
        sums["active"] += model.ACTIVE
        sums["quiet"] += model.QUIET
        sums["jailed"] += model.ARRESTED
    elapsed = time.perf_counter() - start
    return {k: v / steps for k, v in sums.items()}, agents * steps, elapsed


def run_mesa_process(mesa_src, name, seed, steps):
    """One Mesa run of parameter set `name` as a process of its own:
    (agent-steps, seconds from its start to its exit)."""
    cmd = [sys.executable, os.path.abspath(__file__), "--one-mesa-run", mesa_src,
           "--sets", name, "--seed", str(seed), "--steps", str(steps)]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    agents = int(done.stdout.split()[-1])
    return agents * steps, elapsed


def one_mesa_run(mesa_src, params, seed, steps):
    """The body of run_mesa_process: prints the model's agent count."""
    _, model_class = load_mesa(mesa_src)
    model = model_class(seed=seed, **params)
    for _ in range(steps):
        model.step()
    print("agents", len(model.agents))


def run_pocsim_process(binary, params, seed, steps, out_dir):
    """One pocsim run, timed from its start to its exit (agent-steps, seconds)."""
    start = time.perf_counter()
    _, work, _ = run_pocsim(binary, params, seed, steps, out_dir, read_series=False)
    return work, time.perf_counter() - start


def whole_processes(args, mesa_src):
    """Speeds of whole processes, Mesa's and pocsim's alternately per seed."""
    steps = args.steps or 1000
    seeds = list(range(1, args.seeds + 1))
    print("Whole processes of %d steps, %d seeds per set, one thread each, alternating" %
          (steps, len(seeds)))
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets.split(","):
            params = PARAMETER_SETS[name]
            work = [0.0, 0.0]
            seconds = [0.0, 0.0]
            for seed in seeds:
                w, t = run_mesa_process(mesa_src, name, seed, steps)
                work[0] += w
                seconds[0] += t
                w, t = run_pocsim_process(args.pocsim, params, seed, steps,
                                          os.path.join(tmp, "%s_%d" % (name, seed)))
                work[1] += w
                seconds[1] += t
                print("  %s seed %d done" % (name, seed), file=sys.stderr, flush=True)
            mesa_rate, pocsim_rate = work[0] / seconds[0], work[1] / seconds[1]
            print("%s set: Mesa %.0f agent-steps in %.2f s = %.0f agent-steps/s; pocsim %.0f "
                  "agent-steps in %.3f s = %.0f agent-steps/s; ratio pocsim / Mesa: %.0fx" %
                  (name, work[0], seconds[0], mesa_rate, work[1], seconds[1], pocsim_rate,
                   pocsim_rate / mesa_rate))
    return 0


TIMING = re.compile(r"(\d+) agent-steps in ([0-9.eE+-]+) s")


def run_pocsim(binary, params, seed, steps, out_dir, read_series=True):
    cmd = [binary, "run", SCENARIO, "--threads", "1", "--seed", str(seed), "--force",
           "--out", out_dir, "--set", "steps=%d" % steps,
           "--set", "activation=random_sequential"]
    for key, value in params.items():
        cmd += ["--set", "%s=%s" % (POCSIM_KEYS[key], value)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    match = TIMING.search(done.stdout)
    if not match:
        sys.exit("compare.py: no timing line in pocsim's output:\n" + done.stdout)
    if not read_series:
        return None, int(match.group(1)), float(match.group(2))
    sums = dict.fromkeys(METRICS, 0.0)
    rows = 0
    with open(os.path.join(out_dir, "timeseries.csv")) as f:
        header = f.readline().strip().split(",")
        for line in f:
            row = dict(zip(header, line.strip().split(",")))
            if int(row["step"]) == 0:
                continue  # the initial state; Mesa's means also start after step 1
            rows += 1
            for k in METRICS:
                sums[k] += float(row[k])
    if rows != steps:
        sys.exit("compare.py: expected %d steps in pocsim's time series, got %d" % (steps, rows))
    return ({k: v / steps for k, v in sums.items()}, int(match.group(1)),
            float(match.group(2)))


def describe(values):
    import statistics

    return "%8.2f +- %7.2f" % (statistics.mean(values), statistics.stdev(values))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=None,
                        help="seeds per parameter set (30; 5 with --whole-process)")
    parser.add_argument("--steps", type=int, default=None,
                        help="steps per run (100; 1000 with --whole-process)")
    parser.add_argument("--sets", default="model,app",
                        help="parameter sets to run, comma-separated (model, app)")
    parser.add_argument("--pocsim", default=os.path.join(REPO, "build", "cli", "pocsim"))
    parser.add_argument("--reference-dir", default=REFERENCE_DIR)
    parser.add_argument("--mesa-only", action="store_true",
                        help="run Mesa and write the reference, skip pocsim")
    parser.add_argument("--whole-process", action="store_true",
                        help="time whole processes (start-up and outputs included), "
                             "1000 steps by default; speeds only")
    parser.add_argument("--one-mesa-run", metavar="MESA_SRC", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.one_mesa_run:
        one_mesa_run(args.one_mesa_run, PARAMETER_SETS[args.sets], args.seed, args.steps)
        return 0

    mesa_src = os.environ.get("MESA_SRC")
    if not mesa_src:
        print("compare.py: MESA_SRC is not set; skipping the Mesa comparison "
              "(point it at a checkout of projectmesa/mesa, tag v3.3.1)")
        return 0
    if not args.mesa_only and not os.access(args.pocsim, os.X_OK):
        sys.exit("compare.py: no pocsim binary at %s (build the pocsim target or pass --pocsim)"
                 % args.pocsim)
    for name in args.sets.split(","):
        if name not in PARAMETER_SETS:
            sys.exit("compare.py: unknown parameter set '%s' (model, app)" % name)
    if args.whole_process:
        args.seeds = args.seeds or 5
        return whole_processes(args, os.path.abspath(mesa_src))
    args.steps = args.steps or 100
    args.seeds = args.seeds or 30
    mesa, model_class = load_mesa(os.path.abspath(mesa_src))

    seeds = list(range(1, args.seeds + 1))
    chosen = args.sets.split(",")
    sets = {name: PARAMETER_SETS[name] for name in chosen}
    mesa_means = {name: [] for name in sets}
    pocsim_means = {name: [] for name in sets}
    # Work (agent-steps) and seconds per parameter set: [mesa, pocsim].
    timing = {name: [[0.0, 0.0], [0.0, 0.0]] for name in sets}
    with tempfile.TemporaryDirectory() as tmp:
        for name, params in sets.items():
            for seed in seeds:
                means, work, elapsed = run_mesa(model_class, params, seed, args.steps)
                mesa_means[name].append(means)
                timing[name][0][0] += work
                timing[name][0][1] += elapsed
                if not args.mesa_only:
                    means, work, elapsed = run_pocsim(args.pocsim, params, seed, args.steps,
                                                      os.path.join(tmp, "%s_%d" % (name, seed)))
                    pocsim_means[name].append(means)
                    timing[name][1][0] += work
                    timing[name][1][1] += elapsed
                print("  %s seed %d done" % (name, seed), file=sys.stderr, flush=True)

    for name in sets:
        command = "MESA_SRC=<mesa v%s checkout> /usr/bin/python3 bench/compare_mesa/compare.py " \
                  "--seeds %d --steps %d --sets %s" % (mesa.__version__, args.seeds, args.steps,
                                                       args.sets)
        os.makedirs(args.reference_dir, exist_ok=True)
        path = os.path.join(args.reference_dir, "mesa_epstein_%s.csv" % name)
        with open(path + ".tmp", "w") as f:
            f.write("# Mesa %s examples/advanced/epstein_civil_violence: per-seed means over "
                    "steps 1..%d of the citizens in each state (after each step).\n" %
                    (mesa.__version__, args.steps))
            f.write("# Parameter set %s: %s (others: EpsteinCivilViolence() defaults).\n" %
                    (name, ", ".join("%s=%s" % kv for kv in sets[name].items())))
            f.write("# Produced by: %s\n" % command)
            f.write("parameter_set,seed,steps,active,quiet,jailed\n")
            for seed, m in zip(seeds, mesa_means[name]):
                f.write("%s,%d,%d,%.6f,%.6f,%.6f\n" % (name, seed, args.steps, m["active"],
                                                       m["quiet"], m["jailed"]))
        os.replace(path + ".tmp", path)
        print("Reference statistics written to %s" % os.path.relpath(path, REPO))

    def rate(name, which):
        work, seconds = timing[name][which]
        return work / seconds

    for name in sets:
        print("Mesa %s, %s set: %.0f agent-steps in %.1f s = %.0f agent-steps/s" %
              (mesa.__version__, name, timing[name][0][0], timing[name][0][1], rate(name, 0)))
    if args.mesa_only:
        return 0

    from scipy import stats

    print("\nPer-seed run means (%d seeds, %d steps), mean +- sd; two-sample tests:" %
          (args.seeds, args.steps))
    print("%-6s %-7s %-20s %-20s %8s %8s" % ("set", "metric", "Mesa", "pocsim", "KS p",
                                             "MWU p"))
    for name in sets:
        for k in METRICS:
            a = [m[k] for m in mesa_means[name]]
            b = [m[k] for m in pocsim_means[name]]
            ks = stats.ks_2samp(a, b).pvalue
            mwu = stats.mannwhitneyu(a, b, alternative="two-sided").pvalue
            print("%-6s %-7s %-20s %-20s %8.3f %8.3f" % (name, k, describe(a), describe(b), ks,
                                                         mwu))
    print()
    for name in sets:
        print("%s set: pocsim (random sequential, 1 thread) %.0f agent-steps in %.3f s = %.0f "
              "agent-steps/s; Mesa %s %.0f agent-steps/s; ratio pocsim / Mesa: %.0fx" %
              (name, timing[name][1][0], timing[name][1][1], rate(name, 1), mesa.__version__,
               rate(name, 0), rate(name, 1) / rate(name, 0)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
