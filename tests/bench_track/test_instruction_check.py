# SPDX-License-Identifier: Apache-2.0
"""The benchmark history's instruction-count check (bench/track/check.py)
on real callgrind counts of the built `pocsim`: the same run twice counts the
same, and a slowdown planted in the tick loop (POCSIM_PLANTED_SLOWDOWN, a
test-only loop in Simulation::step) is reported at 2% growth and fails the
check above 5% unless bench/expected-changes.txt explains it.

Environment: POCSIM_BINARY (the built command), POCSIM_SOURCE_DIR."""
import os
import re
import sys
from pathlib import Path

import pytest

SOURCE = Path(os.environ["POCSIM_SOURCE_DIR"])
POCSIM = Path(os.environ["POCSIM_BINARY"])
sys.path.insert(0, str(SOURCE / "bench" / "track"))

import check  # noqa: E402
import history  # noqa: E402
import workloads  # noqa: E402

WORKLOAD = "teaching_month"  # 30 days of hourly ticks: 720 passes through the planted loop


def count(tmp_path, label, planted=0):
    environment = dict(workloads.ENVIRONMENT)
    if planted:
        environment["POCSIM_PLANTED_SLOWDOWN"] = str(planted)
    counts = workloads.count_instructions(POCSIM, SOURCE, tmp_path / label, names=[WORKLOAD],
                                          log=lambda _: None, environment=environment)
    assert "instructions" in counts[WORKLOAD], counts[WORKLOAD]
    return counts


def entry(commit, counts):
    facts = {"commit": commit, "order": 0, "subject": "test", "message": "test",
             "commit_date": ""}
    config = {"compiler": "test", "simd": "test"}
    return history.new_entry(facts, {"id": "test"}, None, None,
                             {"config": config, "workloads": counts})


def head(offset=0):
    return history.git(SOURCE, "rev-parse", f"HEAD~{offset}")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    return count(tmp_path_factory.mktemp("reference"), "reference")


def test_the_same_run_twice_counts_the_same_instructions(reference, tmp_path):
    again = count(tmp_path, "again")
    assert again[WORKLOAD]["instructions"] == reference[WORKLOAD]["instructions"]
    text, failing = check.check(entry(head(1), reference), entry(head(), again), SOURCE,
                                tmp_path / "none.txt")
    assert failing == []
    assert "moved" not in text and "+0.00%" in text


def planted_for(growth, reference, tmp_path):
    """The loop length that adds `growth` (a fraction) to the workload, from
    the cost of a probe of 1,000 iterations per tick."""
    probe = count(tmp_path, "probe", planted=1000)[WORKLOAD]["instructions"]
    per_iteration = (probe - reference[WORKLOAD]["instructions"]) / 1000
    assert per_iteration > 0, "the planted loop added nothing: is POCSIM_PLANTED_SLOWDOWN read?"
    return round(growth * reference[WORKLOAD]["instructions"] / per_iteration)


def test_a_planted_two_percent_slowdown_is_reported_but_passes(reference, tmp_path):
    slowed = count(tmp_path, "slowed", planted_for(0.02, reference, tmp_path))
    growth = slowed[WORKLOAD]["instructions"] / reference[WORKLOAD]["instructions"] - 1
    assert growth == pytest.approx(0.02, abs=0.002)
    text, failing = check.check(entry(head(1), reference), entry(head(), slowed), SOURCE,
                                tmp_path / "none.txt")
    assert failing == []
    assert f"{WORKLOAD}" in text and "moved" in text, text
    # the function that moved is named: the tick loop's (step() is inlined into run())
    assert re.search(r"pocsim::Simulation::(step|run)\b", text), text


def test_a_planted_eight_percent_slowdown_fails_unless_explained(reference, tmp_path):
    slowed = count(tmp_path, "slowed", planted_for(0.08, reference, tmp_path))
    old, new = entry(head(1), reference), entry(head(), slowed)
    text, failing = check.check(old, new, SOURCE, tmp_path / "none.txt")
    assert failing == [WORKLOAD], text
    assert "FAIL" in text

    explained = tmp_path / "expected-changes.txt"
    explained.write_text(f"# commit workload reason\n{head()[:10]} {WORKLOAD} a planted loop\n")
    text, failing = check.check(old, new, SOURCE, explained)
    assert failing == [], text
    assert "explained" in text

    # a line naming a commit outside reference..HEAD does not excuse it
    explained.write_text(f"{head(1)[:10]} {WORKLOAD} the reference itself\n")
    assert check.check(old, new, SOURCE, explained)[1] == [WORKLOAD]
