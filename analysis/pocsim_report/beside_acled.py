# SPDX-License-Identifier: Apache-2.0
"""The section "Beside ACLED": a simulated year laid beside the user's own
ACLED export, on the same axes. The export is cut to Mali and to the
simulated period, and counted as the simulated events.csv is: rows (ACLED
codes an event per day and place; pocsim writes a row per event and day) and
their fatalities, by month, place, type, actor and interaction; then the two
maps, on one extent and one scale."""
import datetime
import os
import unicodedata

import numpy as np
import pandas as pd

from . import acled, maps
from .style import mark_no_data, number, plt, wrap

SIMULATED, REAL = "simulated", "ACLED"
COLOURS = {SIMULATED: "#3b6ea8", REAL: "#c0504d"}
# ACLED's event types, each with one colour on both maps.
EVENT_TYPE_COLOURS = {
    "Battles": "#7f7f7f",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#d62728",
    "Strategic developments": "#2ca02c",
    "Riots": "#9467bd",
    "Protests": "#17becf",
}
OTHER_TYPE_COLOUR = "#bcbd22"
MAX_CATEGORIES = 15
NOT_IN_SIMULATED = "not in this events.csv"
NOT_IN_EXPORT = "not in this export"
# Place names that differ between the two beyond accents and case: ACLED
# writes Mali's regions in English (Timbuktu), pocsim's places file in French.
PLACE_ALIASES = {"timbuktu": "tombouctou", "taoudeni": "taoudenit"}
# (title, column) of the breakdowns; "actor" counts an event under actor1
# and under actor2.
BREAKDOWNS = [
    ("Region (admin1)", "admin1"),
    ("Cercle (admin2)", "admin2"),
    ("Event type", "event_type"),
    ("Sub-event type", "sub_event_type"),
    ("Actor (actor1 or actor2)", "actor"),
    ("Interaction", "interaction"),
]
FIGURES = [
    ("acled_places", "Where", ["admin1", "admin2"]),
    ("acled_types", "What", ["event_type", "sub_event_type"]),
    ("acled_actors", "Who", ["actor", "interaction"]),
]


class UnknownVariant(ValueError):
    """--acled-variant names no variant of the sweep."""


def _period(summary, events):
    """(first day, last day) of the run: summary.json's dates, else its events'."""
    days = [acled.parse_date(str(summary.get(k) or "")) for k in ("start_date", "end_date")]
    if None in days:
        dated = events["event_date"].dropna() if "event_date" in events else []
        if len(dated) == 0:
            return None
        days = [min(dated), max(dated)]
    return tuple(days)


def place_key(name):
    """A place name without accents or case (Ménaka and Menaka are one place)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = plain.strip()
    return PLACE_ALIASES.get(plain, plain)


def name_places_as_simulated(real, simulated):
    """The export with its admin1 and admin2 names replaced by the
    simulated events' names for the same places."""
    renamed = {}
    for column in ("admin1", "admin2"):
        if column in real and column in simulated:
            ours = {place_key(n): n for n in simulated[column].unique()}
            renamed[column] = [ours.get(place_key(n), n) for n in real[column]]
    return real.assign(**renamed) if renamed else real


class Comparison:
    """The simulated events and the export's, both cut to the period."""

    def __init__(self, export, export_path, run, what):
        self.export_path = export_path
        self.what = what  # which run the simulated events come from, for the text
        self.simulated = acled.read_simulated(os.path.join(run.path, "events.csv"))
        self.period = _period(run.summary, self.simulated)
        self.export_rows = len(export)
        self.real = export.iloc[0:0]
        if self.period is not None:
            self.simulated = acled.within(self.simulated, *self.period)
            self.real = name_places_as_simulated(acled.within(export, *self.period),
                                                 self.simulated)

    def months(self):
        """Events and fatalities per month of the simulated period, for both:
        a frame indexed by month (pandas Period) with columns
        (SIMULATED|REAL, events|fatalities)."""
        first, last = self.period
        months = pd.period_range(first, last, freq="M")
        columns = {}
        for name, frame in ((SIMULATED, self.simulated), (REAL, self.real)):
            month = pd.PeriodIndex([pd.Period(d, freq="M") for d in frame["event_date"]],
                                   freq="M")
            grouped = frame.assign(month=month).groupby("month")["fatalities"]
            columns[(name, "events")] = grouped.size().reindex(months, fill_value=0)
            columns[(name, "fatalities")] = grouped.sum().reindex(months, fill_value=0)
        return pd.DataFrame(columns, index=months)

    def missing(self, column):
        """Why a breakdown cannot be drawn, or None."""
        needed = ["actor1", "actor2"] if column == "actor" else [column]
        if any(c not in self.simulated for c in needed):
            return NOT_IN_SIMULATED
        if any(c not in self.real for c in needed):
            return NOT_IN_EXPORT
        return None

    def breakdown(self, column):
        """Events and fatalities per value of a column for both, the values
        with most events first (at most MAX_CATEGORIES, the rest summed in
        "other"); None when either side lacks the column."""
        if self.missing(column):
            return None
        columns = {}
        for name, frame in ((SIMULATED, self.simulated), (REAL, self.real)):
            if column == "actor":
                keyed = pd.concat([frame[["actor1", "fatalities"]].rename(
                    columns={"actor1": "key"}), frame[["actor2", "fatalities"]].rename(
                    columns={"actor2": "key"})])
                keyed = keyed[keyed["key"].str.strip() != ""]
            else:
                keyed = frame[[column, "fatalities"]].rename(columns={column: "key"})
                keyed = keyed.assign(key=keyed["key"].replace("", "(empty)"))
            grouped = keyed.groupby("key")["fatalities"]
            columns[(name, "events")] = grouped.size()
            columns[(name, "fatalities")] = grouped.sum()
        table = pd.DataFrame(columns).fillna(0).astype(int)
        table = table.loc[(table[(SIMULATED, "events")] + table[(REAL, "events")]).sort_values(
            ascending=False, kind="stable").index]
        if len(table) > MAX_CATEGORIES:
            rest = table.iloc[MAX_CATEGORIES - 1:].sum()
            table = table.iloc[:MAX_CATEGORIES - 1]
            table.loc["other"] = rest
        return table


def _table_rows(table, label=str):
    return [[label(key)] + [number(table.at[key, (name, measure)])
                            for measure in ("events", "fatalities")
                            for name in (SIMULATED, REAL)] for key in table.index]


TABLE_HEADER_GROUPS = [("", 1), ("events", 2), ("fatalities", 2)]


def _table(page, first_header, table, label=str):
    page.table([first_header, SIMULATED, REAL, SIMULATED, REAL], _table_rows(table, label),
               groups=TABLE_HEADER_GROUPS)


def _paired_bars(ax, table, measure, title):
    labels = [wrap(str(k), 28) for k in table.index]
    y = np.arange(len(labels))
    height = 0.4
    for offset, name in ((-height / 2, SIMULATED), (height / 2, REAL)):
        ax.barh(y + offset, table[(name, measure)], height=height, color=COLOURS[name],
                label=name)
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=8.5)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(measure)
    ax.set_title(title, fontsize=11)


def breakdown_figure(comparison, columns):
    titles = dict((c, t) for t, c in BREAKDOWNS)
    tables = {c: comparison.breakdown(c) for c in columns}
    heights = [len(t) if t is not None else 3 for t in tables.values()]
    fig, axes = plt.subplots(len(columns), 2, figsize=(12, 1.2 + 0.32 * sum(heights) + 1.2),
                             squeeze=False, gridspec_kw={"height_ratios": heights})
    for row, column in zip(axes, columns):
        table = tables[column]
        for ax, measure in zip(row, ("events", "fatalities")):
            if table is None:
                ax.set_title(f"{titles[column]}: {measure}", fontsize=11)
                mark_no_data(ax, comparison.missing(column))
                for spine in ax.spines.values():
                    spine.set_visible(False)
            else:
                _paired_bars(ax, table, measure, f"{titles[column]}: {measure}")
    fig.legend(handles=[plt.Rectangle((0, 0), 1, 1, color=COLOURS[n]) for n in COLOURS],
               labels=[SIMULATED, REAL],
               loc="upper center", ncol=2, bbox_to_anchor=(0.5, 1.0))
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    return fig


def months_figure(comparison):
    table = comparison.months()
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.2))
    x = np.arange(len(table))
    labels = [m.strftime("%b\n%Y") if m.month == 1 or i == 0 else m.strftime("%b")
              for i, m in enumerate(table.index)]
    for ax, measure in zip(axes, ("events", "fatalities")):
        for offset, name in ((-0.2, SIMULATED), (0.2, REAL)):
            ax.bar(x + offset, table[(name, measure)], width=0.4, color=COLOURS[name],
                   label=name)
        ax.set_xticks(x)
        ax.set_xticklabels(labels, fontsize=8.5)
        ax.set_title(f"{measure} by month")
        ax.grid(axis="x", visible=False)
    axes[0].legend(loc="upper left")
    fig.tight_layout()
    return fig


def _event_type_colour(kind):
    return EVENT_TYPE_COLOURS.get(kind, OTHER_TYPE_COLOUR)


def _by_place(frame):
    """Rows summed per position and event type (maps.events_by_place's
    shape, by ACLED's event type: the export has no perpetrator kind)."""
    e = frame.dropna(subset=["latitude", "longitude"])
    if e.empty:
        return e.assign(kind=[], events=[])
    grouped = e.assign(kind=e["event_type"]).groupby(
        ["longitude", "latitude", "kind"], as_index=False).agg(
        fatalities=("fatalities", "sum"), events=("fatalities", "size"))
    return grouped.sort_values("fatalities", ascending=False)


def maps_figure(comparison, scope):
    """The two maps, on one frame: the union of both sides' events and the
    scenario's area, so that a place is at the same spot on both."""
    places = {SIMULATED: _by_place(comparison.simulated), REAL: _by_place(comparison.real)}
    both = pd.concat(places.values())
    aspect = scope.aspect() or 1.0
    fig, axes = plt.subplots(1, 2, figsize=(13, float(np.clip(6.0 * aspect + 1.5, 4.5, 8.0))))
    kinds = []
    for ax, (name, grouped) in zip(axes, places.items()):
        # No bases: they are the scenario's, and would seem ACLED's on its map.
        maps.draw_geography(ax, scope.geography, scope, bases=False)
        if not grouped.empty:
            ax.scatter(grouped["longitude"], grouped["latitude"],
                       s=maps.marker_area(grouped["fatalities"]),
                       c=[_event_type_colour(k) for k in grouped["kind"]], alpha=0.6,
                       edgecolors="white", linewidths=0.5, zorder=3)
            kinds = list(dict.fromkeys(kinds + list(grouped["kind"])))
        else:
            ax.text(0.5, 0.03, "no events in the period", transform=ax.transAxes,
                    ha="center", color="#555555")
        maps.set_frame(ax, scope.geography, both, scope.zoom)
        total = int(grouped["events"].sum()) if not grouped.empty else 0
        ax.set_title(f"{name}: {number(total)} events, "
                     f"{number(int(grouped['fatalities'].sum()) if total else 0)} fatalities",
                     fontsize=11)
    handles = [plt.Line2D([], [], marker="o", linestyle="", markersize=8, alpha=0.7,
                          color=_event_type_colour(k), label=k) for k in kinds]
    if scope.grid is not None:
        handles.append(plt.Line2D([], [], color="#8c6d31", linestyle="--",
                                  label="the scenario's regions"))
    handles += [plt.Line2D([], [], marker="o", linestyle="", color="#bbbbbb",
                           markeredgecolor="#666666",
                           markersize=float(np.sqrt(maps.marker_area([n])[0])),
                           label=f"{n} fatalit{'y' if n == 1 else 'ies'}")
                for n in maps.SIZE_LEGEND]
    fig.legend(handles=handles, loc="lower center", ncol=5, fontsize=9,
               bbox_to_anchor=(0.5, -0.02), labelspacing=1.0)
    fig.tight_layout(rect=(0, 0.12, 1, 1))
    return fig


def _day(d):
    return d.isoformat() if isinstance(d, datetime.date) else str(d)


def add_section(page, plotter, comparison, scope, credit):
    page.heading("Beside ACLED")
    page.paragraph(
        "pocsim ships no ACLED data (ACLED's terms forbid redistributing it): this section "
        f"reads the user's own export ({comparison.export_path}) on this machine, and the "
        "page holds only counts of it.")
    if comparison.period is None:
        page.paragraph(f"no data: the simulated events ({comparison.what}) give no period to "
                       "compare with (no start_date and end_date in summary.json, no dated "
                       "event).", "note")
        return
    first, last = comparison.period
    page.paragraph(
        f"Simulated: {comparison.what}, {number(len(comparison.simulated))} rows of "
        f"events.csv. ACLED: the export's rows in Mali from {_day(first)} to {_day(last)} "
        f"(the simulated period), {number(len(comparison.real))} of its "
        f"{number(comparison.export_rows)} rows. Both are counted as rows: ACLED codes an "
        "event per day and place, pocsim writes a row per event and day (a violent episode "
        "that lasts three days is three rows). Fatalities are the rows' fatalities. The "
        "export's regions and cercles are named as in the simulation where they are the same "
        "place (Menaka is Ménaka, Timbuktu Tombouctou).")
    page.subheading("When")
    plotter.add("acled_months", "Events and fatalities by month of the simulated period, "
                "simulated beside ACLED.", lambda: months_figure(comparison))
    _table(page, "month", comparison.months(), lambda m: m.strftime("%Y-%m"))
    for name, heading, columns in FIGURES:
        page.subheading(heading)
        plotter.add(name, "Events and fatalities by " + " and by ".join(
            dict((c, t) for t, c in BREAKDOWNS)[c].lower() for c in columns) +
            f", simulated beside ACLED (the {MAX_CATEGORIES - 1} values with most events of "
            "both, the rest summed in \"other\").",
            lambda columns=columns: breakdown_figure(comparison, columns))
        for title, column in BREAKDOWNS:
            if column not in columns:
                continue
            table = comparison.breakdown(column)
            if table is None:
                page.paragraph(f"{title}: {comparison.missing(column)}.", "note")
            else:
                _table(page, title, table)
    page.subheading("Maps")
    plotter.add("acled_maps", "Simulated events (left) and ACLED's (right) in the period, "
                "summed by position and ACLED event type, area proportional to fatalities, on "
                "the same extent and scale.", lambda: maps_figure(comparison, scope),
                credit=credit)


def sample_of_variant(sweep, name):
    """(variant_id, label, RunDir or None) of the variant that --acled-variant
    names (its id, full name or label; default the reference)."""
    variants = sweep.variants()
    if name is None:
        name = sweep.reference or (variants[0][0] if variants else None)
    full_names = {}
    if not sweep.plan.empty and {"variant_id", "variant"} <= set(sweep.plan):
        full_names = dict(zip(sweep.plan["variant_id"], sweep.plan["variant"]))
    for variant_id, label in variants:
        if name in (variant_id, label, full_names.get(variant_id)):
            return variant_id, label, sweep.sample(variant_id)
    raise UnknownVariant(f"--acled-variant: the sweep has no variant {name!r} (its variants: " +
                         ", ".join(label for _, label in variants) + ")")
