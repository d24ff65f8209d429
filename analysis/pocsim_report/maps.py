# SPDX-License-Identifier: Apache-2.0
"""The map of a run's events over the country: outline, roads, river, camps,
and the events' fatalities by perpetrator kind."""
import math

import numpy as np

from .style import NO_KIND, kind_colour, kind_order, mark_no_data, plt

# Marker area in points² per fatality; a cell with no fatalities still shows.
AREA_PER_FATALITY = 3.0
MIN_AREA = 6.0
MAX_AREA = 1500.0
SIZE_LEGEND = (1, 10, 100)


def _area(fatalities):
    return np.clip(MIN_AREA + AREA_PER_FATALITY * np.asarray(fatalities, dtype=float), MIN_AREA,
                   MAX_AREA)


def events_by_place(events):
    """Events summed per position and perpetrator kind: events sit at the
    centre of their grid cell, and a violent episode repeats daily, so single
    events would hide one another."""
    if events.empty or not {"latitude", "longitude", "fatalities"} <= set(events.columns):
        return None
    e = events.dropna(subset=["latitude", "longitude"]).copy()
    if "perpetrator_kind" in e:
        e["kind"] = e["perpetrator_kind"].where(e["perpetrator_kind"] != "", NO_KIND)
    else:
        e["kind"] = NO_KIND
    e["fatalities"] = e["fatalities"].fillna(0)
    grouped = e.groupby(["longitude", "latitude", "kind"], as_index=False).agg(
        fatalities=("fatalities", "sum"), events=("fatalities", "size"))
    # Large circles first, so that small ones stay visible on top.
    return grouped.sort_values("fatalities", ascending=False)


def draw_geography(ax, geography, camp_names=True):
    for ring in geography.rings:
        lon, lat = zip(*ring)
        ax.fill(lon, lat, facecolor="#f4f1e8", edgecolor="#333333", linewidth=1.2, zorder=0)
    for road in geography.roads:
        points = geography.chain(road)
        if len(points) >= 2:
            lon, lat = zip(*points)
            ax.plot(lon, lat, color="#a0a0a0", linewidth=1.0, zorder=1)
    river = geography.chain(geography.river)
    if len(river) >= 2:
        lon, lat = zip(*river)
        ax.plot(lon, lat, color="#6baed6", linewidth=2.0, zorder=1, alpha=0.8)
    camps = geography.chain(geography.camps)
    if camps:
        lon, lat = zip(*camps)
        ax.scatter(lon, lat, marker="^", s=45, color="black", zorder=4)
        for name in geography.camps if camp_names else []:
            if name in geography.towns:
                x, y = geography.towns[name]
                ax.annotate(name, (x, y), xytext=(4, 3), textcoords="offset points", fontsize=7.5,
                            color="#222222", zorder=5)


def _frame(ax, geography, grouped):
    lons = [p[0] for ring in geography.rings for p in ring]
    lats = [p[1] for ring in geography.rings for p in ring]
    if grouped is not None and not grouped.empty:
        lons += list(grouped["longitude"])
        lats += list(grouped["latitude"])
    if lons:
        pad = 0.5
        ax.set_xlim(min(lons) - pad, max(lons) + pad)
        ax.set_ylim(min(lats) - pad, max(lats) + pad)
        # Degrees of longitude shrink with latitude: keep the shape true.
        ax.set_aspect(1.0 / math.cos(math.radians((min(lats) + max(lats)) / 2)))
    ax.set_xlabel("longitude (°)")
    ax.set_ylabel("latitude (°)")
    ax.grid(alpha=0.15)


def draw_events(ax, geography, events, camp_names=True):
    """Returns the kinds drawn, for the legend, and the events by place."""
    draw_geography(ax, geography, camp_names)
    grouped = events_by_place(events)
    kinds = []
    if grouped is not None and not grouped.empty:
        kinds = list(dict.fromkeys(grouped["kind"]))
        all_kinds = list(kinds)
        # Battles and explosions underneath, fainter: the map is about civilians.
        for background in (True, False):
            rows = grouped[(grouped["kind"] == NO_KIND) == background]
            if rows.empty:
                continue
            ax.scatter(rows["longitude"], rows["latitude"], s=_area(rows["fatalities"]),
                       c=[kind_colour(k, all_kinds) for k in rows["kind"]],
                       alpha=0.35 if background else 0.65, edgecolors="white", linewidths=0.5,
                       zorder=2 if background else 3)
    _frame(ax, geography, grouped)
    return kinds, grouped


def legend(fig_or_ax, kinds, geography, **where):
    kinds = kind_order(kinds)
    handles = [plt.Line2D([], [], marker="o", linestyle="", markersize=8,
                          color=kind_colour(k, kinds), alpha=0.7, label=k) for k in kinds]
    # A marker's size is its diameter in points; a scatter's, its area in points².
    handles += [plt.Line2D([], [], marker="o", linestyle="", markersize=math.sqrt(_area([n])[0]),
                           color="#bbbbbb", markeredgecolor="#666666",
                           label=f"{n} fatalit{'y' if n == 1 else 'ies'}") for n in SIZE_LEGEND]
    if geography.camps:
        handles.append(plt.Line2D([], [], marker="^", linestyle="", color="black",
                                  label="MINUSMA camp"))
    if geography.roads:
        handles.append(plt.Line2D([], [], color="#a0a0a0", label="road"))
    if geography.river:
        handles.append(plt.Line2D([], [], color="#6baed6", linewidth=2, label="Niger river"))
    fig_or_ax.legend(handles=handles, labelspacing=1.0, borderpad=0.8, **where)


def run_map(run, geography, note):
    fig, ax = plt.subplots(figsize=(11, 8.5))
    kinds, grouped = draw_events(ax, geography, run.events)
    if grouped is None or grouped.empty:
        ax.text(0.5, 0.02, "no data: no events in events.csv", transform=ax.transAxes,
                ha="center", fontsize=12, color="#555555")
    if not geography.rings and (grouped is None or grouped.empty):
        mark_no_data(ax, "no geography (" + note + ") and no events")
    legend(ax, kinds, geography, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.set_title("Events of the run: fatalities by position and perpetrator kind")
    fig.tight_layout()
    return fig


def sweep_maps(samples, geography, max_panels=6):
    panels = samples[:max_panels]
    columns = min(3, len(panels))
    rows = (len(panels) + columns - 1) // columns
    fig, axes = plt.subplots(rows, columns, figsize=(6.0 * columns, 4.8 * rows + 0.8),
                             squeeze=False)
    kinds = []
    for ax, (variant_id, label, run) in zip(axes.flat, panels):
        drawn, grouped = draw_events(ax, geography, run.events, camp_names=False)
        kinds += [k for k in drawn if k not in kinds]
        if grouped is None or grouped.empty:
            ax.text(0.5, 0.03, "no events", transform=ax.transAxes, ha="center",
                    color="#555555")
        ax.set_title(str(label) if len(str(label)) <= 45 else str(label)[:44] + "…",
                     fontsize=10.5)
    for ax in list(axes.flat)[len(panels):]:
        ax.set_visible(False)
    legend(fig, kinds, geography, loc="lower center", ncol=6, fontsize=9,
           bbox_to_anchor=(0.5, -0.02))
    fig.suptitle("Events of replicate 0 of each variant: fatalities by position and perpetrator "
                 "kind")
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    return fig
