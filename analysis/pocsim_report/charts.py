# SPDX-License-Identifier: Apache-2.0
"""The plots other than the map. Each function returns a matplotlib figure;
with nothing to plot it returns the "no data" figure instead."""
import numpy as np
import pandas as pd

from .significance import marking_rule, significant
from .style import kind_colour, mark_no_data, no_data, plt, series_colours, wrap

# Hour marks of the response-time axes: the 6 h and 24 h of the protection
# outcomes, then days and weeks.
HOUR_TICKS = [0, 1, 2, 6, 12, 24, 48, 96, 168, 336, 720, 1440]
MAX_VARIANT_ROWS = 40


def _hours_axis(ax, largest):
    ax.set_xscale("symlog", linthresh=1.0, linscale=0.5)
    largest = max(largest, 24)
    ticks = [t for t in HOUR_TICKS if t < largest]
    ticks.append(next((t for t in HOUR_TICKS if t >= largest), HOUR_TICKS[-1]))
    ax.set_xticks(ticks)
    ax.set_xticklabels([str(t) for t in ticks])
    ax.set_xlim(0, max(ticks))
    for mark in (6, 24):
        ax.axvline(mark, color="#999999", linestyle=":", linewidth=1)


def _ecdf(ax, hours, total, **style):
    """Share of all `total` items with a value at most x; the curve ends
    below 1 when some items never got a value (never detected, never reached)."""
    hours = np.sort(np.asarray(hours, dtype=float))
    hours = hours[~np.isnan(hours)]
    if total <= 0 or hours.size == 0:
        return False
    x = np.concatenate([[0.0], hours, [hours[-1] * 1.5 + 1]])
    y = np.concatenate([[0.0], np.arange(1, hours.size + 1) / total, [hours.size / total]])
    ax.step(x, y, where="post", **style)
    return True


# ---------------------------------------------------------------- a run


def run_response_times(run):
    episodes = run.episodes()
    if episodes.empty:
        return no_data("Response times", "no violent episode in events.csv")
    fig, ax = plt.subplots(figsize=(8, 4.2))
    total = len(episodes)
    largest = 0.0
    drawn = False
    for column, label, colour in (("detection_hours", "detected", "#1f77b4"),
                                  ("arrival_hours", "first responder arrived", "#d62728")):
        hours = episodes[column].dropna() if column in episodes else pd.Series(dtype=float)
        if _ecdf(ax, hours, total, color=colour, linewidth=2,
                 label=f"{label} ({len(hours)} of {total})"):
            drawn = True
            largest = max(largest, float(hours.max()))
    if not drawn:
        plt.close(fig)
        return no_data("Response times",
                       f"none of the {total} violent episodes was detected or reached")
    _hours_axis(ax, largest)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("hours after the episode began (dotted: 6 h and 24 h)")
    ax.set_ylabel("share of violent episodes")
    ax.set_title(f"Detection and arrival times over the run's {total} violent episodes")
    ax.legend(loc="upper left")
    return fig


def _horizontal_bars(ax, labels, values, colours, xlabel):
    y = np.arange(len(labels))
    ax.barh(y, values, color=colours)
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    top = max(values) if len(values) else 0
    for i, v in enumerate(values):
        ax.text(v + top * 0.01, i, f"{v:,.0f}", va="center", fontsize=9)
    ax.set_xlim(0, top * 1.15 if top > 0 else 1)


def run_deaths_breakdown(run):
    deaths = run.summary.get("civilian_deaths") or {}
    by_kind = {k: v for k, v in (deaths.get("by_perpetrator_kind") or {}).items()
               if isinstance(v, (int, float))}
    by_region = {k: v for k, v in (deaths.get("by_region") or {}).items()
                 if isinstance(v, (int, float))}
    if not by_kind and not by_region:
        return no_data("Civilian deaths by perpetrator and region",
                       "summary.json has no civilian_deaths breakdown")
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    if by_kind:
        kinds = list(by_kind)
        _horizontal_bars(left, kinds, [by_kind[k] for k in kinds],
                         [kind_colour(k, kinds) for k in kinds], "civilian deaths")
    else:
        mark_no_data(left, "no breakdown by perpetrator")
    left.set_title("by perpetrator kind")
    if by_region:
        regions = sorted(by_region, key=lambda r: -by_region[r])
        _horizontal_bars(right, regions, [by_region[r] for r in regions], "#555555",
                         "civilian deaths")
    else:
        mark_no_data(right, "no breakdown by region")
    right.set_title("by region")
    fig.tight_layout()
    return fig


def _daily_totals(timeseries):
    """Sum over regions per date: (dates, frame of the numeric columns)."""
    t = timeseries
    if t.empty or "date" not in t:
        return None
    totals = t.groupby("date", sort=True).sum(numeric_only=True)
    totals.index = pd.to_datetime(totals.index, errors="coerce")
    return totals[totals.index.notna()]


def _date_axis(ax):
    ax.xaxis.set_major_formatter(plt.matplotlib.dates.DateFormatter("%d %b\n%Y"))


def run_timeseries(run, top_regions=5):
    totals = _daily_totals(run.timeseries)
    if totals is None or totals.empty:
        return no_data("Daily time series", "timeseries.csv is missing or empty")
    fig, axes = plt.subplots(3, 1, figsize=(10, 9), sharex=True)
    deaths, displaced, by_region = axes
    if "civilian_deaths" in totals:
        deaths.bar(totals.index, totals["civilian_deaths"], width=1.0, color="#d62728",
                   alpha=0.45, label="per day")
        deaths.plot(totals.index, totals["civilian_deaths"].rolling(7, min_periods=1).mean(),
                    color="#8b0000", linewidth=2, label="7-day mean")
        deaths.legend(loc="upper left")
    else:
        mark_no_data(deaths, "no civilian_deaths column")
    deaths.set_ylabel("civilian deaths per day")
    deaths.set_title("Civilian deaths per day, all regions")
    if "displaced" in totals:
        displaced.plot(totals.index, totals["displaced"] / 1000.0, color="#1f77b4", linewidth=2)
    else:
        mark_no_data(displaced, "no displaced column")
    displaced.set_ylabel("displaced (thousands)")
    displaced.set_title("People displaced, all regions")
    t = run.timeseries
    if "civilian_deaths" in t and "region" in t:
        region_totals = t.groupby("region")["civilian_deaths"].sum().sort_values(ascending=False)
        regions = [r for r in region_totals.index[:top_regions] if region_totals[r] > 0]
        for region, colour in zip(regions, series_colours(len(regions))):
            rows = t[t["region"] == region].sort_values("date")
            by_region.plot(pd.to_datetime(rows["date"]), rows["civilian_deaths"].cumsum(),
                           color=colour, linewidth=2, label=region)
        if regions:
            by_region.legend(loc="upper left")
        else:
            mark_no_data(by_region, "no civilian deaths in any region")
    by_region.set_ylabel("cumulative civilian deaths")
    by_region.set_title(f"Cumulative civilian deaths in the {top_regions} worst-hit regions")
    by_region.set_xlabel("date")
    _date_axis(by_region)
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------- a sweep


def _with_ci(summary, variant_ids):
    rows = summary.reindex(variant_ids)
    return rows["mean"], rows["ci_low"], rows["ci_high"]


def sweep_heatmap(sweep, outcome, outcome_label):
    """Mean of the outcome over the two axes of a grid sweep, with CIs."""
    rows_axis, columns_axis = sweep.axes
    summary = sweep.outcome_summary(outcome)
    values = sweep.variant_values()
    row_levels, column_levels = sweep.axis_levels(rows_axis), sweep.axis_levels(columns_axis)
    title = f"Mean {outcome_label} by {rows_axis} and {columns_axis}"
    if rows_axis not in values or columns_axis not in values:
        return no_data(title, "plan.csv has no column for each axis")
    if summary.empty or not row_levels or not column_levels:
        return no_data(title, f"summary.csv has no {outcome} rows")
    mean = np.full((len(row_levels), len(column_levels)), np.nan)
    text = [["" for _ in column_levels] for _ in row_levels]
    reference_cell = None
    for variant_id in values.index:
        i = row_levels.index(values.at[variant_id, rows_axis])
        j = column_levels.index(values.at[variant_id, columns_axis])
        if variant_id == sweep.reference:
            reference_cell = (i, j)
        if variant_id not in summary.index:
            text[i][j] = "no runs"
            continue
        s = summary.loc[variant_id]
        mean[i, j] = s["mean"]
        text[i][j] = f"{s['mean']:,.0f}\n[{s['ci_low']:,.0f}, {s['ci_high']:,.0f}]"
        if pd.isna(s["ci_low"]):
            text[i][j] = f"{s['mean']:,.0f}\n(n={int(s['n']) if pd.notna(s['n']) else 0})"
    width = max(6.0, 1.6 * len(column_levels) + 2.5)
    height = max(3.5, 1.0 * len(row_levels) + 1.8)
    fig, ax = plt.subplots(figsize=(width, height))
    finite = mean[np.isfinite(mean)]
    if finite.size == 0:
        plt.close(fig)
        return no_data(title, "no variant has a finished run")
    image = ax.imshow(np.ma.masked_invalid(mean), cmap="YlOrRd", aspect="auto",
                      vmin=float(finite.min()), vmax=float(finite.max()) or 1.0)
    ax.grid(False)
    threshold = (finite.min() + finite.max()) / 2
    varied = finite.max() > finite.min()
    for i in range(len(row_levels)):
        for j in range(len(column_levels)):
            dark = varied and np.isfinite(mean[i, j]) and mean[i, j] > threshold
            ax.text(j, i, text[i][j], ha="center", va="center", fontsize=10,
                    color="white" if dark else "black")
    if reference_cell is not None:
        i, j = reference_cell
        ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="#1f77b4",
                                   linewidth=3))
    ax.set_xticks(range(len(column_levels)))
    ax.set_xticklabels([wrap(str(c), 18) for c in column_levels])
    ax.set_yticks(range(len(row_levels)))
    ax.set_yticklabels([wrap(str(r), 18) for r in row_levels])
    ax.set_xlabel(columns_axis)
    ax.set_ylabel(rows_axis)
    ax.spines[:].set_visible(False)
    ax.set_title(title)
    fig.colorbar(image, ax=ax, label=f"mean {outcome_label} per run")
    fig.tight_layout()
    return fig


def _variant_points(ax, labels, mean, low, high, reference_index=None, colour="#d62728",
                    marked=None):
    """marked: per point, whether it is drawn filled (significant) rather than open."""
    y = np.arange(len(labels))
    err = np.vstack([(mean - low).clip(lower=0).fillna(0), (high - mean).clip(lower=0).fillna(0)])
    if marked is None:
        ax.errorbar(mean, y, xerr=err, fmt="o", color=colour, ecolor="#555555", capsize=3)
    else:
        ax.errorbar(mean, y, xerr=err, fmt="none", ecolor="#555555", capsize=3)
        marked = np.asarray(marked, dtype=bool)
        ax.scatter(mean[marked], y[marked], s=42, color=colour, zorder=3)
        ax.scatter(mean[~marked], y[~marked], s=42, facecolors="white", edgecolors=colour,
                   linewidths=1.5, zorder=3)
    if len(labels) <= MAX_VARIANT_ROWS:
        ax.set_yticks(y)
        ax.set_yticklabels([str(v) for v in labels])
    else:
        ax.set_ylabel("variants, ranked")
    if reference_index is not None and len(labels) <= MAX_VARIANT_ROWS:
        ax.get_yticklabels()[reference_index].set_fontweight("bold")
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)


def sweep_variant_means(sweep, outcome, outcome_label):
    title = f"Mean {outcome_label} per variant, with 95% CI"
    summary = sweep.outcome_summary(outcome)
    if summary.empty:
        return no_data(title, f"summary.csv has no {outcome} rows")
    variants = [(v, label) for v, label in sweep.variants() if v in summary.index]
    if not variants:
        variants = list(zip(summary.index, summary.get("variant", summary.index)))
    ids = [v for v, _ in variants]
    labels = [label for _, label in variants]
    mean, low, high = _with_ci(summary, ids)
    if len(ids) > MAX_VARIANT_ROWS:  # too many to name: rank them
        order = np.argsort(mean.to_numpy())
        ids = [ids[k] for k in order]
        mean, low, high = _with_ci(summary, ids)
        fig, ax = plt.subplots(figsize=(10, 4.5))
        x = np.arange(1, len(ids) + 1)
        ax.errorbar(x, mean, yerr=np.vstack([(mean - low).clip(lower=0).fillna(0),
                                             (high - mean).clip(lower=0).fillna(0)]),
                    fmt="o", markersize=3.5, color="#d62728", ecolor="#aaaaaa")
        ax.set_xlabel(f"the {len(ids)} variants, ranked by their mean")
        ax.set_ylabel(f"{outcome_label} (mean over replications)")
        ax.set_title(title)
        fig.tight_layout()
        return fig
    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.38 * min(len(ids), MAX_VARIANT_ROWS) + 1.5)))
    reference_index = ids.index(sweep.reference) if sweep.reference in ids else None
    _variant_points(ax, labels if len(ids) <= MAX_VARIANT_ROWS else ids, mean, low, high,
                    reference_index)
    ax.set_xlabel(f"{outcome_label} (mean over replications)")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def sweep_differences(sweep, outcomes):
    """Paired differences variant - reference with CIs, one panel per outcome."""
    d = sweep.differences
    title = "Paired differences from the reference variant"
    present = [(o, label) for o, label in outcomes if not d.empty and (d["outcome"] == o).any()]
    if not present:
        return no_data(title, "differences.csv has none of the key outcomes")
    present = present[:2]
    order = [v for v, _ in sweep.variants()]
    rows_per_panel = []
    for outcome, _ in present:
        rows = d[(d["outcome"] == outcome) & (d["variant_id"] != d["reference_variant_id"])]
        rank = {v: i for i, v in enumerate(order)}
        rows = rows.assign(_rank=rows["variant_id"].map(rank).fillna(len(rank)))
        rows_per_panel.append(rows.sort_values("_rank"))
    n = max(len(r) for r in rows_per_panel)
    if n == 0:
        return no_data(title, "differences.csv holds only the reference variant")
    height = max(3.0, 0.38 * min(n, MAX_VARIANT_ROWS) + 1.8)
    fig, axes = plt.subplots(1, len(present), figsize=(6.5 * len(present), height),
                             squeeze=False)
    reference = rows_per_panel[0]["reference_variant_id"].iloc[0] if len(rows_per_panel[0]) \
        else sweep.reference
    reference_label = dict(sweep.variants()).get(reference, reference)
    for ax, (outcome, label), rows in zip(axes[0], present, rows_per_panel):
        if rows.empty:
            mark_no_data(ax, f"no differences of {outcome}")
            continue
        labels = [sweep.label(v) for v in rows["variant_id"]]
        _variant_points(ax, labels, rows["mean"].reset_index(drop=True),
                        rows["ci_low"].reset_index(drop=True),
                        rows["ci_high"].reset_index(drop=True), colour="#1f77b4",
                        marked=significant(rows, d).to_numpy())
        ax.axvline(0, color="black", linewidth=1)
        ax.set_xlabel(f"difference in {label}")
        ax.set_title(label)
        if ax is not axes[0][0] and len(rows) <= MAX_VARIANT_ROWS:
            ax.set_yticklabels([])
    fig.suptitle(f"{title} ({reference_label}), 95% CI over shared seeds\nfilled dot: "
                 + marking_rule(d), fontsize=11)
    fig.tight_layout()
    return fig


def _outcome_columns(frame, prefix):
    return [c for c in frame.columns if c.startswith(prefix)]


def sweep_deaths_breakdown(sweep, max_variants=30):
    title = "Mean civilian deaths per variant by perpetrator kind and by region"
    runs = sweep.ok_runs
    kind_columns = _outcome_columns(runs, "civilian_deaths.by_perpetrator_kind.")
    region_columns = _outcome_columns(runs, "civilian_deaths.by_region.")
    if runs.empty or not (kind_columns or region_columns):
        return no_data(title, "runs.csv has no finished run with these outcomes")
    order = [v for v, _ in sweep.variants()]
    means = runs.groupby("variant_id").mean(numeric_only=True)
    labels = dict(sweep.variants())
    if len(means) > max_variants:  # too many to show one by one: pool them
        pooled = f"all {len(means)} variants"
        means = runs.assign(variant_id=pooled).groupby("variant_id").mean(numeric_only=True)
        labels = {pooled: pooled}
    ids = [v for v in order if v in means.index] or list(means.index)
    fig, axes = plt.subplots(1, 2, figsize=(14, max(3.5, 0.4 * len(ids) + 2.0)))
    for ax, columns, prefix, name in ((axes[0], kind_columns,
                                       "civilian_deaths.by_perpetrator_kind.", "perpetrator kind"),
                                      (axes[1], region_columns, "civilian_deaths.by_region.",
                                       "region")):
        if not columns:
            mark_no_data(ax, f"no breakdown by {name}")
            continue
        parts = [c[len(prefix):] for c in columns]
        values = means.loc[ids, columns]
        keep = [c for c in columns if values[c].sum() > 0] or columns
        if name == "region":
            keep = sorted(keep, key=lambda c: -values[c].sum())
            colours = dict(zip(keep, series_colours(len(keep))))
        else:
            colours = {c: kind_colour(c[len(prefix):], parts) for c in keep}
        left = np.zeros(len(ids))
        y = np.arange(len(ids))
        for c in keep:
            ax.barh(y, values[c].to_numpy(), left=left, color=colours[c], label=c[len(prefix):])
            left += values[c].fillna(0).to_numpy()
        ax.set_yticks(y)
        ax.set_yticklabels([str(labels.get(v, v)) for v in ids])
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.set_xlabel("mean civilian deaths per run")
        ax.set_title(f"by {name}")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.1 / max(1, len(ids) / 4)),
                  fontsize=9, ncol=min(4, len(keep)), frameon=False)
    if axes[1].get_yticklabels():
        axes[1].set_yticklabels([])
    fig.tight_layout()
    return fig


def sweep_response_times(sweep, max_variants=8):
    """Response-time distributions per variant: from the sample runs'
    events.csv when there are samples, else the distribution over runs of
    each run's median hours (runs.csv)."""
    title = "Response times per variant"
    samples = sweep.samples()[:max_variants]
    if samples:
        fig, axes = plt.subplots(1, 2, figsize=(13, 4.5), sharey=True)
        colours = series_colours(len(samples))
        largest = {0: 0.0, 1: 0.0}
        for (variant_id, label, run), colour in zip(samples, colours):
            episodes = run.episodes()
            for k, column in enumerate(("detection_hours", "arrival_hours")):
                if episodes.empty or column not in episodes:
                    continue
                hours = episodes[column].dropna()
                if _ecdf(axes[k], hours, len(episodes), color=colour, linewidth=2,
                         label=str(label)):
                    largest[k] = max(largest[k], float(hours.max()))
        for k, name in enumerate(("detected", "reached by a first responder")):
            ax = axes[k]
            if not ax.lines:
                mark_no_data(ax, "no episode " + name)
                continue
            _hours_axis(ax, largest[k])
            ax.set_ylim(0, 1.02)
            ax.set_xlabel("hours after the episode began")
            ax.set_title(f"share of violent episodes {name}")
            ax.legend(loc="upper left", fontsize=8.5)
        axes[0].set_ylabel("share of episodes (sample run)")
        fig.tight_layout()
        return fig
    runs = sweep.ok_runs
    columns = [c for c in ("protection.detection_hours.median",
                           "protection.hours_to_first_arrival.median") if c in runs]
    if runs.empty or not columns:
        return no_data(title, "no sample runs and no response times in runs.csv")
    fig, axes = plt.subplots(1, len(columns), figsize=(6.5 * len(columns), 4.5), sharey=True,
                             squeeze=False)
    variants = sweep.variants()
    if len(variants) > max_variants:  # too many to show one by one: pool them
        runs = runs.assign(variant_id="all")
        variants = [("all", f"all runs of the {len(variants)} variants")]
    colours = series_colours(len(variants))
    for ax, column in zip(axes[0], columns):
        largest = 0.0
        for (variant_id, label), colour in zip(variants, colours):
            values = runs.loc[runs["variant_id"] == variant_id, column]
            if _ecdf(ax, values, len(values), color=colour, linewidth=2,
                     label=str(label)):
                largest = max(largest, float(values.max()))
        if not ax.lines:
            mark_no_data(ax, f"{column} is empty in every run")
            continue
        _hours_axis(ax, largest)
        ax.set_ylim(0, 1.02)
        ax.set_xlabel("hours (the run's median over its episodes)")
        ax.set_title(column.replace("protection.", ""))
        ax.legend(loc="upper left", fontsize=8.5)
    axes[0][0].set_ylabel("share of runs")
    fig.tight_layout()
    return fig


def sweep_timeseries(sweep, max_variants=8):
    title = "Daily time series of the sample runs"
    samples = [(v, label, run) for v, label, run in sweep.samples()[:max_variants]
               if _daily_totals(run.timeseries) is not None]
    if not samples:
        return no_data(title, "no sample run with a timeseries.csv")
    fig, (deaths, displaced) = plt.subplots(2, 1, figsize=(10, 7), sharex=True)
    for (variant_id, label, run), colour in zip(samples, series_colours(len(samples))):
        totals = _daily_totals(run.timeseries)
        if "civilian_deaths" in totals:
            deaths.plot(totals.index, totals["civilian_deaths"].cumsum(), color=colour,
                        linewidth=2, label=str(label))
        if "displaced" in totals:
            displaced.plot(totals.index, totals["displaced"] / 1000.0, color=colour, linewidth=2)
    deaths.set_ylabel("cumulative civilian deaths")
    deaths.set_title("Cumulative civilian deaths, all regions (replicate 0 of each variant)")
    deaths.legend(loc="upper left", fontsize=8.5)
    displaced.set_ylabel("displaced (thousands)")
    displaced.set_title("People displaced, all regions")
    displaced.set_xlabel("date")
    _date_axis(displaced)
    fig.tight_layout()
    return fig


def sweep_parameter_scatter(sweep, outcome, outcome_label, max_parameters=6):
    """For a sampled design: each variant's mean against each parameter's value."""
    title = f"Mean {outcome_label} against each sampled parameter"
    summary = sweep.outcome_summary(outcome)
    values = sweep.variant_values()
    parameters = [p for p in sweep.parameters if p in values][:max_parameters]
    if summary.empty or values.empty or not parameters:
        return no_data(title, "no parameter values or no means")
    ids = [v for v in values.index if v in summary.index]
    columns = min(3, len(parameters))
    rows = (len(parameters) + columns - 1) // columns
    fig, axes = plt.subplots(rows, columns, figsize=(4.8 * columns, 3.8 * rows), sharey=True,
                             squeeze=False)
    mean, low, high = _with_ci(summary, ids)
    for ax, parameter in zip(axes.flat, parameters):
        x = pd.to_numeric(values.loc[ids, parameter], errors="coerce")
        ax.errorbar(x, mean, yerr=np.vstack([(mean - low).clip(lower=0).fillna(0),
                                             (high - mean).clip(lower=0).fillna(0)]),
                    fmt="o", markersize=4, color="#d62728", ecolor="#bbbbbb", alpha=0.8)
        ax.set_xlabel(parameter)
    for ax in list(axes.flat)[len(parameters):]:
        ax.set_visible(False)
    for row in axes:
        row[0].set_ylabel(f"mean {outcome_label}")
    fig.suptitle(title + " (bars: 95% CI)")
    fig.tight_layout()
    return fig


def sobol_indices(sweep, outcomes, max_panels=4):
    s = sweep.sobol
    title = "Sobol sensitivity indices"
    if s.empty or "outcome" not in s:
        return no_data(title, "sobol.csv is missing or empty")
    available = list(dict.fromkeys(s["outcome"]))
    chosen = [o for o, _ in outcomes if o in available]
    chosen += [o for o in available if o not in chosen]
    chosen = chosen[:max_panels]
    labels = dict(outcomes)
    parameters = list(dict.fromkeys(s["parameter"]))
    columns = min(2, len(chosen))
    rows = (len(chosen) + columns - 1) // columns
    fig, axes = plt.subplots(rows, columns, figsize=(7 * columns,
                                                      (0.55 * len(parameters) + 1.8) * rows),
                             squeeze=False)
    y = np.arange(len(parameters))
    for ax, outcome in zip(axes.flat, chosen):
        rows_ = s[s["outcome"] == outcome].set_index("parameter").reindex(parameters)
        for offset, order, colour, name in ((-0.18, "first_order", "#1f77b4", "first order"),
                                            (0.18, "total_order", "#ff7f0e", "total order")):
            value = rows_[order]
            err = np.vstack([(value - rows_[order + "_low"]).clip(lower=0).fillna(0),
                             (rows_[order + "_high"] - value).clip(lower=0).fillna(0)])
            ax.barh(y + offset, value.fillna(0), height=0.36, color=colour, xerr=err,
                    capsize=3, label=name, error_kw={"ecolor": "#333333"})
        ax.set_yticks(y)
        ax.set_yticklabels(parameters)
        ax.invert_yaxis()
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlabel("share of the outcome's variance")
        ax.set_title(labels.get(outcome, outcome))
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower right")
    for ax in list(axes.flat)[len(chosen):]:
        ax.set_visible(False)
    fig.suptitle(title + " with 95% bootstrap CIs")
    fig.tight_layout()
    return fig
