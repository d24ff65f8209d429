# SPDX-License-Identifier: Apache-2.0
"""The history page (bench/track/report.py) on a made-up history: a plot per
benchmark and workload, every point linked to its commit, the moves beyond
the noise marked and only those, the commits that did not build listed."""
import os
import re
import sys
from pathlib import Path

SOURCE = Path(os.environ["POCSIM_SOURCE_DIR"])
sys.path.insert(0, str(SOURCE / "bench" / "track"))

import history  # noqa: E402
import report  # noqa: E402

BENCHMARK = "BM_BaselineYear/threads:1/iterations:3/real_time"
COMMITS = [f"{i:02x}" * 20 for i in range(1, 25)]  # 24 made-up commits


def entry(index, time_ms, count, skipped=None):
    facts = {"commit": COMMITS[index], "order": index + 1, "subject": f"change {index}",
             "message": f"change {index}\n\nbody {index}", "commit_date": "2026-12-01T00:00:00+00:00"}
    if skipped:
        return history.new_entry(facts, {"id": "m-2c"}, None, None, None, skipped=skipped)
    runs = [{"name": BENCHMARK, "run_name": BENCHMARK, "run_type": "iteration",
             "repetitions": 3, "repetition_index": r, "real_time": time_ms * (1 + 0.01 * (r - 1)),
             "cpu_time": time_ms, "time_unit": "ms", "iterations": 3, "threads": 1}
            for r in range(3)]
    workloads = {"teaching_month": {"instructions": count, "top_functions": []}}
    return history.new_entry(facts, {"id": "m-2c", "cpu": "CPU", "cores": 2, "simd": "avx2"},
                             {"type": "Release", "compiler": "GNU 12.2.0"},
                             {"context": {}, "benchmarks": runs},
                             {"config": {"compiler": "GNU 12.2.0", "simd": "avx2", "mpi": True},
                              "workloads": workloads})


def history_with_two_steps():
    """Times step up 20% at commit 10; instructions step up 2% at commit 15
    and by 0.5% (under the 1% mark) at commit 20; commit 5 did not build."""
    entries = []
    for i in range(len(COMMITS)):
        if i == 5:
            entries.append(entry(i, 0, 0, skipped="the pocsim target did not build"))
            continue
        time_ms = 1000.0 if i < 10 else 1200.0
        count = 100_000_000 if i < 15 else (102_000_000 if i < 20 else 102_510_000)
        entries.append(entry(i, time_ms, count))
    return entries


def test_the_page_has_a_plot_per_benchmark_and_workload_linked_to_the_commits(tmp_path):
    page = report.write_report(history_with_two_steps(), tmp_path / "page").read_text()
    assert page.count("<svg") >= 2
    assert BENCHMARK in page and "teaching_month" in page
    for commit in COMMITS:
        assert f'id="c-{commit[:12]}"' in page  # every commit has its row
    # every measured commit's points link to its row: one per plot
    linked = re.findall(r'href="#c-([0-9a-f]{12})"', page)
    assert all(linked.count(c[:12]) >= 2 for i, c in enumerate(COMMITS) if i != 5)


def test_moves_beyond_the_noise_are_marked_and_only_those(tmp_path):
    page = report.write_report(history_with_two_steps(), tmp_path / "page").read_text()
    moves = page[page.index("<h2 id=moves>"):]
    moves = moves[:moves.index("</table>")]
    assert COMMITS[10][:7] in moves  # the 20% time step
    assert COMMITS[15][:7] in moves  # the 2% instruction step
    assert COMMITS[20][:7] not in moves  # 0.5%: under the mark
    assert COMMITS[11][:7] not in moves  # unchanged


def test_a_commit_that_did_not_build_is_listed_with_its_reason(tmp_path):
    page = report.write_report(history_with_two_steps(), tmp_path / "page").read_text()
    assert "the pocsim target did not build" in page
