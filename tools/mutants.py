#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Mutation testing of pocsim's mechanisms: plants one-line bugs (mutants)
listed as data in tests/mutants/*.yaml, rebuilds, and runs the tests each
mutant names. A mutant is killed when one of its tests fails (or times out),
and survives when they all pass. The tree it mutates is a scratch copy of the
checkout (build-mutants/src, built in build-mutants/build), so an
interrupted run leaves the checkout as it was; --in-tree mutates the checkout
itself, restoring each file afterwards, which spares a build on a throwaway
clone (CI).

  tools/mutants.sh --list                  # the mutants, their mechanisms and tests
  tools/mutants.sh NAME...                 # those mutants
  tools/mutants.sh --all                   # every mutant; the record for docs/testing.md
  tools/mutants.sh --sample 4              # a share that rotates with the commit count
  tools/mutants.sh --clean NAME...         # the tests of those mutants on the unmutated tree
"""
import argparse
import datetime
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MUTANT_DIR = os.path.join(ROOT, "tests", "mutants")
TARGETS = ["pocsim", "pocsim_tests", "pocsim_cli_tests"]
REQUIRED = ("name", "mechanism", "file", "find", "replace", "tests")


class MutantError(Exception):
    pass


def load_mutants():
    mutants, seen = [], set()
    for path in sorted(glob.glob(os.path.join(MUTANT_DIR, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            entries = yaml.safe_load(f) or []
        for k, m in enumerate(entries):
            where = f"{os.path.relpath(path, ROOT)}: entry {k}"
            missing = [key for key in REQUIRED if key not in m]
            if missing:
                raise MutantError(f"{where}: missing {', '.join(missing)}")
            if m["name"] in seen:
                raise MutantError(f"{where}: the name {m['name']} is used twice")
            if m["find"] == m["replace"]:
                raise MutantError(f"{where}: find and replace are the same")
            seen.add(m["name"])
            m["list"] = os.path.relpath(path, ROOT)
            mutants.append(m)
    return mutants


def cpu_flags():
    """The processor's feature flags (/proc/cpuinfo), empty where unknown."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def runs_here(m, flags):
    """False for a mutant of code that only a processor with the feature in
    its `cpu` key runs (an AVX-512 path, say): on any other it cannot be
    killed, nor can it do harm."""
    return "cpu" not in m or m["cpu"] in flags


def git(*args):
    try:
        return subprocess.run(["git", "-C", ROOT, *args], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def sample(mutants, count):
    """A window of `count` mutants, in an order fixed by their names, that
    moves on by one window per commit: consecutive commits cover the whole
    list in len(mutants) / count commits."""
    ordered = sorted(mutants, key=lambda m: hashlib.sha256(m["name"].encode()).hexdigest())
    windows = max(1, -(-len(ordered) // count))
    commits = int(git("rev-list", "--count", "HEAD") or 0)
    start = (commits % windows) * count
    return [ordered[(start + i) % len(ordered)] for i in range(min(count, len(ordered)))]


def copy_tree(source, target):
    """The checkout's files (tracked or not, without .git, build and output
    folders) into target. A file whose content is already there is left
    alone, so that it is not rebuilt; one that differs is written anew, with
    a new modification time, so that it is (copying times along would let an
    object built from an older copy pass for up to date)."""
    skip_dirs = (".git", "__pycache__")

    def skipped(relative_dir, name):
        return relative_dir == "" and (name.startswith("build") or name.startswith("out"))

    wanted = set()
    for folder, dirs, files in os.walk(source):
        relative_dir = os.path.relpath(folder, source)
        relative_dir = "" if relative_dir == "." else relative_dir
        dirs[:] = [d for d in dirs if d not in skip_dirs and not skipped(relative_dir, d)]
        os.makedirs(os.path.join(target, relative_dir), exist_ok=True)
        for name in files:
            if skipped(relative_dir, name):
                continue
            relative = os.path.join(relative_dir, name)
            wanted.add(relative)
            src, dst = os.path.join(source, relative), os.path.join(target, relative)
            with open(src, "rb") as f:
                content = f.read()
            if os.path.isfile(dst) and not os.path.islink(dst):
                with open(dst, "rb") as f:
                    if f.read() == content:
                        continue
            with open(dst, "wb") as f:
                f.write(content)
            shutil.copymode(src, dst)
    for folder, dirs, files in os.walk(target, topdown=False):
        for name in files:
            relative = os.path.relpath(os.path.join(folder, name), target)
            if relative not in wanted:
                os.remove(os.path.join(folder, name))


def build(source, build_dir, quiet=True):
    if not os.path.exists(os.path.join(build_dir, "build.ninja")):
        subprocess.run(["cmake", "-S", source, "-B", build_dir, "-G", "Ninja",
                        "-DCMAKE_BUILD_TYPE=Release", "-DPOCSIM_BUILD_TESTS=ON",
                        "-DPOCSIM_BUILD_BENCH=OFF", "-DPOCSIM_MPI=ON"],  # as tools/test.sh
                       check=True, capture_output=quiet)
    r = subprocess.run(["cmake", "--build", build_dir, "--parallel", str(os.cpu_count() or 2),
                        "--target", *TARGETS], capture_output=True, text=True)
    return r.returncode == 0, r.stdout + r.stderr


def run_tests(build_dir, regex, timeout, jobs):
    """(passed, how many tests ran, output). Stops at the first failure."""
    r = subprocess.run(["ctest", "--test-dir", build_dir, "-R", regex, "--stop-on-failure",
                        "--timeout", str(timeout), "--parallel", str(jobs)],
                       capture_output=True, text=True)
    out = r.stdout + r.stderr
    ran = re.search(r"tests passed, (\d+) tests failed out of (\d+)", out)
    return r.returncode == 0, int(ran.group(2)) if ran else 0, out


def apply(path, m):
    with open(path, encoding="utf-8") as f:
        original = f.read()
    found = original.count(m["find"])
    if found != 1:
        raise MutantError(f"{m['name']}: {m['file']} holds its `find` text {found} times, "
                          "not once: the list is out of date")
    with open(path, "w", encoding="utf-8") as f:
        f.write(original.replace(m["find"], m["replace"]))
    return original


def restore(path, original):
    # Written anew (a new modification time), so that the next build
    # recompiles the file as it really is.
    with open(path, "w", encoding="utf-8") as f:
        f.write(original)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("names", nargs="*", help="mutants to run")
    p.add_argument("--list", action="store_true", help="list the mutants and exit")
    p.add_argument("--check", action="store_true",
                   help="check that every mutant's `find` text is in its file exactly once, "
                        "and exit (no build)")
    p.add_argument("--all", action="store_true", help="run every mutant")
    p.add_argument("--sample", type=int, metavar="N",
                   help="run N mutants, a window that moves on with each commit")
    p.add_argument("--clean", action="store_true",
                   help="run the selected mutants' tests without mutating (they must pass)")
    p.add_argument("--in-tree", action="store_true",
                   help="mutate the checkout itself and build in --build-dir (throwaway clones)")
    p.add_argument("--build-dir", help="build folder (default build-mutants/build; with "
                   "--in-tree, build-test)")
    p.add_argument("--timeout", type=int, default=900, help="seconds per test (a hang is a kill)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="tests run side by side")
    p.add_argument("--record", metavar="FILE", help="also write the results as a Markdown table")
    args = p.parse_args()

    mutants = load_mutants()
    by_name = {m["name"]: m for m in mutants}
    if args.list:
        for m in mutants:
            print(f"{m['name']:<40} {m['mechanism']:<36} {m['file']}\n{'':<40} tests: {m['tests']}")
        print(f"{len(mutants)} mutants in {len({m['list'] for m in mutants})} files")
        return 0
    if args.check:
        stale = []
        for m in mutants:
            with open(os.path.join(ROOT, m["file"]), encoding="utf-8") as f:
                if f.read().count(m["find"]) != 1:
                    stale.append(f"{m['name']} ({m['file']})")
        if stale:
            raise MutantError("the `find` text of these mutants is not in their file exactly "
                              "once; the list is out of date: " + ", ".join(stale))
        print(f"mutants: all {len(mutants)} find their text exactly once")
        return 0
    if args.names:
        unknown = [n for n in args.names if n not in by_name]
        if unknown:
            raise MutantError(f"no mutant named {', '.join(unknown)} (tools/mutants.sh --list)")
        selected = [by_name[n] for n in args.names]
    elif args.all:
        selected = mutants
    elif args.sample:
        selected = sample(mutants, args.sample)
    else:
        p.error("name mutants, or give --all, --sample N or --list")
    flags = cpu_flags()
    elsewhere = [m for m in selected if not runs_here(m, flags)]
    for m in elsewhere:
        print(f"mutants: {m['name']} is left out: its code runs only on a processor with "
              f"{m['cpu']}, which this one lacks", flush=True)
    if elsewhere and args.sample:  # the window keeps its size
        selected = sample([m for m in mutants if runs_here(m, flags)], args.sample)
    else:
        selected = [m for m in selected if runs_here(m, flags)]
    if not selected:
        print("mutants: none of those runs on this processor")
        return 0

    if args.in_tree:
        source = ROOT
        build_dir = os.path.abspath(args.build_dir or os.path.join(ROOT, "build-test"))
    else:
        scratch = os.path.join(ROOT, "build-mutants")
        source = os.path.join(scratch, "src")
        build_dir = os.path.abspath(args.build_dir or os.path.join(scratch, "build"))
        print(f"mutants: copying the checkout to {source}", flush=True)
        copy_tree(ROOT, source)
    for m in selected:  # every text must be found before anything is built
        with open(os.path.join(source, m["file"]), encoding="utf-8") as f:
            if f.read().count(m["find"]) != 1:
                raise MutantError(f"{m['name']}: its `find` text is not in {m['file']} exactly "
                                  "once: the list is out of date")
    print(f"mutants: building the unmutated tree in {build_dir}", flush=True)
    ok, log = build(source, build_dir)
    if not ok:
        sys.stderr.write(log)
        raise MutantError("the unmutated tree does not build")

    results = []
    for k, m in enumerate(selected, 1):
        path = os.path.join(source, m["file"])
        start = time.monotonic()
        print(f"[{k}/{len(selected)}] {m['name']} ({m['mechanism']}) ...", end=" ", flush=True)
        original = None if args.clean else apply(path, m)
        try:
            built, log = build(source, build_dir)
            if not built:
                verdict, detail = "stillborn", "does not compile: fix the list"
            else:
                passed, ran, out = run_tests(build_dir, m["tests"], args.timeout, args.jobs)
                if ran == 0:
                    verdict, detail = "error", f"no test matches {m['tests']}"
                elif args.clean:
                    verdict, detail = ("clean" if passed else "failing"), f"{ran} tests"
                else:
                    verdict = "survived" if passed else "killed"
                    failed = re.findall(r"\*\*\*Failed.*?\s(\S+) \.", out) or \
                        re.findall(r"\d+ - (\S+) \(Failed|\(Timeout", out)
                    detail = f"by {failed[0]}" if failed and verdict == "killed" else ""
        finally:
            if original is not None:
                restore(path, original)
        seconds = time.monotonic() - start
        accepted = m.get("accepted")
        if verdict == "survived" and accepted:
            detail = f"accepted: {accepted}"
        print(f"{verdict} {detail} ({seconds:.0f} s)", flush=True)
        results.append((m, verdict, detail, seconds))

    if not args.clean:  # leave the build as the tree is
        build(source, build_dir)
    counts = {v: sum(1 for r in results if r[1] == v)
              for v in ("killed", "survived", "stillborn", "error", "clean", "failing")}
    if args.clean:
        print(f"\n{counts['clean']} of {len(results)} mutants' tests pass unmutated")
        return 0 if counts["clean"] == len(results) else 1
    total = len(results)
    rate = 100.0 * counts["killed"] / total if total else 0.0
    print(f"\n{counts['killed']} of {total} mutants killed ({rate:.1f}%), "
          f"{counts['survived']} survived, {counts['stillborn'] + counts['error']} broken; "
          f"{sum(r[3] for r in results) / 60:.1f} min")
    if args.record:
        with open(args.record, "w", encoding="utf-8") as f:
            commit = git("rev-parse", "--short", "HEAD") or "unknown"
            dirty = " (with uncommitted changes)" if git("status", "--porcelain") else ""
            f.write(f"Run on {datetime.date.today()} at commit {commit}{dirty}: "
                    f"{counts['killed']} of {total} killed ({rate:.1f}%).\n\n"
                    "| mutant | mechanism | file | result | seconds |\n|---|---|---|---|---|\n")
            for m, verdict, detail, seconds in results:
                f.write(f"| {m['name']} | {m['mechanism']} | `{m['file']}` | {verdict} {detail} "
                        f"| {seconds:.0f} |\n")
    unexpected = [r[0]["name"] for r in results
                  if r[1] in ("stillborn", "error") or (r[1] == "survived"
                                                        and not r[0].get("accepted"))]
    if unexpected:
        print("unexpected: " + ", ".join(unexpected))
    return 1 if unexpected else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except MutantError as e:
        print(f"mutants: error: {e}", file=sys.stderr)
        sys.exit(2)
