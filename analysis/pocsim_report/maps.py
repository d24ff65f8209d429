# SPDX-License-Identifier: Apache-2.0
"""The map of a run's events over the country: outline, roads, river, the
bases of the scenario's own factions, and the events' fatalities by
perpetrator kind; cut to the regions where the scenario's factions operate."""
import math

import numpy as np

from .region_grid import RegionGrid
from .scenario_scope import ScenarioScope
from .style import NO_KIND, kind_colour, kind_order, mark_no_data, plt

# Marker area in points² per fatality; a cell with no fatalities still shows.
AREA_PER_FATALITY = 3.0
MIN_AREA = 6.0
MAX_AREA = 1500.0
SIZE_LEGEND = (1, 10, 100)


def marker_area(fatalities):
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


class MapScope:
    """What a map draws of the world: the geography, the scenario's factions
    (their bases) and the frame around the scenario's area (None: the whole
    outline)."""

    def __init__(self, geography, resolved_scenario):
        self.geography = geography
        self.scenario = ScenarioScope.read(resolved_scenario)
        self.zoom, self.grid = None, None
        if not self.scenario.empty:
            grid = RegionGrid(geography)
            if not grid.empty:
                self.zoom = self.scenario.zoom(grid)
                self.grid = grid if self.zoom is not None else None

    def shade_outside(self, ax):
        """Veils the regions outside the scenario's area, and outlines its
        regions, when the map is cut to them."""
        if self.grid is None:
            return
        grid, area = self.grid, self.scenario.area()
        inside = [grid.index(r) for r in area if grid.index(r) is not None]
        outside = np.where((grid.region >= 0) & ~np.isin(grid.region, inside), 1.0, np.nan)
        step = grid.lon[1] - grid.lon[0]
        ax.pcolormesh(np.append(grid.lon - step / 2, grid.lon[-1] + step / 2),
                      np.append(grid.lat - step / 2, grid.lat[-1] + step / 2),
                      np.ma.masked_invalid(outside), shading="flat", zorder=0.5,
                      cmap=plt.matplotlib.colors.ListedColormap(["#ffffff"]), alpha=0.65)
        ax.contour(grid.lon, grid.lat, np.isin(grid.region, inside).astype(float), levels=[0.5],
                   colors="#8c6d31", linewidths=1.0, linestyles="--", zorder=0.6)

    def aspect(self):
        """Height over width of the map's frame, or None for the outline's."""
        if self.zoom is None:
            return None
        lon_min, lon_max, lat_min, lat_max = self.zoom
        middle = math.radians(0.5 * (lat_min + lat_max))
        return (lat_max - lat_min) / ((lon_max - lon_min) * math.cos(middle))

    def bases(self):
        """[(kind, faction names, [(lon, lat)], town names)] to draw: the
        scenario's factions' bases; the places file's MINUSMA camps only when
        the scenario could not be read (an older run directory)."""
        towns = self.geography.towns
        if self.scenario.empty:
            camps = [t for t in self.geography.camps if t in towns]
            return [("peacekeepers", ["MINUSMA (places file)"], [towns[t] for t in camps],
                     camps)] if camps else []
        found = []
        for kind, (names, bases) in self.scenario.bases_by_kind().items():
            known = [t for t in bases if t in towns]
            if known:
                found.append((kind, names, [towns[t] for t in known], known))
        return found


def draw_bases(ax, scope, base_names=True):
    """A triangle in the kind's colour per base; the kinds that share a town
    side by side."""
    bases = scope.bases()
    for k, (kind, _, points, towns) in enumerate(bases):
        shift = (k - (len(bases) - 1) / 2) * 7.0  # points
        lon, lat = zip(*points)
        offset = plt.matplotlib.transforms.offset_copy(ax.transData, fig=ax.figure, x=shift,
                                                       y=0, units="points")
        ax.scatter(lon, lat, marker="^", s=42, color=kind_colour(kind), edgecolors="black",
                   linewidths=0.6, zorder=4, transform=offset)
    if base_names:
        named = dict.fromkeys(t for _, _, _, towns in bases for t in towns)
        for name in named:
            x, y = scope.geography.towns[name]
            ax.annotate(name, (x, y), xytext=(4, 4), textcoords="offset points", fontsize=7.5,
                        color="#222222", zorder=5)


def draw_geography(ax, geography, scope, base_names=True, bases=True):
    for ring in geography.rings:
        lon, lat = zip(*ring)
        ax.fill(lon, lat, facecolor="#f4f1e8", edgecolor="#333333", linewidth=1.2, zorder=0)
    scope.shade_outside(ax)
    for ring in geography.rings if scope.grid is not None else []:  # the border over the veil
        lon, lat = zip(*ring)
        ax.plot(lon, lat, color="#333333", linewidth=1.2, zorder=0.7)
    for road in geography.roads:
        points = geography.chain(road)
        if len(points) >= 2:
            lon, lat = zip(*points)
            ax.plot(lon, lat, color="#a0a0a0", linewidth=1.0, zorder=1)
    river = geography.chain(geography.river)
    if len(river) >= 2:
        lon, lat = zip(*river)
        ax.plot(lon, lat, color="#6baed6", linewidth=2.0, zorder=1, alpha=0.8)
    if bases:
        draw_bases(ax, scope, base_names)


def set_frame(ax, geography, grouped, zoom):
    lons = [p[0] for ring in geography.rings for p in ring]
    lats = [p[1] for ring in geography.rings for p in ring]
    if zoom is not None:
        lons, lats = [zoom[0], zoom[1]], [zoom[2], zoom[3]]
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


def draw_events(ax, scope, events, base_names=True):
    """Returns the kinds drawn, for the legend, and the events by place."""
    geography = scope.geography
    draw_geography(ax, geography, scope, base_names)
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
            ax.scatter(rows["longitude"], rows["latitude"], s=marker_area(rows["fatalities"]),
                       c=[kind_colour(k, all_kinds) for k in rows["kind"]],
                       alpha=0.35 if background else 0.65, edgecolors="white", linewidths=0.5,
                       zorder=2 if background else 3)
    set_frame(ax, geography, grouped, scope.zoom)
    return kinds, grouped


def legend(fig_or_ax, kinds, scope, **where):
    geography = scope.geography
    kinds = kind_order(kinds)
    handles = [plt.Line2D([], [], marker="o", linestyle="", markersize=8,
                          color=kind_colour(k, kinds), alpha=0.7, label=k) for k in kinds]
    # A marker's size is its diameter in points; a scatter's, its area in points².
    handles += [plt.Line2D([], [], marker="o", linestyle="",
                           markersize=math.sqrt(marker_area([n])[0]),
                           color="#bbbbbb", markeredgecolor="#666666",
                           label=f"{n} fatalit{'y' if n == 1 else 'ies'}") for n in SIZE_LEGEND]
    for kind, names, _, _ in scope.bases():
        handles.append(plt.Line2D([], [], marker="^", linestyle="", color=kind_colour(kind),
                                  markeredgecolor="black", label="base: " + ", ".join(names)))
    if scope.grid is not None:
        handles.append(plt.Line2D([], [], color="#8c6d31", linestyle="--",
                                  label="the scenario's regions"))
    if geography.roads:
        handles.append(plt.Line2D([], [], color="#a0a0a0", label="road"))
    if geography.river:
        handles.append(plt.Line2D([], [], color="#6baed6", linewidth=2, label="Niger river"))
    fig_or_ax.legend(handles=handles, labelspacing=1.0, borderpad=0.8, **where)


def run_map(run, scope, note):
    geography = scope.geography
    aspect = scope.aspect()
    height = 8.5 if aspect is None else float(np.clip(8.0 * aspect + 1.2, 5.0, 9.0))
    fig, ax = plt.subplots(figsize=(11, height))
    kinds, grouped = draw_events(ax, scope, run.events)
    if grouped is None or grouped.empty:
        ax.text(0.5, 0.02, "no data: no events in events.csv", transform=ax.transAxes,
                ha="center", fontsize=12, color="#555555")
    if not geography.rings and (grouped is None or grouped.empty):
        mark_no_data(ax, "no geography (" + note + ") and no events")
    legend(ax, kinds, scope, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.set_title("Events of the run: fatalities by position and perpetrator kind")
    fig.tight_layout()
    return fig


def sweep_maps(samples, scope, max_panels=6):
    panels = samples[:max_panels]
    columns = min(3, len(panels))
    rows = (len(panels) + columns - 1) // columns
    fig, axes = plt.subplots(rows, columns, figsize=(6.0 * columns, 4.8 * rows + 0.8),
                             squeeze=False)
    kinds = []
    for ax, (variant_id, label, run) in zip(axes.flat, panels):
        drawn, grouped = draw_events(ax, scope, run.events, base_names=False)
        kinds += [k for k in drawn if k not in kinds]
        if grouped is None or grouped.empty:
            ax.text(0.5, 0.03, "no events", transform=ax.transAxes, ha="center",
                    color="#555555")
        ax.set_title(str(label), fontsize=10.5)
    for ax in list(axes.flat)[len(panels):]:
        ax.set_visible(False)
    legend(fig, kinds, scope, loc="lower center", ncol=5, fontsize=9,
           bbox_to_anchor=(0.5, -0.02))
    fig.suptitle("Events of replicate 0 of each variant: fatalities by position and perpetrator "
                 "kind")
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    return fig
