# SPDX-License-Identifier: Apache-2.0
"""The section "Where": paired differences in civilian deaths by region.

For each mapped variant, a map of the regions coloured by the mean paired
difference variant − reference in civilian deaths (differences.csv's
civilian_deaths.by_region.<Region> rows) on a diverging scale centred on zero,
significant regions framed; and a table of every region's difference with its
95% interval and adjusted p-value.
"""
import math

import matplotlib.colors as mcolors
import numpy as np
import pandas as pd

from . import significance
from .geography import load_geography
from .region_grid import RegionGrid
from .scenario_scope import ScenarioScope
from .style import no_data, plt, wrap

PREFIX = "civilian_deaths.by_region."
MAX_MAPS = 6


def regional_rows(sweep):
    """differences.csv's rows by region (whole run, not windows), with a
    `region` and a `significant` column."""
    d = sweep.differences
    if d.empty or "outcome" not in d:
        return pd.DataFrame()
    rows = d[d["outcome"].str.startswith(PREFIX) & (d["variant_id"] != d["reference_variant_id"])]
    rows = rows.assign(region=rows["outcome"].str[len(PREFIX):])
    return rows.assign(significant=significance.significant(rows, d).to_numpy())


def mapped_variants(sweep, rows):
    """(variant ids to map, a sentence saying which they are). In a grid of
    several axes, the variants that differ from the reference in one axis
    (each then shows that axis' effect alone); at most MAX_MAPS."""
    order = [v for v, _ in sweep.variants()]
    ids = [v for v in order if v in set(rows["variant_id"])] or list(dict.fromkeys(
        rows["variant_id"]))
    values = sweep.variant_values()
    axes = [a for a in sweep.axes if a in values.columns]
    reason = "every variant compared with the reference"
    if len(axes) > 1 and sweep.reference in values.index:
        def differing(v):
            return [a for a in axes if values.at[v, a] != values.at[sweep.reference, a]] \
                if v in values.index else axes
        single = [v for v in ids if len(differing(v)) == 1]
        if single:
            reason = (f"the {len(single)} variants that differ from the reference in one axis "
                      f"({', '.join(axes)}), each showing one lever alone")
            ids = single
    if len(ids) > MAX_MAPS:
        reason += f"; the first {MAX_MAPS} of them in plan order"
    left_out = len(set(rows["variant_id"])) - min(len(ids), MAX_MAPS)
    if left_out > 0:
        reason += f"; the {left_out} other variant(s) are left out here"
    return ids[:MAX_MAPS], reason


def signed(value):
    """+12, −3, +0.4: whole deaths, or a decimal when below ten."""
    if round(value, 1) == 0:
        return "0"
    return f"{value:+,.0f}" if abs(value) >= 10 else f"{value:+.1f}"


def difference_text(row):
    """A paired difference with its 95% CI, +12 [+3.0, +21], from a row of
    differences.csv (mean, sd, ci_low, ci_high)."""
    text = signed(row["mean"])
    if row.get("sd") == 0:
        return text + " (same in every pair)"
    if row["ci_low"] == row["ci_low"]:  # not NaN: more than one pair
        text += f" [{signed(row['ci_low'])}, {signed(row['ci_high'])}]"
    return text


def _frame(ax, grid, zoom):
    if zoom is not None:
        lon_min, lon_max, lat_min, lat_max = zoom
    else:
        lon_min, lon_max = grid.lon.min() - 0.3, grid.lon.max() + 0.3
        lat_min, lat_max = grid.lat.min() - 0.3, grid.lat.max() + 0.3
    ax.set_xlim(lon_min, lon_max)
    ax.set_ylim(lat_min, lat_max)
    ax.set_aspect(1.0 / math.cos(math.radians(0.5 * (lat_min + lat_max))))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _edges(centres):
    step = centres[1] - centres[0] if len(centres) > 1 else 1.0
    return np.concatenate([centres - step / 2, [centres[-1] + step / 2]])


def draw_panel(ax, grid, mine, limit, area, zoom):
    """One map: each region coloured by its mean difference, significant
    regions framed in black, the value written at the region's centre; the
    regions outside the scenario's area faint."""
    by_region = dict(zip(mine["region"], mine["mean"]))
    marked = set(mine.loc[mine["significant"], "region"])
    norm = mcolors.TwoSlopeNorm(vcenter=0.0, vmin=-limit, vmax=limit)
    lon_edges, lat_edges = _edges(grid.lon), _edges(grid.lat)
    land = np.where(grid.region >= 0, 1.0, np.nan)
    ax.pcolormesh(lon_edges, lat_edges, land, cmap=mcolors.ListedColormap(["#eeeeee"]),
                  shading="flat", zorder=0)
    values = grid.values(by_region)
    outside = [grid.index(r) for r in grid.names if area and r not in area]
    faint = np.isin(grid.region, [k for k in outside if k is not None])
    image = ax.pcolormesh(lon_edges, lat_edges, np.ma.masked_invalid(np.where(faint, np.nan,
                                                                              values)),
                          cmap="RdBu_r", norm=norm, shading="flat", zorder=1)
    if faint.any():
        ax.pcolormesh(lon_edges, lat_edges, np.ma.masked_invalid(np.where(faint, values, np.nan)),
                      cmap="RdBu_r", norm=norm, shading="flat", zorder=1, alpha=0.3)
    for k, name in enumerate(grid.names):
        mask = (grid.region == k).astype(float)
        if not mask.any():
            continue
        significant = name in marked
        ax.contour(grid.lon, grid.lat, mask, levels=[0.5], colors="black" if significant else
                   "#777777", linewidths=2.4 if significant else 0.6, zorder=3)
        centre = grid.centre(name)
        if centre is None or (zoom and not (zoom[0] <= centre[0] <= zoom[1] and
                                            zoom[2] <= centre[1] <= zoom[3])):
            continue
        value = by_region.get(name)
        known = value is not None and value == value
        text = name + "\n" + (signed(value) if known else "–") + (" *" if significant else "")
        colour = "#555555" if grid.index(name) in outside else \
            "white" if known and abs(value) > 0.6 * limit else "#111111"
        ax.text(centre[0], centre[1], text, ha="center", va="center", fontsize=8.5, zorder=4,
                fontweight="bold" if significant else "normal", color=colour)
    _frame(ax, grid, zoom)
    return image


def figure(sweep, rows, ids, grid, scope):
    area = scope.area()
    zoom = scope.zoom(grid)
    shown = rows[rows["variant_id"].isin(ids)]
    finite = shown["mean"].abs()
    finite = finite[np.isfinite(finite)]
    limit = float(finite.max()) if len(finite) and finite.max() > 0 else 1.0
    columns = 2 if len(ids) in (2, 4) else min(3, len(ids))
    lines = (len(ids) + columns - 1) // columns
    width = 4.6 if zoom is None else 5.0
    fig, axes = plt.subplots(lines, columns, figsize=(max(width * columns, 8.0),
                                                      4.6 * lines + 1.1),
                             squeeze=False)
    image = None
    for ax, variant_id in zip(axes.flat, ids):
        mine = shown[shown["variant_id"] == variant_id]
        image = draw_panel(ax, grid, mine, limit, area, zoom)
        ax.set_title(f"{sweep.label(variant_id)} − reference", fontsize=10.5)
    for ax in list(axes.flat)[len(ids):]:
        ax.set_visible(False)
    fig.suptitle(wrap("Civilian deaths by region: mean paired difference variant − reference "
                      f"({sweep.label(sweep.reference)})", 80), fontsize=12)
    fig.tight_layout(rect=(0, 0.09, 1, 0.97))
    bar = fig.add_axes([0.25, 0.04, 0.5, 0.022])
    fig.colorbar(image, cax=bar, orientation="horizontal",
                 label="mean difference in civilian deaths per run (red: more, blue: fewer)")
    return fig


def table(sweep, rows, ids, region_order):
    """[header, rows]: one row per region, for each mapped variant its mean
    difference with 95% CI and adjusted p-value (or a mark without one)."""
    d = sweep.differences
    with_p = significance.adjusted(d)
    header, groups = ["region"], [("", 1)]
    for v in ids:
        header += ["difference [95% CI]", f"p, {significance.METHOD}" if with_p else
                   "CI excludes 0"]
        groups.append((f"{sweep.label(v)} − reference", 2))
    regions = [r for r in region_order if r in set(rows["region"])]
    regions += [r for r in dict.fromkeys(rows["region"]) if r not in regions]
    lines = []
    for region in regions:
        line = [region]
        for v in ids:
            mine = rows[(rows["variant_id"] == v) & (rows["region"] == region)]
            if mine.empty:
                line += ["–", "–"]
                continue
            r = mine.iloc[0]
            interval = difference_text(r)
            if with_p:
                line += [interval, significance.p_text(r.get("p_adjusted"))]
            else:
                line += [interval, "yes *" if r["significant"] else "no"]
        lines.append(line)
    return header, groups, lines


def add_section(sweep, page, plotter, repository):
    """The heading, the maps and the table, when differences.csv has the
    regions' civilian deaths."""
    rows = regional_rows(sweep)
    page.heading("Where: civilian deaths by region, variant − reference")
    if rows.empty:
        page.paragraph("differences.csv has no civilian_deaths.by_region rows (a sampled "
                       "design, or a grid of one variant): no regional differences.", "note")
        return
    ids, reason = mapped_variants(sweep, rows)
    samples = sweep.samples()
    resolved = samples[0][2].resolved_scenario if samples else ""
    geography, note = load_geography(resolved, repository)
    scope = ScenarioScope.read(resolved)
    grid = RegionGrid(geography)
    rule = significance.marking_rule(sweep.differences)
    caption = (f"Mean paired difference in civilian deaths per run, by region, for {reason}. "
               "Red: more deaths than the reference, blue: fewer, white: none; the scale is "
               f"centred on zero and shared by the maps. A black frame and a star mark a "
               f"difference {rule}. Regions are the engine's: each point belongs to "
               "the region of its nearest town (the places file has no boundaries).")
    if scope.zoom(grid) is not None:
        caption += (" The map is cut to the regions where the scenario's factions operate; "
                    "others are faint.")

    def make():
        if grid.empty:
            return no_data("Civilian deaths by region", f"no regions to draw ({note})")
        return figure(sweep, rows, ids, grid, scope)

    plotter.add("region_differences", caption, make)
    header, groups, lines = table(sweep, rows, ids, geography.regions)
    page.table(header, lines, groups=groups)
    page.paragraph("Each cell: the mean over the shared seeds of the difference variant − "
                   "reference in the region's civilian deaths, with its 95% t interval "
                   "(differences.csv); * marks a difference " + rule + ".")
