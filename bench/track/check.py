# SPDX-License-Identifier: Apache-2.0
"""CI's check: this commit's instruction counts against the latest result in
the history counted under the same compiler and vector path.

A workload that grew by more than 5% fails the check unless
bench/expected-changes.txt says why: a line `COMMIT WORKLOAD REASON` whose
commit lies between the history's result and this one (a commit cannot name
itself, so the line comes in a later commit of the same change).
"""
import subprocess
from pathlib import Path

from comparison import compare_instructions, format_instructions
from history import git

FAIL_ABOVE = 5.0  # percent


def read_expected_changes(path):
    """[(commit prefix, workload, reason, line number)]; '#' starts a comment."""
    changes = []
    path = Path(path)
    if not path.exists():
        return changes
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        fields = text.split(None, 2)
        if len(fields) < 3:
            raise ValueError(f"{path}:{number}:1: error: expected `COMMIT WORKLOAD REASON`, "
                             f"got `{text}`")
        changes.append((fields[0], fields[1], fields[2], number))
    return changes


def commits_between(root, since, until):
    """Full hashes of the commits in since..until (until included)."""
    try:
        return set(git(root, "rev-list", f"{since}..{until}").split())
    except subprocess.CalledProcessError:
        return set()


def explained(changes, workload, commits):
    return any(w == workload and any(c.startswith(prefix) for c in commits)
               for prefix, w, _, _ in changes)


def check(reference, current, root, expected_changes_path):
    """(report text, failing workloads)."""
    rows = compare_instructions(reference, current)
    header = (f"instruction counts against {reference['commit'][:12]} "
              f"({reference['machine']['id']}, {reference['subject'][:60]}):\n")
    if rows is None:
        return header + format_instructions(rows, "", ""), []
    changes = read_expected_changes(expected_changes_path)
    commits = commits_between(root, reference["commit"], current["commit"])
    failing = [r[0] for r in rows
               if r[3] > FAIL_ABOVE and not explained(changes, r[0], commits)]
    excused = [r[0] for r in rows if r[3] > FAIL_ABOVE and r[0] not in failing]
    text = header + format_instructions(rows, reference["commit"][:12], "this commit", failing)
    for workload in excused:
        text += f"{workload}: grew more than 5%, explained in {expected_changes_path}\n"
    return text, failing
