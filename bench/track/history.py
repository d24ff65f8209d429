# SPDX-License-Identifier: Apache-2.0
"""The history: one JSON file per commit and machine under bench/history/.

Plain files in the repository rather than a database: each commit's results
are reviewed in the commit that adds them, travel with every clone (so CI can
compare against them without a server), and never conflict when two branches
add results, since no two commits share a file. A result is about 30 kB.
"""
import json
import subprocess
from datetime import datetime, timezone
from pathlib import Path

FORMAT = 1


def git(root, *args):
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                          check=True).stdout.strip()


def commit_facts(root, commit):
    """A commit's place on main's first-parent line (the plots' order), its
    date and message. The files keep the first three; the message is read
    from git when a result is loaded (TEXT_FROM_GIT)."""
    sha = git(root, "rev-parse", f"{commit}^{{commit}}")
    return {
        "commit": sha,
        "order": int(git(root, "rev-list", "--count", "--first-parent", sha)),
        "commit_date": git(root, "show", "-s", "--format=%cI", sha),
        "subject": git(root, "show", "-s", "--format=%s", sha),
        "message": git(root, "show", "-s", "--format=%B", sha),
    }


def new_entry(facts, machine, build, benchmarks, instructions, skipped=None):
    entry = {"format": FORMAT, **facts,
             "recorded": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
             "machine": machine, "build": build, "benchmarks": benchmarks,
             "instructions": instructions}
    if skipped:
        entry["skipped"] = skipped
    return entry


def entry_path(history_dir, entry):
    return Path(history_dir) / entry["machine"]["id"] / f"{entry['commit'][:12]}.json"


# Read from git on loading, not stored: git keeps them, and a message may
# quote anything (paths outside the repository among them).
TEXT_FROM_GIT = ("subject", "message")


def save(history_dir, entry, path=None):
    """Writes the entry; what it did not measure (--no-times,
    --no-instructions, no --mesa) is kept from the commit's earlier result
    on the same machine."""
    path = Path(path) if path else entry_path(history_dir, entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not entry.get("skipped"):
        earlier = json.loads(path.read_text())
        for part in ("benchmarks", "instructions", "mesa"):
            if not entry.get(part) and earlier.get(part):
                entry[part] = earlier[part]
    saved = {key: value for key, value in entry.items()
             if not key.startswith("_") and key not in TEXT_FROM_GIT}
    path.write_text(json.dumps(saved, indent=1) + "\n")
    return path


def load(path, root=None):
    """A result, with its commit's subject and message from the repository
    at `root` (empty where the commit is not there)."""
    entry = json.loads(Path(path).read_text())
    entry["_path"] = str(path)
    subject = message = ""
    if root is not None:
        try:
            message = git(root, "show", "-s", "--format=%B", entry["commit"])
            subject = message.splitlines()[0] if message else ""
        except subprocess.CalledProcessError:
            pass
    entry.setdefault("subject", subject)
    entry.setdefault("message", message)
    return entry


def load_all(history_dir, root=None):
    entries = [load(path, root) for path in sorted(Path(history_dir).glob("*/*.json"))]
    return sorted(entries, key=lambda e: (e.get("order", 0), e.get("recorded", "")))


def find(entries, commit_prefix, machine_id=None):
    """The entry of a commit (by any unambiguous prefix), on this machine if
    it has one there, else the latest recorded anywhere."""
    matching = [e for e in entries if e["commit"].startswith(commit_prefix) and not e.get("skipped")]
    here = [e for e in matching if e["machine"]["id"] == machine_id]
    chosen = here or matching
    return chosen[-1] if chosen else None


def instruction_counts(entry):
    """{workload: count} of the workloads that ran, with the configuration
    they ran under; ({}, None) when the entry has none."""
    block = entry.get("instructions") or {}
    counts = {name: w["instructions"] for name, w in block.get("workloads", {}).items()
              if "instructions" in w}
    return counts, block.get("config")


def latest_with(entries, config, before_order=None):
    """The last entry (in main's order) whose instruction counts ran under
    the same compiler and vector path."""
    for entry in reversed(entries):
        counts, entry_config = instruction_counts(entry)
        if not counts or not same_config(entry_config, config):
            continue
        if before_order is None or entry.get("order", 0) <= before_order:
            return entry
    return None


# Results recorded before a key was kept were measured without it.
CONFIG_DEFAULTS = {"pic": False}


def same_config(a, b):
    keys = ("compiler", "simd", "mpi", "pic")
    return bool(a) and bool(b) and all(
        a.get(k, CONFIG_DEFAULTS.get(k)) == b.get(k, CONFIG_DEFAULTS.get(k)) for k in keys)
