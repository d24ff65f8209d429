# SPDX-License-Identifier: Apache-2.0
"""Reading a run or sweep directory (formats in README.md and docs/architecture.md).

Every reader tolerates a missing or empty file and gives an empty frame, so
that a failed run or a sweep still under way gets a report with "no data"
where its results are missing.
"""
import json
import os

import pandas as pd

from .labels import VariantLabels

# The columns of a sweep's CSV files that hold labels, not numbers.
LABEL_COLUMNS = {"run_id", "variant_id", "variant", "replicate", "seed", "status", "error",
                 "reference_variant_id", "outcome", "parameter", "focus.regions"}

CIVILIAN_DEATHS = "civilian_deaths.total"


def directory_kind(path):
    """'run', 'sweep', 'calibration' or None."""
    if os.path.isfile(os.path.join(path, "manifest.json")) and \
            os.path.isfile(os.path.join(path, "posterior.csv")):
        return "calibration"
    if os.path.isfile(os.path.join(path, "manifest.json")) and \
            os.path.isfile(os.path.join(path, "plan.csv")):
        return "sweep"
    if os.path.isfile(os.path.join(path, "summary.json")):
        return "run"
    return None


def read_json(path):
    """The parsed file, or {} when it is missing or empty."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        return {}
    return json.loads(text) if text.strip() else {}


def read_csv(path, labels=()):
    """A CSV file as a frame: label columns (LABEL_COLUMNS and `labels`) as
    text exactly as written (a variant named `none` or `NA` stays one), every
    other column as numbers (empty cells NaN). Empty frame when the file is
    missing or has no header."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (FileNotFoundError, pd.errors.EmptyDataError):
        return pd.DataFrame()
    text = LABEL_COLUMNS | set(labels)
    for column in frame.columns:
        if column not in text:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


def read_events(path):
    """events.csv; perpetrator_kind is empty for battles and explosions."""
    frame = read_csv(path, labels=("event_id_cnty", "event_date", "event_type", "sub_event_type",
                                   "actor1", "actor2", "admin1", "perpetrator_kind",
                                   "response_mode", "outcome"))
    return frame


def read_timeseries(path):
    return read_csv(path, labels=("date", "region"))


class RunDir:
    """A run directory of `pocsim run`, or a sample run of a sweep."""

    def __init__(self, path):
        self.path = path
        self.summary = read_json(os.path.join(path, "summary.json"))
        self.events = read_events(os.path.join(path, "events.csv"))
        self.timeseries = read_timeseries(os.path.join(path, "timeseries.csv"))
        self.resolved_scenario = os.path.join(path, "scenario.resolved.yaml")

    @property
    def name(self):
        return str(self.summary.get("scenario", os.path.basename(os.path.normpath(self.path))))

    def episodes(self):
        """One row per violent episode: events.csv repeats an episode's
        response times on each of its daily rows."""
        e = self.events
        if e.empty or "episode_id" not in e or "perpetrator_kind" not in e:
            return pd.DataFrame()
        violent = e[(e["perpetrator_kind"] != "") & e["episode_id"].notna()]
        return violent.drop_duplicates("episode_id")


class SweepDir:
    """A sweep directory of `pocsim sweep`."""

    def __init__(self, path):
        self.path = path
        self.manifest = read_json(os.path.join(path, "manifest.json"))
        self.axes = [str(a) for a in self.manifest.get("axes") or []]
        self.parameters = [str(p) for p in self.manifest.get("parameters") or []]
        self.plan = read_csv(os.path.join(path, "plan.csv"), labels=self.axes)
        runs = read_csv(os.path.join(path, "runs.csv"), labels=self.axes)
        self.runs = runs
        self.ok_runs = runs[runs["status"] == "ok"] if "status" in runs else runs.iloc[0:0]
        self.summary = read_csv(os.path.join(path, "summary.csv"))
        self.differences = read_csv(os.path.join(path, "differences.csv"))
        self.sobol = read_csv(os.path.join(path, "sobol.csv"))
        reference = self.manifest.get("reference_variant")
        self.reference = "" if reference is None else str(reference)
        self.labels = VariantLabels(self.plan, self.axes,
                                    str(self.manifest.get("sweep_text") or ""),
                                    str(self.manifest.get("sweep_dir") or ""))
        self._samples = None
        # Every run's daily series (`sweep.keep_timeseries: all`), when kept.
        self.timeseries_path = os.path.join(path, "timeseries.csv.gz")

    @property
    def name(self):
        return str(self.manifest.get("sweep") or os.path.basename(os.path.normpath(self.path)))

    def variants(self):
        """(variant_id, label) in order of first appearance in plan.csv; the
        label is the full name, or a short label when names are long
        (labels.py)."""
        return [(v, self.labels.label(v)) for v in self.labels.ids]

    def label(self, variant_id):
        return self.labels.label(variant_id)

    def axis_levels(self, axis):
        """The levels of an axis in order of first appearance in plan.csv."""
        return list(dict.fromkeys(self.plan[axis])) if axis in self.plan else []

    def variant_values(self):
        """plan.csv's first row per variant, indexed by variant_id: its axis
        levels and parameter values."""
        if self.plan.empty or "variant_id" not in self.plan:
            return pd.DataFrame()
        return self.plan.drop_duplicates("variant_id").set_index("variant_id")

    def outcome_summary(self, outcome):
        """summary.csv rows of one outcome, indexed by variant_id."""
        s = self.summary
        if s.empty or "outcome" not in s:
            return pd.DataFrame()
        return s[s["outcome"] == outcome].drop_duplicates("variant_id").set_index("variant_id")

    def sample(self, variant_id):
        """The sample run directory of a variant, or None."""
        path = os.path.join(self.path, "samples", variant_id)
        return RunDir(path) if os.path.isfile(os.path.join(path, "summary.json")) else None

    def samples(self):
        """[(variant_id, label, RunDir)] of the variants that have a sample;
        read once, as several sections use them."""
        if self._samples is None:
            self._samples = []
            for variant_id, label in self.variants():
                run = self.sample(variant_id)
                if run is not None:
                    self._samples.append((variant_id, label, run))
        return list(self._samples)
