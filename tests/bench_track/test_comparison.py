# SPDX-License-Identifier: Apache-2.0
"""--compare's two halves on made-up results: times through Debian's
compare.py with the U test's p-value, instruction counts with the functions
that moved, and the expected-changes file's reader."""
import os
import random
import re
import sys
from pathlib import Path

import pytest

SOURCE = Path(os.environ["POCSIM_SOURCE_DIR"])
sys.path.insert(0, str(SOURCE / "bench" / "track"))

import check  # noqa: E402
import comparison  # noqa: E402
import history  # noqa: E402


def timed(name, times):
    runs = [{"name": name, "run_name": name, "run_type": "iteration", "repetitions": len(times),
             "repetition_index": i, "threads": 1, "iterations": 3, "real_time": t,
             "cpu_time": t, "time_unit": "ms"} for i, t in enumerate(times)]
    return {"context": {"num_cpus": 2}, "benchmarks": runs}


def result(commit, times=None, workloads=None, config=None):
    facts = {"commit": commit, "order": 1, "subject": "s", "message": "m", "commit_date": ""}
    instructions = {"config": config or {"compiler": "GNU 12.2.0", "simd": "avx2", "mpi": True},
                    "workloads": workloads or {}}
    return history.new_entry(facts, {"id": "m"}, None, times, instructions)


def noisy(mean, count=9, seed=1):
    draw = random.Random(seed)
    return [mean * (1 + draw.uniform(-0.02, 0.02)) for _ in range(count)]


def pvalue(text, name):
    row = next(line for line in text.splitlines() if line.startswith(f"{name}_pvalue"))
    return float(re.findall(r"\d\.\d+", row)[0])


def test_a_slower_benchmark_shows_its_change_and_a_small_p_value():
    name = "BM_BaselineYear/threads:1/iterations:3/real_time"
    old = result("a" * 40, timed(name, noisy(1000.0, seed=1)))
    new = result("b" * 40, timed(name, noisy(1200.0, seed=2)))
    text = comparison.compare_times(old, new)
    assert name in text
    assert "+0.2" in text  # about +20%
    assert pvalue(text, name) < 0.01


def test_the_same_times_give_no_significant_change():
    name = "BM_BuildWorld/real_time"
    old = result("a" * 40, timed(name, noisy(300.0, seed=3)))
    new = result("b" * 40, timed(name, noisy(300.0, seed=4)))
    assert pvalue(comparison.compare_times(old, new), name) > 0.05


def workload(total, functions):
    return {"instructions": total,
            "top_functions": [{"function": f, "instructions": n} for f, n in functions]}


def test_a_moved_workload_names_the_functions_that_moved():
    old = result("a" * 40, workloads={
        "teaching_month": workload(1000, [("f", 600), ("g", 300), ("h", 100)]),
        "epstein_100_steps": workload(500, [("e", 500)])})
    new = result("b" * 40, workloads={
        "teaching_month": workload(1050, [("f", 600), ("g", 350), ("h", 100)]),
        "epstein_100_steps": workload(500, [("e", 500)])})
    rows = {r[0]: r for r in comparison.compare_instructions(old, new)}
    assert rows["teaching_month"][3] == pytest.approx(5.0)
    assert [(m[1], m[0]) for m in rows["teaching_month"][4]] == [("g", 50)]
    assert rows["epstein_100_steps"][3] == 0 and rows["epstein_100_steps"][4] == []


def test_counts_under_another_compiler_are_not_compared():
    counts = {"teaching_month": workload(1000, [])}
    old = result("a" * 40, workloads=counts)
    new = result("b" * 40, workloads=counts, config={"compiler": "Clang 14", "simd": "avx2",
                                                     "mpi": True})
    assert comparison.compare_instructions(old, new) is None
    assert "not compared" in comparison.format_instructions(None, "a", "b")


def test_the_expected_changes_file_is_read_with_its_comments(tmp_path):
    path = tmp_path / "expected.txt"
    path.write_text("# header\n\nabc1234 teaching_month a new phase  # why\n")
    assert check.read_expected_changes(path) == [("abc1234", "teaching_month", "a new phase", 3)]
    path.write_text("abc1234 teaching_month\n")
    with pytest.raises(ValueError, match=r"expected.txt:1:1: error"):
        check.read_expected_changes(path)
