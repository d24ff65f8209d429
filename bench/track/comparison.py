# SPDX-License-Identifier: Apache-2.0
"""Comparing two results: times through Google Benchmark's compare.py (the
Mann-Whitney U test over repetitions), instruction counts workload by
workload with the functions that moved."""
import json
import statistics
import subprocess
import tempfile
from pathlib import Path

from history import instruction_counts, same_config

# Debian's libbenchmark-tools.
COMPARE_PY = Path("/usr/share/benchmark/compare.py")
REPORTED = 1.0  # percent: a change of an instruction count worth a line


def compare_times(old, new):
    """compare.py's table (with the U test's p-values), or why there is none."""
    if not old.get("benchmarks") or not new.get("benchmarks"):
        return "times: not measured in both results\n"
    if not COMPARE_PY.exists():
        return f"times: {COMPARE_PY} is missing (Debian's libbenchmark-tools)\n"
    with tempfile.TemporaryDirectory(prefix="bench-track-") as work:
        files = []
        for label, entry in (("old", old), ("new", new)):
            # compare.py prints the two file names: the commits say more
            path = Path(work) / label / f"{entry['commit'][:12]}.json"
            path.parent.mkdir()
            path.write_text(json.dumps(entry["benchmarks"]))
            files.append(str(path))
        done = subprocess.run(["/usr/bin/python3", str(COMPARE_PY), "--no-color",
                               "benchmarks", *files], capture_output=True, text=True)
    if done.returncode != 0:
        return f"times: compare.py failed: {done.stderr.strip()}\n"
    return done.stdout


def compare_mesa_ratios(old, new):
    """Epstein's ratio to Mesa's agent-steps per second (--mesa), one line a set."""
    old_sets, new_sets = old.get("mesa") or {}, new.get("mesa") or {}
    lines = [f"Epstein vs Mesa ({name} set): {old_sets[name]['ratio']}x -> {ratio['ratio']}x "
             f"(pocsim {old_sets[name]['pocsim']:,} -> {ratio['pocsim']:,} agent-steps/s)"
             for name, ratio in new_sets.items() if name in old_sets]
    return "\n".join(lines) + "\n" if lines else "Epstein vs Mesa: not measured in both results\n"


def percent(old, new):
    return 100.0 * (new - old) / old if old else float("inf")


def moved_functions(old_workload, new_workload, count=5):
    """The functions of the two profiles' tops whose counts moved most (a
    function outside one top counts as the smallest count of that top, an
    upper bound, and is marked so)."""
    def table(workload):
        return {row["function"]: row["instructions"] for row in workload.get("top_functions", [])}
    old_top, new_top = table(old_workload), table(new_workload)
    old_floor = min(old_top.values(), default=0)
    new_floor = min(new_top.values(), default=0)
    rows = []
    for function in set(old_top) | set(new_top):
        before = old_top.get(function, old_floor)
        after = new_top.get(function, new_floor)
        bound = "" if function in old_top and function in new_top else " (bound)"
        rows.append((after - before, function, before, after, bound))
    rows.sort(key=lambda row: -abs(row[0]))
    return [row for row in rows[:count] if row[0] != 0]


def compare_instructions(old, new):
    """[(workload, old, new, percent change, moved functions)] of the
    workloads both results counted under the same configuration."""
    old_counts, old_config = instruction_counts(old)
    new_counts, new_config = instruction_counts(new)
    if not same_config(old_config, new_config):
        return None
    rows = []
    for workload in new_counts:
        if workload in old_counts:
            change = percent(old_counts[workload], new_counts[workload])
            moved = (moved_functions(old["instructions"]["workloads"][workload],
                                     new["instructions"]["workloads"][workload])
                     if abs(change) > REPORTED else [])
            rows.append((workload, old_counts[workload], new_counts[workload], change, moved))
    return rows


def format_instructions(rows, old_name, new_name, failing=()):
    if rows is None:
        return ("instructions: counted under different compilers or vector paths; "
                "not compared\n")
    if not rows:
        return "instructions: no workload counted in both\n"
    width = max(len(r[0]) for r in rows)
    lines = [f"{'workload':<{width}}  {old_name:>15}  {new_name:>15}  {'change':>8}"]
    for workload, before, after, change, moved in rows:
        mark = ""
        if workload in failing:
            mark = "  FAIL: grew more than 5%, not in bench/expected-changes.txt"
        elif abs(change) > REPORTED:
            mark = "  moved"
        lines.append(f"{workload:<{width}}  {before:>15,}  {after:>15,}  {change:>+7.2f}%{mark}")
        for delta, function, f_before, f_after, bound in moved:
            lines.append(f"{'':<{width}}    {delta:>+15,}  {function}{bound}")
    return "\n".join(lines) + "\n"


def _medians(entry):
    """{benchmark: (median, min, max, repetitions, unit)} of the iteration runs."""
    times = {}
    for run in (entry.get("benchmarks") or {}).get("benchmarks", []):
        if run.get("run_type") == "iteration" and "real_time" in run:
            times.setdefault(run["run_name"], ([], run["time_unit"]))[0].append(run["real_time"])
    return {name: (statistics.median(values), min(values), max(values), len(values), unit)
            for name, (values, unit) in times.items()}


def _plain(value):
    """Three significant digits without an exponent: 3,230, 16.5, 0.0606."""
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if value < 1 else f"{value:.{2 if value < 10 else 1}f}"


def show(entry):
    """One result as Markdown: the times (median and range of the
    repetitions), Epstein's ratio to Mesa, the instruction counts."""
    subject = entry["subject"] if len(entry["subject"]) <= 60 else entry["subject"][:59] + "…"
    lines = [f"Commit `{entry['commit'][:12]}` ({subject}), "
             f"{entry['machine']['cpu']}, {entry['machine']['cores']} cores, "
             f"{(entry.get('build') or {}).get('compiler', '?')}, recorded {entry['recorded']}.", ""]
    medians = _medians(entry)
    if medians:
        lines += ["| Benchmark | Median | Range | Repetitions |", "|---|---|---|---|"]
        for name, (median, low, high, count, unit) in medians.items():
            lines.append(f"| `{name}` | {_plain(median)} {unit} | {_plain(low)} - {_plain(high)} "
                         f"{unit} | {count} |")
        lines.append("")
    for name, ratio in (entry.get("mesa") or {}).items():
        lines += [f"Epstein vs Mesa ({name} set, {ratio['seeds']} seeds): pocsim "
                  f"{ratio['pocsim']:,} agent-steps/s, Mesa {ratio['mesa']:,}: "
                  f"**{ratio['ratio']}x**.", ""]
    counts, config = instruction_counts(entry)
    if counts:
        lines += [f"| Workload | Instructions ({config['compiler']}, {config['simd']}"
                  f"{', MPI' if config.get('mpi') else ''}) |", "|---|---|"]
        lines += [f"| `{name}` | {count:,} |" for name, count in counts.items()]
    return "\n".join(lines) + "\n"
