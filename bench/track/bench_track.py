#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""pocsim's benchmark history: measure commits, compare two, check this
commit's instruction counts, draw the history (docs/performance.md).

  bench_track.py [COMMIT ...]        measure commits (default: the working tree)
  bench_track.py --compare A B       compare two commits' results
  bench_track.py --show COMMIT       one commit's result as Markdown tables
  bench_track.py --check             CI: instruction counts against the history
  bench_track.py --report DIR        the history page, DIR/index.html
  bench_track.py --backfill          measure a sample of main's past
"""
import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import builder  # noqa: E402
import check  # noqa: E402
import comparison  # noqa: E402
import history  # noqa: E402
import machine  # noqa: E402
import mesa_ratio  # noqa: E402
import timings  # noqa: E402
import workloads  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
WORKING = "working"  # the name of the working tree's result in --compare


def log(text):
    print(text, file=sys.stderr, flush=True)


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="tools/bench-track.sh", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("commits", nargs="*", help="commits to measure (default: the working tree)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--compare", nargs=2, metavar=("A", "B"),
                      help=f"compare the results of A and B (commits, or '{WORKING}')")
    mode.add_argument("--show", metavar="COMMIT",
                      help=f"print a commit's result (or '{WORKING}') as Markdown tables")
    mode.add_argument("--check", action="store_true",
                      help="count this commit's instructions and compare them with the history")
    mode.add_argument("--report", metavar="DIR", help="write the history page DIR/index.html")
    mode.add_argument("--backfill", action="store_true",
                      help="measure every --every'th commit of main and those docs/performance*.md name")
    parser.add_argument("--every", type=int, default=10, help="backfill: one commit in N (10)")
    parser.add_argument("--named", action=argparse.BooleanOptionalAction, default=True,
                        help="backfill: also the commits docs/performance*.md name")
    parser.add_argument("--since", default="072b223",
                        help="backfill: first commit (default: the one that added bench/)")
    parser.add_argument("--filter", default=timings.HEADLINE,
                        help="benchmarks to time (a regex; default: the headline benchmarks)")
    parser.add_argument("--repetitions", type=int, default=5, help="repetitions of each benchmark (5)")
    parser.add_argument("--no-times", action="store_true", help="count instructions only")
    parser.add_argument("--no-instructions", action="store_true", help="time only")
    parser.add_argument("--mesa", metavar="DIR",
                        help="a Mesa 3.3.1 checkout: also record Epstein's ratio to Mesa")
    parser.add_argument("--pocsim", help="--check: the pocsim binary to count (default: build the working tree)")
    parser.add_argument("--history", default=str(ROOT / "bench" / "history"), help="history folder")
    parser.add_argument("--expected-changes", default=str(ROOT / "bench" / "expected-changes.txt"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="build jobs")
    parser.add_argument("--state", default=str(ROOT / ".bench-track"),
                        help="worktree, build folder, logs and profiles (not committed)")
    args = parser.parse_args(argv)
    # the benchmarks and workloads run in the measured tree, not here
    for name in ("state", "history", "expected_changes", "pocsim", "mesa", "report"):
        if getattr(args, name):
            setattr(args, name, str(Path(getattr(args, name)).resolve()))
    return args


def measure(args, source, pocsim, bench, facts, build_dir, dirty=False):
    host = machine.machine_context()
    profiles = Path(args.state) / "profiles" / facts["commit"][:12]
    benchmarks = None if args.no_times else timings.run_benchmarks(
        bench, source, args.filter, args.repetitions, log)
    instructions = None
    if not args.no_instructions:
        instructions = {"config": machine.instruction_config(build_dir, pocsim),
                        "workloads": workloads.count_instructions(pocsim, source, profiles, log=log)}
    build = {"type": "Release", "compiler": machine.compiler_of(build_dir),
             "options": " ".join(builder.CMAKE_OPTIONS[1:])}
    entry = history.new_entry(facts, host, build, benchmarks, instructions)
    if args.mesa and not args.no_times:
        entry["mesa"] = mesa_ratio.measure_ratio(source, pocsim, args.mesa, log=log)
    if dirty:
        entry["dirty"] = True
    return entry


def record_working_tree(args):
    facts = history.commit_facts(ROOT, "HEAD")
    dirty = builder.is_dirty(ROOT)
    build_dir = ROOT / "build-track"
    pocsim, bench = builder.build(ROOT, build_dir, args.jobs, Path(args.state) / "working-tree.log")
    entry = measure(args, ROOT, pocsim, bench, facts, build_dir, dirty)
    if dirty:
        path = history.save(None, entry, Path(args.state) / "working-tree.json")
        log(f"bench-track: the tree has changes, so its result is not history: {path}")
    else:
        log(f"bench-track: {history.save(args.history, entry)}")
    return entry


def record_commit(args, commit):
    facts = history.commit_facts(ROOT, commit)
    state = Path(args.state)
    log_file = state / "logs" / f"{facts['commit'][:12]}.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    log(f"bench-track: {facts['commit'][:12]} {facts['subject'][:70]}")
    source = builder.checkout(ROOT, facts["commit"], state)
    try:
        pocsim, bench = builder.build(source, state / "build", args.jobs, log_file)
    except builder.BuildFailed as failure:
        entry = history.new_entry(facts, machine.machine_context(), None, None, None,
                                  skipped=str(failure))
        log(f"bench-track: skipped, {failure} (log: {log_file})")
        history.save(args.history, entry)
        return entry
    entry = measure(args, source, pocsim, bench, facts, state / "build")
    log(f"bench-track: {history.save(args.history, entry)}")
    return entry


def commits_named_in_performance_doc():
    text = "".join(path.read_text() for path in sorted((ROOT / "docs").glob("performance*.md")))
    named = []
    for word in sorted(set(re.findall(r"\b[0-9a-f]{7,12}\b", text))):
        try:
            named.append(history.git(ROOT, "rev-parse", "--verify", "-q", f"{word}^{{commit}}"))
        except Exception:  # noqa: BLE001 - a hex word that is not a commit
            continue
    return named


def backfill_sample(args):
    """Every N-th commit of main's first-parent line since --since, and every
    commit docs/performance.md names, oldest first, less those with a
    result on this machine already."""
    line = history.git(ROOT, "rev-list", "--first-parent", "--reverse",
                       f"{args.since}^..HEAD").split()
    sample = set(line[::args.every]) | {line[-1]}
    if args.named:
        sample |= {c for c in commits_named_in_performance_doc() if c in set(line)}
    host = machine.machine_context()["id"]
    done = {e["commit"] for e in history.load_all(args.history, ROOT) if e["machine"]["id"] == host}
    return [c for c in line if c in sample and c not in done]


def load_result(args, name):
    if name == WORKING:
        path = Path(args.state) / "working-tree.json"
        return history.load(path, ROOT) if path.exists() else None
    return history.find(history.load_all(args.history, ROOT), name, machine.machine_context()["id"])


def compare(args):
    old, new = (load_result(args, name) for name in args.compare)
    for name, entry in zip(args.compare, (old, new)):
        if entry is None:
            log(f"bench-track: no result for {name}; measure it first: tools/bench-track.sh {name}")
            return 2
    print(f"{old['commit'][:12]} ({old['machine']['id']})  ->  "
          f"{new['commit'][:12]} ({new['machine']['id']})")
    if old["machine"]["id"] != new["machine"]["id"]:
        print("note: measured on different machines; the times are not comparable")
    print(comparison.compare_times(old, new))
    print(comparison.compare_mesa_ratios(old, new))
    rows = comparison.compare_instructions(old, new)
    print(comparison.format_instructions(rows, old["commit"][:12], new["commit"][:12]))
    return 0


def run_check(args):
    facts = history.commit_facts(ROOT, "HEAD")
    if args.pocsim:  # BUILD/cli/pocsim
        pocsim = Path(args.pocsim).resolve()
        build_dir = pocsim.parents[1]
    else:
        build_dir = ROOT / "build-track"
        pocsim, _ = builder.build(ROOT, build_dir, args.jobs, Path(args.state) / "working-tree.log")
    config = machine.instruction_config(build_dir, pocsim)
    reference = history.latest_with(history.load_all(args.history, ROOT), config, facts["order"])
    if reference is None:
        print(f"bench-track --check: no result in {args.history} counted under {config}: "
              "nothing to compare with")
        return 0
    counts = workloads.count_instructions(pocsim, ROOT, Path(args.state) / "profiles" / "check",
                                          log=log)
    current = history.new_entry(facts, machine.machine_context(), None, None,
                                {"config": config, "workloads": counts})
    text, failing = check.check(reference, current, ROOT, args.expected_changes)
    print(text, end="")
    failed = [name for name, w in counts.items() if "instructions" not in w]
    for name in failed:
        print(f"{name}: did not run: {counts[name]['error']}")
    return 1 if failing or failed else 0


def unknown_commits(names):
    """The names that are not commits of this repository."""
    unknown = []
    for name in names:
        try:
            history.git(ROOT, "rev-parse", "--verify", "-q", f"{name}^{{commit}}")
        except subprocess.CalledProcessError:
            unknown.append(name)
    return unknown


def main(argv=None):
    args = parse_arguments(argv)
    Path(args.state).mkdir(parents=True, exist_ok=True)
    unknown = unknown_commits(args.commits)
    for name in unknown:
        log(f"bench-track: error: {name}: not a commit of this repository")
    if unknown:
        return 2
    if args.compare:
        return compare(args)
    if args.check:
        return run_check(args)
    if args.show:
        entry = load_result(args, args.show)
        if entry is None:
            log(f"bench-track: no result for {args.show}")
            return 2
        print(comparison.show(entry), end="")
        return 0
    if args.report:
        import report
        path = report.write_report(history.load_all(args.history, ROOT), Path(args.report))
        print(path)
        return 0
    if args.backfill:
        commits = backfill_sample(args)
        log(f"bench-track: backfilling {len(commits)} commits")
        for commit in commits:
            record_commit(args, commit)
        return 0
    if not args.commits:
        record_working_tree(args)
        return 0
    for commit in args.commits:
        record_commit(args, commit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
