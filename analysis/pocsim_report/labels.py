# SPDX-License-Identifier: Apache-2.0
"""What a sweep's variants are called on the page, and what each one sets.

A variant's full name (plan.csv's `variant`, "flight_delay=none
withdrawal=all") is never cut: a cut name can make two variants look alike.
When the full names are too long for a plot's axis or legend, every variant
gets a short label instead (its axis levels, or V1, V2, … in plan order) and
the page's table of variants gives each label's full name and settings.
"""
import datetime
import os

import yaml

# Above this many characters a full name no longer fits a plot's axis.
LONGEST_FULL_NAME = 40
LONGEST_LEVELS = 24


def _yaml_text(value):
    """A scenario value as it is written in a sweep file."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True).strip()
    return str(value)


def _variant_file_settings(path):
    """A variant file's `set:` keys, less the scenario's name and description
    (which a sweep leaves out); None when the file cannot be read."""
    try:
        with open(path, encoding="utf-8") as f:
            tree = yaml.safe_load(f)
    except (OSError, yaml.YAMLError):
        return None
    settings = tree.get("set") if isinstance(tree, dict) else None
    if not isinstance(settings, dict):
        return None
    return {k: v for k, v in settings.items()
            if k not in ("scenario.name", "scenario.description")}


def _level_label(level):
    """A level's label: its name, or its variant file's name without .yaml."""
    if "name" in level:
        return _yaml_text(level["name"])
    stem = os.path.basename(str(level["file"]))
    return stem[:-len(".yaml")] if stem.endswith(".yaml") else stem


def sweep_axes(sweep_text):
    """The `axes:` entries of a sweep file's text (manifest.json's
    sweep_text) that are mappings; [] when the text is empty, not YAML, or a
    sampled design."""
    try:
        tree = yaml.safe_load(sweep_text) if sweep_text else None
    except yaml.YAMLError:
        return []
    axes = tree.get("axes") if isinstance(tree, dict) else None
    return [axis for axis in axes if isinstance(axis, dict)] if isinstance(axes, list) else []


def named_level_values(sweep_text, sweep_dir=""):
    """{axis name: {level label: ({key: value}, [variant files not found])}}
    for the axes of named variants (or variant files, read from the sweep
    file's folder `sweep_dir`) in the sweep file's text: what each level
    sets, as YAML values."""
    found = {}
    for axis in sweep_axes(sweep_text):
        if not isinstance(axis.get("variants"), list):
            continue
        levels = {}
        for level in axis["variants"]:
            if not isinstance(level, dict) or not ("name" in level or level.get("file")):
                continue
            settings, unread = {}, []
            if level.get("file"):
                from_file = _variant_file_settings(os.path.join(sweep_dir, str(level["file"])))
                if from_file is None:  # moved: plan.csv's columns then say the values
                    unread.append(str(level["file"]))
                else:
                    settings.update(from_file)
            if isinstance(level.get("set"), dict):
                settings.update(level["set"])
            levels[_level_label(level)] = (settings, unread)
        found[str(axis.get("name", ""))] = levels
    return found


def named_level_settings(sweep_text, sweep_dir=""):
    """{axis name: {level label: "key: value, …"}} for the axes of named
    variants (named_level_values, as text). These say exactly what each level
    sets, nulls included, which plan.csv cannot (it leaves a key empty both
    where it is null and where it is not set)."""
    found = {}
    for axis, levels in named_level_values(sweep_text, sweep_dir).items():
        found[axis] = {}
        for label, (settings, unread) in levels.items():
            parts = [f"the settings of {path}" for path in unread]
            parts += [f"{key}: {_yaml_text(value)}" for key, value in settings.items()]
            found[axis][label] = ", ".join(parts) if parts else "nothing"
    return found


class VariantLabels:
    """The label, full name and settings of each variant of a sweep."""

    def __init__(self, plan, axes, sweep_text, sweep_dir="", drawn=()):
        """drawn: the keys of a posterior, set per draw rather than per variant."""
        self.ids, self.full = [], {}
        self.settings, self.levels = {}, {}
        if plan.empty or "variant_id" not in plan:
            self.short = {}
            return
        first = plan.drop_duplicates("variant_id")
        named = named_level_settings(sweep_text, sweep_dir)
        fixed = {"run_id", "variant_id", "variant", "draw", "particle", "replicate", "seed",
                 *drawn}
        keys = [c for c in plan.columns if c not in fixed and c not in axes]
        for _, row in first.iterrows():
            variant_id = str(row["variant_id"])
            self.ids.append(variant_id)
            self.full[variant_id] = str(row["variant"]) if "variant" in row else variant_id
            self.levels[variant_id] = [str(row[a]) for a in axes if a in row]
            self.settings[variant_id] = self._settings(row, axes, keys, named)
        self.short = self._short_labels()

    @staticmethod
    def _settings(row, axes, keys, named):
        parts = []
        for axis in axes:
            level = str(row.get(axis, ""))
            if axis in named and level in named[axis]:
                parts.append(f"{axis} = {level} ({named[axis][level]})")
            elif axis not in keys and "." in axis:
                parts.append(f"{axis}: {level}")  # a key axis named after its key
            else:
                parts.append(f"{axis} = {level}")
        # Keys of axes the sweep text does not spell out (values, ranges,
        # zipped keys) and sampled parameters: their values from plan.csv.
        spelled = any(axis in named for axis in axes)
        for key in keys:
            value = row.get(key)
            if isinstance(value, str) and value == "":
                continue
            if value != value or value is None:  # NaN: a number column left empty
                continue
            if spelled and not _axis_free_key(key, named):
                continue
            parts.append(f"{key}: {value}")
        return "; ".join(parts) if parts else "the base scenario"

    def _short_labels(self):
        names = [self.full[v] for v in self.ids]
        if all(len(n) <= LONGEST_FULL_NAME for n in names):
            return dict(self.full)
        levels = {v: " · ".join(self.levels[v]) for v in self.ids}
        texts = list(levels.values())
        if all(0 < len(t) <= LONGEST_LEVELS for t in texts) and len(set(texts)) == len(texts):
            return levels
        return {v: f"V{i + 1}" for i, v in enumerate(self.ids)}

    @property
    def abbreviated(self):
        """Whether some variant is shown under a label other than its full name."""
        return any(self.short[v] != self.full[v] for v in self.ids)

    def label(self, variant_id):
        variant_id = str(variant_id)
        return self.short.get(variant_id, variant_id)

    def rows(self):
        """[label, full name, what it sets] per variant, in plan order."""
        return [[self.short[v], self.full[v], self.settings[v]] for v in self.ids]


def _axis_free_key(key, named):
    """Whether no named level of the sweep text sets this key (so plan.csv is
    the only place that says its value)."""
    return not any(key + ":" in text for levels in named.values() for text in levels.values())
