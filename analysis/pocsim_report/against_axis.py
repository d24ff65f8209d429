# SPDX-License-Identifier: Apache-2.0
"""The section "Against <axis>": civilian deaths against the value of a
numeric axis of a grid sweep (the mission's strength in units, a delay in
hours), as lines with 95% bands, one panel per level of the other axes.

An axis is numeric when each of its levels sets the same single scenario key
to a number: a key axis whose values are numbers (its labels are the values),
or an axis of named levels that each set that one key (labels such as `0.5x`
for 14 units). The means and their intervals are summary.csv's, the paired
differences from the reference differences.csv's: the report computes no
statistic of its own here, so the lines agree with the tables of the sweep.
"""
import math
import sys
import traceback
from dataclasses import dataclass

import matplotlib.ticker
import numpy as np
import pandas as pd

from . import significance
from .inputs import CIVILIAN_DEATHS
from .labels import named_level_values, sweep_axes
from .regions import difference_text
from .style import (ci_text, kind_colour, kind_order, mark_no_data, no_data, plt,
                    series_colours, wrap)

PERPETRATOR = "civilian_deaths.by_perpetrator_kind."
REGION = "civilian_deaths.by_region."
# Panels beyond these are in summary.csv: a page of more would be unreadable.
MAX_PANELS = 6
PANEL_COLUMNS = 3
MIN_WIDTH = 7.5  # inches: one panel alone still has room for its title
CHARACTERS_PER_INCH = 15  # of an 11-point title line
# Lines beyond these in one panel tangle; the table lists every region.
MAX_REGION_LINES = 6
TOTAL_COLOUR = "#8b0000"
THOUSANDS = matplotlib.ticker.StrMethodFormatter("{x:,.0f}")


@dataclass(frozen=True)
class NumericAxis:
    name: str     # the axis's name (its column in plan.csv)
    key: str      # the scenario key its levels set
    values: dict  # level label -> the number it sets

    def title(self):
        return self.name if self.name == self.key else f"{self.name} ({self.key})"

    def ordered(self):
        """[(level, value)] from the smallest value to the largest."""
        return sorted(self.values.items(), key=lambda item: item[1])

    def column_label(self, level):
        """The level's label with its value, `0.5x (14)`, or the value alone."""
        value = _value_text(self.values[level])
        return value if level == value else f"{level} ({value})"

    def tick_label(self, level):
        """The value, and the level's label under it when that says more (`0.5x`)."""
        value = _value_text(self.values[level])
        return value if level == value else f"{value}\n{level}"


def _finite_number(value):
    """A YAML value or a label as a finite number; None for anything else
    (booleans, dates, nulls, words, NaN)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _value_text(value):
    return f"{value:g}" if value != int(value) else f"{int(value)}"


def numeric_axes(sweep):
    """The sweep's numeric axes (NumericAxis), in axis order. The sweep
    file's text (manifest.json's sweep_text) says what named levels set; a
    sweep folder without it counts an axis as numeric when its labels are
    numbers (a key axis), named after its key."""
    text = str(sweep.manifest.get("sweep_text") or "")
    named = named_level_values(text, str(sweep.manifest.get("sweep_dir") or ""))
    keyed = {str(a.get("name", a["key"])): str(a["key"]) for a in sweep_axes(text)
             if isinstance(a.get("key"), str)}
    found = []
    for axis in sweep.axes:
        levels = sweep.axis_levels(axis)
        if axis in named:
            per_level = [named[axis].get(level, ({}, [])) for level in levels]
            keys = {key for settings, _ in per_level for key in settings}
            if len(keys) != 1 or any(unread or len(settings) != 1
                                     for settings, unread in per_level):
                continue  # several keys, a level that sets nothing, or a file not found
            key = keys.pop()
            values = {level: _finite_number(settings[key])
                      for level, (settings, _) in zip(levels, per_level)}
        else:
            key = keyed.get(axis, axis)
            values = {level: _finite_number(level) for level in levels}
        if None in values.values() or len(set(values.values())) < 2:
            continue
        found.append(NumericAxis(axis, key, values))
    return found


# ---------------------------------------------------------------- the data


def variant_positions(sweep, axis):
    """One row per variant, in plan order: variant_id, level, x (the number
    the level sets) and panel (its levels on the other axes, as text)."""
    values = sweep.variant_values()
    if values.empty or axis.name not in values:
        return pd.DataFrame(columns=["variant_id", "level", "x", "panel"])
    others = [a for a in sweep.axes if a != axis.name and a in values]
    rows = []
    for variant_id, row in values.iterrows():
        level = str(row[axis.name])
        panel = ", ".join(f"{a} = {row[a]}" for a in others) or "all variants"
        rows.append((str(variant_id), level, axis.values.get(level, np.nan), panel))
    return pd.DataFrame(rows, columns=["variant_id", "level", "x", "panel"])


def outcomes_of(sweep, prefix):
    """The outcomes of summary.csv under a prefix (by perpetrator kind or
    region), whole run only (not windows), in summary.csv's order."""
    s = sweep.summary
    if s.empty or "outcome" not in s:
        return []
    return [o for o in dict.fromkeys(s["outcome"]) if o.startswith(prefix)]


def level_rows(sweep, axis, outcomes):
    """One row per variant and outcome: the variant's position (level, x,
    panel); n, mean, ci_low, ci_high from summary.csv; the paired difference
    from the reference (difference, difference_sd, difference_low,
    difference_high, significant) from differences.csv, zero for the
    reference itself."""
    positions = variant_positions(sweep, axis)
    s = sweep.summary
    if positions.empty or s.empty or "outcome" not in s:
        return pd.DataFrame()
    means = s[s["outcome"].isin(outcomes)][["variant_id", "outcome", "n", "mean", "ci_low",
                                             "ci_high"]]
    rows = positions.merge(means, on="variant_id", how="inner")
    d = sweep.differences
    if not d.empty and "outcome" in d:
        mine = d[d["outcome"].isin(outcomes) & (d["variant_id"] != d["reference_variant_id"])]
        mine = mine.assign(significant=significance.significant(mine, d).to_numpy())
        mine = mine[["variant_id", "outcome", "mean", "sd", "ci_low", "ci_high",
                     "significant"]].rename(
            columns={"mean": "difference", "sd": "difference_sd", "ci_low": "difference_low",
                     "ci_high": "difference_high"})
        rows = rows.merge(mine, on=["variant_id", "outcome"], how="left")
        reference = rows["variant_id"] == sweep.reference
        for column in ("difference", "difference_sd", "difference_low", "difference_high"):
            rows.loc[reference, column] = 0.0  # the reference minus itself
    if "significant" in rows:
        rows["significant"] = rows["significant"].fillna(False).astype(bool)
    return rows.sort_values(["x"], kind="stable").reset_index(drop=True)


def panels_of(rows):
    return list(dict.fromkeys(rows["panel"])) if not rows.empty else []


def has_differences(rows):
    return "difference" in rows and rows["difference"].notna().any()


# ---------------------------------------------------------------- the figures


def _share_limits(axes):
    """One y range over several panels, so that their lines compare."""
    if not axes:
        return
    lows, highs = zip(*(ax.get_ylim() for ax in axes))
    for ax in axes:
        ax.set_ylim(min(lows), max(highs))


def _band(ax, points, mean, low, high, colour, label, marked=None):
    """A line through the means with its 95% band; marked: per point, a filled
    dot (a significant difference) rather than an open one."""
    x = points["x"].to_numpy(dtype=float)
    ax.fill_between(x, points[low].to_numpy(dtype=float), points[high].to_numpy(dtype=float),
                    color=colour, alpha=0.16, linewidth=0)
    ax.plot(x, points[mean].to_numpy(dtype=float), "-", color=colour, linewidth=2, label=label)
    if marked is None:
        ax.plot(x, points[mean].to_numpy(dtype=float), "o", color=colour, markersize=5)
        return
    filled = points[marked].to_numpy(dtype=bool)
    y = points[mean].to_numpy(dtype=float)
    ax.scatter(x[filled], y[filled], s=30, color=colour, zorder=3)
    ax.scatter(x[~filled], y[~filled], s=30, facecolors="white", edgecolors=colour,
               linewidths=1.4, zorder=3)


def figure(sweep, axis, rows, outcomes, names, colours, what, legend=True):
    """Means (top of each pair of panels) and paired differences from the
    reference (below, when differences.csv has them) against the axis's
    value, one line per outcome (named in a legend under the panels), one
    panel per level of the other axes."""
    title = f"{what} against {axis.name}"
    panels = panels_of(rows)[:MAX_PANELS]
    if not panels:
        return no_data(title, "summary.csv has none of these outcomes for the axis's variants")
    with_differences = has_differences(rows)
    columns = min(PANEL_COLUMNS, len(panels))
    panel_rows = math.ceil(len(panels) / columns)
    per_panel = 2 if with_differences else 1
    fig, axes = plt.subplots(panel_rows * per_panel, columns, squeeze=False, sharex=True,
                             figsize=(max(4.8 * columns, MIN_WIDTH),
                                      3.3 * per_panel * panel_rows + 0.8),
                             gridspec_kw={"height_ratios": [1.3, 1.0] * panel_rows
                                          if with_differences else None})
    ticks = axis.ordered()
    reference_x = rows.loc[rows["variant_id"] == sweep.reference, "x"]
    mean_axes, difference_axes = [], []
    for k, panel in enumerate(panels):
        row, column = divmod(k, columns)
        top = axes[row * per_panel][column]
        below = axes[row * per_panel + 1][column] if with_differences else None
        mine = rows[rows["panel"] == panel]
        drawn = False
        for outcome in outcomes:
            points = mine[mine["outcome"] == outcome]
            if points.empty:
                continue
            drawn = True
            _band(top, points, "mean", "ci_low", "ci_high", colours[outcome], names[outcome])
            if below is not None:
                _band(below, points, "difference", "difference_low", "difference_high",
                      colours[outcome], names[outcome], marked="significant")
        top.set_title(panel, fontsize=11)
        top.set_ylabel("civilian deaths per run")
        mean_axes.append(top)
        if below is not None:
            below.axhline(0, color="black", linewidth=0.8)
            below.set_ylabel("difference from the reference")
            difference_axes.append(below)
        for ax in (top, below):
            if ax is None:
                continue
            if not drawn:
                mark_no_data(ax, "no variant of this panel has these outcomes")
            for x in reference_x:
                ax.axvline(x, color="#1f77b4", linestyle=":", linewidth=1.2)
    for ax in axes.flat:
        if ax not in mean_axes and ax not in difference_axes:
            ax.set_visible(False)
    _share_limits(mean_axes)
    _share_limits(difference_axes)
    for ax in mean_axes + difference_axes:
        ax.yaxis.set_major_formatter(THOUSANDS)
    bottom = difference_axes if with_differences else mean_axes
    for ax in bottom:
        ax.set_xticks([x for _, x in ticks])
        ax.set_xticklabels([axis.tick_label(level) for level, _ in ticks])
        ax.xaxis.set_tick_params(labelbottom=True)
        ax.set_xlabel(axis.title())
    if legend:
        handles, labels = [], []
        for ax in mean_axes:
            for handle, label in zip(*ax.get_legend_handles_labels()):
                if label not in labels:
                    handles.append(handle)
                    labels.append(label)
        if labels:
            fig.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.0),
                       ncol=min(len(labels), 6), frameon=False)
    reference = sweep.label(sweep.reference) if sweep.reference else ""
    subtitle = "mean per run and 95% CI (summary.csv)"
    if with_differences:
        subtitle += (f"; below: paired difference from the reference ({reference}), 95% CI "
                     "(differences.csv), filled dot: significant")
    width = fig.get_size_inches()[0]
    fig.suptitle(f"{title}\n{wrap(subtitle, int(CHARACTERS_PER_INCH * width))}", fontsize=11)
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------- the table


def _cells(points, levels):
    by_level = {str(r["level"]): r for _, r in points.iterrows()}
    return [ci_text(by_level.get(level), count=True) for level in levels]


def _difference_cells(points, levels, reference):
    cells = []
    for level in levels:
        row = points[points["level"] == level]
        if row.empty or pd.isna(row["difference"].iloc[0]):  # no paired difference
            cells.append("–")
        elif str(row["variant_id"].iloc[0]) == reference:
            cells.append("reference")
        else:
            r = row.iloc[0]
            text = difference_text({"mean": r["difference"], "sd": r["difference_sd"],
                                    "ci_low": r["difference_low"],
                                    "ci_high": r["difference_high"]})
            cells.append(text + (" *" if r["significant"] else ""))
    return cells


def table_rows(sweep, axis, rows, groups, panel):
    """[outcome label, one mean [95% CI] per level] for one panel: the total,
    its paired difference from the reference, then each other outcome of
    `groups` ([(outcome, label)]) with deaths at some level."""
    mine = rows[rows["panel"] == panel]
    levels = [level for level, _ in axis.ordered()]
    out = []
    for outcome, label in groups:
        points = mine[mine["outcome"] == outcome]
        if points.empty or (outcome != CIVILIAN_DEATHS and not (points["mean"] > 0).any()):
            continue
        out.append([label] + _cells(points, levels))
        if outcome == CIVILIAN_DEATHS and has_differences(points):
            out.append(["minus the reference"] +
                       _difference_cells(points, levels, sweep.reference))
    return out


# ---------------------------------------------------------------- the section


def _region_order(rows, regions):
    """Regions by their largest mean deaths over the variants, most first."""
    peak = rows[rows["outcome"].isin(regions)].groupby("outcome")["mean"].max()
    return sorted(regions, key=lambda r: (-peak.get(r, 0.0), r))


def add_section(sweep, page, plotter):
    """One section per numeric axis of a grid sweep; returns how many were
    written. A section that fails is counted as a failed plot, with a
    warning on stderr."""
    written = 0
    try:
        for axis in numeric_axes(sweep):
            _axis_section(sweep, page, plotter, axis)
            written += 1
    except Exception as e:  # noqa: BLE001 -- the rest of the report must still be written
        plotter.failures += 1
        print(f"report.py: warning: section 'Against' failed: {type(e).__name__}: {e}",
              file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
    return written


def _axis_section(sweep, page, plotter, axis):
    kinds = outcomes_of(sweep, PERPETRATOR)
    kinds = [PERPETRATOR + k for k in kind_order([o[len(PERPETRATOR):] for o in kinds])]
    regions = outcomes_of(sweep, REGION)
    rows = level_rows(sweep, axis, [CIVILIAN_DEATHS] + kinds + regions)
    page.heading(f"Against {axis.name}")
    if rows.empty:
        page.paragraph(f"no data: summary.csv has no civilian deaths of the variants of "
                       f"{axis.name} yet.", "note")
        return
    regions = _region_order(rows, regions)
    # Kinds and regions with no death anywhere would be flat lines at zero.
    deadly = set(rows.loc[rows["mean"] > 0, "outcome"])
    kinds = [k for k in kinds if k in deadly]
    plotted_regions = [r for r in regions if r in deadly][:MAX_REGION_LINES]
    panels = panels_of(rows)
    reference = sweep.label(sweep.reference) if sweep.reference else ""
    levels = ", ".join(f"{level} = {_value_text(value)}" for level, value in axis.ordered())
    page.paragraph(
        f"Civilian deaths against the value of {axis.key} that each level of {axis.name} sets "
        f"({levels}), one panel per level of the other axes"
        + (f" ({len(panels)} panels; the first {MAX_PANELS} are drawn, the tables below have "
           "all)" if len(panels) > MAX_PANELS else "") +
        ". Lines join the means over the replications; bands are summary.csv's 95% intervals "
        "(for counts on the log scale, so they stay above zero)."
        + (f" Below each panel, the paired difference variant − reference ({reference}): "
           "replicate r of both shares a seed, so the interval is that of the differences "
           "(differences.csv), narrower than those of the two means; a filled dot is a "
           f"difference {significance.marking_rule(sweep.differences)}. In a panel other than "
           "the reference's, the difference at the reference's level (dotted line) is the "
           "other axes' effect alone." if has_differences(rows) else ""))
    total = {CIVILIAN_DEATHS: "civilian deaths"}
    plotter.add(f"against_{_file_part(axis.name)}_total",
                f"Civilian deaths in all regions (civilian_deaths.total) against {axis.name}, "
                f"the value of {axis.key}.",
                lambda: figure(sweep, axis, rows, [CIVILIAN_DEATHS], total,
                               {CIVILIAN_DEATHS: TOTAL_COLOUR}, "Civilian deaths",
                               legend=False))
    kind_names = {k: k[len(PERPETRATOR):] for k in kinds}
    if not kinds:
        page.paragraph("No deaths by perpetrator kind: summary.csv has no "
                       "civilian_deaths.by_perpetrator_kind.* with deaths.", "note")
    else:
        plotter.add(f"against_{_file_part(axis.name)}_perpetrator",
                    "Civilian deaths by perpetrator kind (civilian_deaths.by_perpetrator_kind.*) "
                    f"against {axis.name}, the value of {axis.key}; kinds with no death in any "
                    "variant left out.",
                    lambda: figure(sweep, axis, rows, kinds, kind_names,
                                   {k: kind_colour(k[len(PERPETRATOR):], kind_names.values())
                                    for k in kinds}, "Civilian deaths by perpetrator kind"))
    region_names = {r: r[len(REGION):] for r in plotted_regions}
    left_out = len([r for r in regions if r in deadly]) - len(plotted_regions)
    if not plotted_regions:
        page.paragraph("No deaths by region: summary.csv has no civilian_deaths.by_region.* "
                       "with deaths.", "note")
    else:
        plotter.add(f"against_{_file_part(axis.name)}_region",
                    "Civilian deaths by region (civilian_deaths.by_region.*) against "
                    f"{axis.name}, the value of {axis.key}: the "
                    f"{len(plotted_regions)} regions with the most deaths in some variant"
                    + (f"; {left_out} other region(s) with deaths are in the tables below"
                       if left_out > 0 else "") + ".",
                    lambda: figure(sweep, axis, rows, plotted_regions, region_names,
                                   dict(zip(plotted_regions,
                                            series_colours(len(plotted_regions)))),
                                   "Civilian deaths by region"))
    groups = ([(CIVILIAN_DEATHS, "all")] +
              [(k, f"by {k[len(PERPETRATOR):]}") for k in kinds] +
              [(r, f"in {r[len(REGION):]}") for r in regions])
    header = ["civilian deaths, mean [95% CI]"] + [axis.column_label(level)
                                                    for level, _ in axis.ordered()]
    for panel in panels:
        if len(panels) > 1:
            page.subheading(panel)
        page.table(header, table_rows(sweep, axis, rows, groups, panel))
    page.paragraph("Means and intervals from summary.csv, the difference from the reference "
                   "from differences.csv (* a difference "
                   + significance.marking_rule(sweep.differences) + "). Rows of perpetrator "
                   "kinds and regions with no death at any level of the panel are left out; "
                   "summary.csv and differences.csv have every outcome.")


def _file_part(name):
    """An axis name as part of a file name (plots/against_NAME_….png)."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
