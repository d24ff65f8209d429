# SPDX-License-Identifier: Apache-2.0
"""The section "When": the weekly paired difference in national civilian
deaths, variant − reference, with its 95% band.

It reads SWEEP/timeseries.csv.gz (`sweep.keep_timeseries: all`): every run's
daily series, one row per run, day and region, after run_id, variant_id and
replicate. Replicate r of a variant and of the reference share a seed, so
each week's difference is taken run by run and then averaged; the band is the
Student t interval of those paired differences (a difference may be negative:
no transformation). Without the file the section says how to get it.
"""
import os
import re

import numpy as np
import pandas as pd
from scipy import stats

from .regions import mapped_variants, regional_rows
from .style import no_data, plt

WEEK_DAYS = 7
COLUMNS = ["run_id", "variant_id", "replicate", "day", "date", "civilian_deaths"]
DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def read_weekly(path, runs_per_variant=None):
    """National civilian deaths per run and week: a frame indexed by
    (variant_id, replicate) with one column per complete week, and the
    first date of each week. A last, incomplete week is left out. In a sweep
    over a posterior, "replicate" is the run's place within its variant
    (run_id mod runs_per_variant: draw and replicate), which pairs it with the
    reference's run of the same draw and seed."""
    frame = pd.read_csv(path, usecols=COLUMNS, dtype={"run_id": int, "variant_id": str,
                                                        "replicate": int, "day": int,
                                                        "date": str, "civilian_deaths": float})
    if runs_per_variant:
        frame = frame.assign(replicate=frame["run_id"] % runs_per_variant)
    days = int(frame["day"].max()) + 1
    weeks = days // WEEK_DAYS
    frame = frame[frame["day"] < weeks * WEEK_DAYS]
    frame = frame.assign(week=frame["day"] // WEEK_DAYS)
    weekly = frame.groupby(["variant_id", "replicate", "week"])["civilian_deaths"].sum()
    starts = frame[frame["day"] % WEEK_DAYS == 0].groupby("week")["date"].first()
    return weekly.unstack("week").sort_index(), pd.to_datetime(starts), days - weeks * WEEK_DAYS


def paired_difference(weekly, variant_id, reference):
    """(mean, low, high, n) per week of variant − reference over the
    replicates both have; low/high NaN when n < 2."""
    mine = weekly.xs(variant_id, level="variant_id")
    theirs = weekly.xs(reference, level="variant_id")
    shared = mine.index.intersection(theirs.index)
    d = (mine.loc[shared] - theirs.loc[shared]).to_numpy(dtype=float)
    n = d.shape[0]
    mean = d.mean(axis=0) if n else np.full(weekly.shape[1], np.nan)
    if n < 2:
        return mean, mean * np.nan, mean * np.nan, n
    half = stats.t.ppf(0.975, n - 1) * d.std(axis=0, ddof=1) / np.sqrt(n)
    return mean, mean - half, mean + half, n


def _repeat_last(values):
    return np.concatenate([values, values[-1:]])


def figure(sweep, weekly, starts, ids):
    reference = sweep.reference
    fig, axes = plt.subplots(len(ids), 2, figsize=(12, 2.6 * len(ids) + 1.3), sharex=True,
                             squeeze=False)
    starts = starts.reindex(weekly.columns)
    # A week's value is drawn over the week; the running total at its end.
    ends = (starts + pd.Timedelta(days=WEEK_DAYS)).to_numpy()
    edges = np.concatenate([starts.to_numpy(), ends[-1:]])
    ns = []
    for (weekly_ax, total_ax), variant_id in zip(axes, ids):
        mean, low, high, n = paired_difference(weekly, variant_id, reference)
        ns.append(n)
        weekly_ax.fill_between(edges, _repeat_last(low), _repeat_last(high), step="post",
                               color="#9ecae1", alpha=0.7, linewidth=0, label="95% CI")
        weekly_ax.step(edges, _repeat_last(mean), where="post", color="#08519c", linewidth=1.6,
                       label="mean difference")
        cumulative = paired_difference(weekly.cumsum(axis=1), variant_id, reference)
        total_ax.fill_between(ends, cumulative[1], cumulative[2], color="#fcbba1", alpha=0.7,
                              linewidth=0, label="95% CI")
        total_ax.plot(ends, cumulative[0], color="#a50f15", linewidth=1.8,
                      label="mean difference")
        for ax in (weekly_ax, total_ax):
            ax.axhline(0, color="black", linewidth=0.9)
            for day in DATE.findall(sweep.labels.settings.get(variant_id, "")):
                when = pd.Timestamp(day)
                if edges[0] <= when <= edges[-1]:
                    ax.axvline(when, color="#666666", linestyle=":", linewidth=1)
        weekly_ax.set_ylabel("deaths per week")
        total_ax.set_ylabel("deaths since the start")
        weekly_ax.set_title(f"{sweep.label(variant_id)} − reference: each week", fontsize=10.5)
        total_ax.set_title(f"{sweep.label(variant_id)} − reference: cumulative", fontsize=10.5)
    axes[0][0].legend(loc="upper left", fontsize=8.5)
    axes[0][1].legend(loc="upper left", fontsize=8.5)
    for ax in axes[-1]:
        ax.xaxis.set_major_formatter(plt.matplotlib.dates.DateFormatter("%d %b\n%Y"))
    n_text = f"{min(ns)}" if min(ns) == max(ns) else f"{min(ns)}–{max(ns)}"
    fig.suptitle("National civilian deaths, variant − reference, paired by seed "
                 f"(n = {n_text} pairs); dotted: a date the variant sets", fontsize=12)
    fig.tight_layout()
    return fig


def add_section(sweep, page, plotter):
    page.heading("When: the difference over time")
    if not sweep.reference or sweep.differences.empty:
        page.paragraph("This sweep has no paired differences (a sampled design, a grid of "
                       "one variant, or a sweep not finished): no difference over time.", "note")
        return
    if not _has_file(sweep.timeseries_path):
        page.paragraph(
            "No curve: this sweep kept no daily series of its runs (timeseries.csv.gz). To get "
            "the weekly paired difference in civilian deaths, add `keep_timeseries: all` under "
            "`sweep:` in the sweep file and run the sweep again; the samples' series below are "
            "one run per variant, too few for an interval.", "note")
        return
    rows = regional_rows(sweep)  # the same variants as the maps
    if rows.empty:
        rows = sweep.differences[sweep.differences["variant_id"] !=
                                 sweep.differences["reference_variant_id"]]
    ids, reason = mapped_variants(sweep, rows)
    state = {}

    def make():
        weekly, starts, dropped = read_weekly(sweep.timeseries_path, sweep.runs_per_variant)
        state["dropped"] = dropped
        present = set(weekly.index.get_level_values("variant_id"))
        chosen = [v for v in ids if v in present]
        if sweep.reference not in present or not chosen:
            return no_data("The difference over time",
                           "timeseries.csv.gz has no runs of the reference or of these variants")
        return figure(sweep, weekly, starts, chosen)

    plotter.add("difference_over_time", (
        "Left: civilian deaths per week summed over regions, variant − reference, run by run "
        "(replicate r of both shares a seed), averaged over the replicates, with the 95% "
        "Student t interval of the paired differences; right: the same difference summed "
        f"from the start. For {reason}. From timeseries.csv.gz; weeks of seven days from the "
        "first day, a last incomplete week left out."), make)


def _has_file(path):
    return os.path.isfile(path) and os.path.getsize(path) > 0
