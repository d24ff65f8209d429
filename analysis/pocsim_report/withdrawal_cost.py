# SPDX-License-Identifier: Apache-2.0
"""The section "What the withdrawals cost" of a sweep report: the paired
differences (differences.csv) of the variants that withdraw partners, one row
per outcome, grouped by the channel through which partners act, with 95% CIs.

A sweep gets the section when differences.csv holds partners.operation_days
and some variant differs from the reference in it; otherwise (older sweeps,
sweeps that keep the partners fixed) the section is left out.
"""
import sys
import traceback

import numpy as np
import pandas as pd

from . import significance
from .style import number, plt, series_colours, short

OPERATION_DAYS = "partners.operation_days"
FOCUS_REGIONS = "focus.regions"
MAX_VARIANTS = 4
PERCENT_LIMIT = 250.0  # the x axis stops here; longer whiskers end in an arrow

# (channel, outcome, label, unit). "{focus}" is replaced by the focus regions
# (summary.json's focus.regions). Units: "deaths", "count", "hours", "share"
# (of land, shown in % and percentage points), "index".
HEADLINE = "Civilian deaths: the headline"
OUTCOMES = [
    (HEADLINE, "focus.civilian_deaths.total", "civilian deaths in {focus}", "deaths"),
    (HEADLINE, "civilian_deaths.total", "civilian deaths nationwide", "deaths"),
    ("Operations and presence", "partners.operation_days",
     "partners' operation days (unit-days)", "count"),
    ("Operations and presence", "partners.enemies_killed",
     "jihadist fighters killed by partners", "count"),
    ("Operations and presence", "focus.jihadist_held_mean",
     "share of {focus} held by jihadists (daily mean)", "share"),
    ("Operations and presence", "focus.jihadist_contested_mean",
     "share of {focus} contested (daily mean)", "share"),
    ("Operations and presence", "focus.civilian_deaths.by_perpetrator_kind.jihadist",
     "civilian deaths by jihadists in {focus}", "deaths"),
    ("ISR", "focus.protection.detection_hours.mean",
     "mean hours to detect an episode in {focus}", "hours"),
    ("ISR", "focus.peacekeeper_ied_deaths", "peacekeepers killed by IEDs in {focus}", "deaths"),
    ("ISR", "peacekeeper_deaths.ied", "peacekeepers killed by IEDs nationwide", "deaths"),
    ("ISR", "peacekeeper_deaths.combat", "peacekeepers killed in combat nationwide", "deaths"),
    ("Air and logistics", "partners.helicopters_mean",
     "responder's flyable helicopters on an average day", "count"),
    ("Air and logistics", "focus.protection.hours_to_first_arrival.mean",
     "mean hours to first arrival in {focus}", "hours"),
    ("Escalation deterrence", "accord.tension_end", "accord tension at the end (index)",
     "index"),
]
CHANNEL_COLOUR = "#eef1f6"


def focus_name(sweep):
    """The focus regions as a reader says them ("Gao and Ménaka"): from
    runs.csv when it carries focus.regions, else from a sample run's
    summary.json; "the focus regions" when neither does."""
    text = ""
    runs = sweep.runs
    if FOCUS_REGIONS in runs:
        values = [str(v) for v in runs[FOCUS_REGIONS] if isinstance(v, str) and v.strip()]
        text = values[0] if values else ""
    if not text:
        for _, _, run in sweep.samples():
            value = (run.summary.get("focus") or {}).get("regions")
            if isinstance(value, str) and value.strip():
                text = value
                break
    regions = [r.strip() for r in text.split("+") if r.strip()]
    if not regions:
        return "the focus regions"
    if len(regions) == 1:
        return regions[0]
    return ", ".join(regions[:-1]) + " and " + regions[-1]


def _changed(rows):
    """Rows of differences.csv whose difference is not exactly zero in every pair."""
    moved = rows["mean"].abs() > 0
    if "sd" in rows:
        moved |= rows["sd"].fillna(0) > 0
    return rows[moved.fillna(False)]


def withdrawal_variants(sweep):
    """(variant ids to show, reference id, ids of the other variants that also
    change the partners). The ones shown change the partners' operation days
    and, in a grid, differ from the reference on one axis only: the axis that
    varies the withdrawals (of several such axes, the one that moves the
    operation days most), so that another lever (e.g. the flight policy) is
    held at the reference's level."""
    d = sweep.differences
    needed = {"outcome", "variant_id", "reference_variant_id", "mean"}
    if d.empty or not needed <= set(d.columns):
        return [], None, []
    rows = d[(d["outcome"] == OPERATION_DAYS) & (d["variant_id"] != d["reference_variant_id"])]
    rows = _changed(rows).drop_duplicates("variant_id")
    if rows.empty:
        return [], None, []
    reference = rows["reference_variant_id"].iloc[0]
    rows = rows[rows["reference_variant_id"] == reference]
    effect = dict(zip(rows["variant_id"], rows["mean"].abs()))
    ids = list(effect)
    values = sweep.variant_values()
    axes = [a for a in sweep.axes if a in values.columns]
    if axes and reference in values.index:
        def differing(v):
            if v not in values.index:
                return axes
            return [a for a in axes if values.at[v, a] != values.at[reference, a]]
        single = [v for v in ids if len(differing(v)) == 1]
        if single:
            by_axis = {}
            for v in single:
                axis = differing(v)[0]
                by_axis[axis] = max(by_axis.get(axis, 0.0), effect[v])
            axis = max(by_axis, key=by_axis.get)
            ids = [v for v in single if differing(v)[0] == axis]
    rank = {v: i for i, (v, _) in enumerate(sweep.variants())}
    ids.sort(key=lambda v: rank.get(v, len(rank)))
    shown = ids[:MAX_VARIANTS]
    others = [v for v in effect if v not in shown]
    return shown, reference, others


def cost_table(sweep):
    """One row per shown variant and outcome present in differences.csv:
    the paired difference, its CI, the reference mean and the difference as %
    of the reference mean. Empty frame when the section does not apply."""
    shown, reference, _ = withdrawal_variants(sweep)
    if not shown:
        return pd.DataFrame()
    d = sweep.differences
    focus = focus_name(sweep)
    records = []
    for variant_id in shown:
        mine = d[(d["variant_id"] == variant_id) & (d["reference_variant_id"] == reference)]
        mine = mine.drop_duplicates("outcome").set_index("outcome")
        for channel, outcome, label, unit in OUTCOMES:
            if outcome not in mine.index:
                continue
            row = mine.loc[outcome]
            summary = sweep.outcome_summary(outcome)
            base = summary.at[reference, "mean"] if reference in summary.index else np.nan
            base = float(base) if pd.notna(base) else np.nan
            mean, low, high = (float(row.get(c, np.nan)) for c in ("mean", "ci_low", "ci_high"))
            scale = 100.0 / abs(base) if base == base and base != 0 else np.nan
            records.append({
                "variant_id": variant_id,
                "variant": sweep.label(variant_id),
                "channel": channel, "outcome": outcome, "label": label.format(focus=focus),
                "unit": unit, "n": row.get("n", np.nan), "reference_mean": base,
                "mean": mean, "ci_low": low, "ci_high": high, "sd": row.get("sd", np.nan),
                "pct": mean * scale, "pct_low": low * scale, "pct_high": high * scale,
                "p_adjusted": float(row.get("p_adjusted", np.nan))})
    return pd.DataFrame(records)


# ---------------------------------------------------------------- numbers


def _signed(value, digits):
    if value != value:
        return "–"
    if round(value, digits) == 0:
        return f"{0:.{digits}f}"
    return f"{value:+,.{digits}f}"


def _digits(values):
    """Decimals that show the largest of the values with ~3 significant digits."""
    finite = [abs(v) for v in values if v == v]
    largest = max(finite) if finite else 0.0
    if largest >= 100:
        return 0
    if largest >= 10:
        return 1
    if largest >= 1:
        return 2
    return 3


def reference_text(row):
    value = row["reference_mean"]
    if value != value:
        return "–"
    if row["unit"] == "share":
        return f"{100 * value:.1f}%"
    if row["unit"] == "hours":
        return f"{value:.1f} h"
    if row["unit"] == "index":
        return f"{value:.2f}"
    return number(round(value, 1))


def difference_text(row):
    """The absolute difference and its CI, in the outcome's units."""
    values = [row["mean"], row["ci_low"], row["ci_high"]]
    if row["unit"] == "share":
        values = [100 * v for v in values]
        digits, suffix = 1, " pts"
    elif row["unit"] == "index":
        digits, suffix = 2, ""
    else:
        digits, suffix = min(_digits(values), 1), " h" if row["unit"] == "hours" else ""
    mean, low, high = (_signed(v, digits) for v in values)
    if row["ci_low"] != row["ci_low"]:
        return mean + suffix
    if row.get("sd") == 0 or np.isclose(row["ci_low"], row["ci_high"], rtol=1e-9, atol=1e-12):
        return f"{mean}{suffix} (same in every pair)"
    return f"{mean}{suffix} [{low}, {high}]"


def percent_text(row):
    if row["pct"] != row["pct"]:
        return "–"
    return "0%" if round(row["pct"]) == 0 else f"{row['pct']:+.0f}%"


# ---------------------------------------------------------------- the figure


def _layout(table, channels):
    """([(kind, channel or outcome, y)] top to bottom: a band per channel,
    then its outcomes; the y below the last row)."""
    rows, y = [], 0.0
    outcomes = set(table["outcome"])
    for channel in channels:
        mine = [o for c, o, _, _ in OUTCOMES if c == channel and o in outcomes]
        if not mine:
            continue
        rows.append(("channel", channel, y))
        y += 0.8
        for outcome in mine:
            rows.append(("outcome", outcome, y))
            y += 1.0
        y += 0.2
    return rows, y


def _limit(table, columns, cap=None):
    ends = table[list(columns)].abs().to_numpy(dtype=float).ravel()
    ends = ends[np.isfinite(ends)]
    limit = float(ends.max()) * 1.12 if ends.size and ends.max() > 0 else 1.0
    return min(limit, cap) if cap else limit


def _panel(ax, text_ax, table, layout, style, columns, limit):
    """One forest panel: a band per channel, per outcome a dot and its CI per
    variant (x from `columns`, clipped at ±limit with an arrow), and the
    numbers in text_ax."""
    colours, offsets, one = style
    ticks, labels = [], []
    middle, low_column, high_column = columns
    for kind, name, y in layout:
        if kind == "channel":
            for a in (ax, text_ax):
                a.axhspan(y - 0.4, y + 0.4, color=CHANNEL_COLOUR, zorder=0, linewidth=0)
            ax.text(-limit * 0.985, y, name, va="center", ha="left", fontsize=10.5,
                    fontweight="bold", color="#333333")
            continue
        rows = table[table["outcome"] == name]
        text_ax.text(0.0, y, reference_text(rows.iloc[0]), va="center", ha="left", fontsize=10)
        ticks.append(y)
        labels.append(short(rows["label"].iloc[0], 58))
        for _, row in rows.iterrows():
            yy = y + offsets[row["variant_id"]]
            colour = colours[row["variant_id"]]
            if row[middle] != row[middle]:
                ax.text(0, yy, "  reference mean 0: no %", va="center", ha="left",
                        fontsize=8.5, color="#777777")
            else:
                raw_low, raw_high = row[low_column], row[high_column]
                if raw_low != raw_low or raw_high != raw_high:
                    raw_low = raw_high = row[middle]
                low, high = float(np.clip(raw_low, -limit, limit)), \
                    float(np.clip(raw_high, -limit, limit))
                ax.plot([low, high], [yy, yy], color=colour, linewidth=2, solid_capstyle="butt")
                for end, raw, marker in ((low, raw_low, "<"), (high, raw_high, ">")):
                    if abs(raw) > limit:
                        ax.plot(end, yy, marker=marker, color=colour, markersize=6)
                    else:
                        ax.plot([end, end], [yy - 0.13, yy + 0.13], color=colour, linewidth=1.5)
                ax.plot(float(np.clip(row[middle], -limit, limit)), yy, "o", color=colour,
                        markersize=6)
            text_ax.text(0.27, yy, difference_text(row), va="center",
                         ha="left", fontsize=10 if one else 8.5,
                         color="#222222" if one else colour)
            text_ax.text(1.0, yy, percent_text(row), va="center", ha="right",
                         fontsize=10 if one else 8.5, color="#222222" if one else colour)
    ax.axvline(0, color="black", linewidth=1.1, zorder=1)
    ax.set_xlim(-limit, limit)
    ax.set_yticks(ticks)
    ax.set_yticklabels(labels)
    ax.grid(axis="y", visible=False)
    text_ax.set_xlim(0, 1)
    text_ax.set_axis_off()


def _column_heads(text_ax):
    text_ax.text(0.0, -0.75, "reference\nmean", va="bottom", ha="left", fontsize=9.5,
                 fontweight="bold")
    text_ax.text(0.27, -0.75, "difference [95% CI]\nin the outcome's units",
                 va="bottom", ha="left", fontsize=9.5, fontweight="bold")
    text_ax.text(1.0, -0.75, "% of the\nreference", va="bottom", ha="right", fontsize=9.5,
                 fontweight="bold")


def figure(sweep, table, reference_label):
    """The headline (civilian deaths, in deaths) on top, the channels' outcomes
    below (in % of the reference mean, their units being different)."""
    variants = list(dict.fromkeys(table["variant_id"]))
    one = len(variants) == 1
    colours = dict(zip(variants, ["#c0392b"] if one else series_colours(len(variants))))
    spread = min(0.7 / len(variants), 0.26)
    offsets = {v: (k - (len(variants) - 1) / 2) * spread for k, v in enumerate(variants)}
    style = (colours, offsets, one)
    channels = list(dict.fromkeys(c for c, _, _, _ in OUTCOMES))
    headline_table = table[table["channel"] == HEADLINE]
    rest = table[table["channel"] != HEADLINE]
    panels = []
    if not headline_table.empty:
        layout, bottom = _layout(headline_table, [HEADLINE])
        panels.append((headline_table, layout, bottom, ("mean", "ci_low", "ci_high"),
                       _limit(headline_table, ("ci_low", "ci_high", "mean")),
                       "difference in civilian deaths (variant − reference, paired by seed)"))
    if not rest.empty:
        layout, bottom = _layout(rest, channels[1:])
        panels.append((rest, layout, bottom, ("pct", "pct_low", "pct_high"),
                       max(_limit(rest, ("pct", "pct_low", "pct_high"), PERCENT_LIMIT), 10.0),
                       "difference as % of the reference mean (variant − reference, paired "
                       "by seed)"))
    scale = 0.36 * (1 + 0.5 * (len(variants) - 1))
    heights = [bottom * scale + 1.1 for _, _, bottom, _, _, _ in panels]
    fig, axes = plt.subplots(len(panels), 2, figsize=(12, sum(heights) + 1.2), squeeze=False,
                             gridspec_kw={"width_ratios": [1.45, 1.0], "wspace": 0.02,
                                          "height_ratios": heights})
    for (ax, text_ax), (part, layout, bottom, columns, limit, xlabel) in zip(axes, panels):
        _panel(ax, text_ax, part, layout, style, columns, limit)
        for a in (ax, text_ax):
            a.set_ylim(bottom - 0.1, -0.5)
        ax.set_xlabel(xlabel)
        if columns[0] == "pct":
            ax.xaxis.set_major_formatter(
                plt.FuncFormatter(lambda v, _: f"{v:+.0f}%" if v else "0"))
        else:
            ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:+,.0f}" if v else "0"))
            for label in ax.get_yticklabels():
                label.set_fontweight("bold")
    _column_heads(axes[0][1])
    n = table["n"].dropna()
    n_text = (f"n = {int(n.min())} seeds" if len(n) and n.min() == n.max() else
              f"n = {int(n.min())}–{int(n.max())} seeds" if len(n) else "n unknown")
    if one:
        title = (f"What the withdrawals cost: {table['variant'].iloc[0]} minus "
                 f"{reference_label}")
    else:
        title = f"What the withdrawals cost: each variant minus {reference_label}"
        handles = [plt.Line2D([], [], color=colours[v], marker="o", linewidth=2,
                              label=str(table.loc[table["variant_id"] == v, "variant"].iloc[0]))
                   for v in variants]
        axes[0][0].legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.01),
                          ncol=min(2, len(variants)), frameon=False, fontsize=9.5)
    fig.suptitle(f"{title}\npaired by seed, 95% CI over {n_text}; zero line: no difference",
                 fontsize=12)
    fig.subplots_adjust(hspace=0.9 * len(heights) / sum(heights))  # ~0.9 inch between panels
    return fig


# ---------------------------------------------------------------- the section


def add_section(sweep, page, plotter):
    """Adds the heading, the figure and its table when the sweep varies the
    partners' withdrawals; returns whether it did."""
    try:
        table = cost_table(sweep)
    except Exception as e:  # noqa: BLE001 -- the rest of the report must still be written
        plotter.failures += 1
        print(f"report.py: warning: section 'What the withdrawals cost' failed: "
              f"{type(e).__name__}: {e}", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return False
    if table.empty:
        return False
    _, reference, others = withdrawal_variants(sweep)
    reference_label = dict(sweep.variants()).get(reference, reference)
    n = table["n"].dropna()
    runs = f"{int(n.max())} seeds" if len(n) else "the shared seeds"
    operations = table[table["outcome"] == OPERATION_DAYS]["mean"]
    fewer = bool(len(operations)) and bool((operations < 0).all())
    staying = ", the partners staying" if fewer else ""
    page.heading("What the withdrawals cost")
    caption = (
        "Each row is one outcome: the mean over " + runs + " of the difference variant − "
        f"reference ({reference_label}{staying}), each seed's run paired with "
        "the reference's run of the same seed, with its 95% CI (differences.csv). The dot and "
        "bar show it as % of the reference's mean, so that outcomes of different units share "
        "one axis (the reference mean's own uncertainty is not included); the columns on the "
        "right give the reference mean and the difference in the outcome's own units (shares "
        "of land in percentage points). A bar clear of the zero line is a 95% interval that "
        "excludes zero, not adjusted for the many outcomes compared: the table below gives "
        "each difference's adjusted p-value where differences.csv has one. A bar with no "
        "width means every pair differed by the same amount. Rows are grouped by the channel through which partners act; outcomes the "
        "sweep does not have are left out.")
    if not fewer:
        caption += (" Here a variant has more partner operation days than the reference: for "
                    "the cost of withdrawing, read its signs reversed.")
    if others:
        caption += (f" {len(others)} other variant(s) also change the partners together with "
                    "another lever; differences.csv has them.")
    plotter.add("withdrawal_cost", caption, lambda: figure(sweep, table, reference_label))
    several = table["variant_id"].nunique() > 1
    with_p = significance.adjusted(sweep.differences)
    header = (["variant"] if several else []) + ["outcome", "summary.json key", "reference mean",
                                                 "difference [95% CI]", "% of reference"]
    header += [f"p, {significance.METHOD}-adjusted"] if with_p else []
    rows = [([r["variant"]] if several else []) +
            [r["label"], r["outcome"], reference_text(r), difference_text(r), percent_text(r)] +
            ([significance.p_text(r["p_adjusted"])] if with_p else [])
            for _, r in table.iterrows()]
    page.table(header, rows)
    return True
