#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The benchmark history as one self-contained HTML page: a plot per
benchmark and machine (wall times), a plot per instruction-count workload,
the commits where a value moved by more than its noise, and the commits.

bench_track.py calls write_report(entries, out_dir) with the loaded result
files (format 1, every machine); standalone it reads them itself:

    python3 bench/track/report.py bench/history OUT_DIR

Only the standard library, and the page is inline CSS and inline SVG: it
opens from a file, from a CI artefact, offline.
"""
import argparse
import html
import math
import re
import statistics
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import history

REGENERATE = "tools/bench-track.sh --report DIR"

# A time moved when the [min, max] ranges of the repetitions at two
# consecutive points do not overlap (the change exceeds the noise seen at
# either commit) and the medians differ by at least this much (runs on a
# shared machine drift by a few % without any change of the code).
TIME_MOVE = 0.03
# An instruction count is deterministic, any change is the code's; below
# this a change is too small to be worth a look.
INSTRUCTION_MOVE = 0.01
# Epstein's ratio to Mesa is one timing of each side (--mesa), with no
# repetitions to say how noisy it is; pocsim's side lasts a fraction of a
# second, so only a large change is worth a mark.
RATIO_MOVE = 0.10

WIDTH, HEIGHT = 800, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 12, 20, 52   # room for the y ticks, the hashes
LABEL_SPACING = 16   # px between hashes rotated by 45°: a 10 px font and a gap
TICK_COUNT = 5       # y ticks aimed at
# A zoomed y-axis spans at least this fraction of its top value, so that
# 0.5 % of noise does not look like a cliff (a 3 % move still fills a third).
MIN_SPAN = 0.10

# A colour per machine or configuration; red and green are kept for the
# marks of a rise and a fall.
PALETTE = ("#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#17becf", "#bcbd22")
RISE, FALL = "#d62728", "#2ca02c"

SECONDS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}   # Google Benchmark's time_unit
TIME_UNITS = ((" s", 1.0), (" ms", 1e-3), (" µs", 1e-6), (" ns", 1e-9))
SI_UNITS = ((" T", 1e12), (" G", 1e9), (" M", 1e6), (" k", 1e3), ("", 1.0))


# --- The data -----------------------------------------------------------------

@dataclass
class Commit:
    sha: str
    order: int            # position on main's first-parent history
    date: str
    subject: str
    message: str
    machines: set = field(default_factory=set)   # ids of the machines with results
    skipped: list = field(default_factory=list)  # (machine id, reason)

    @property
    def short(self):
        return self.sha[:7]

    @property
    def anchor(self):
        return f"c-{self.sha[:12]}"

    def caption(self):
        return f"{self.short} (#{self.order}) {self.subject}"


@dataclass
class Point:
    commit: Commit
    value: float          # the median of the repetitions, or the count
    low: float            # the fastest repetition
    high: float           # the slowest repetition
    repetitions: int = 1
    notes: str = ""       # further lines of the tooltip
    previous: "Point | None" = None   # the point before on the same line
    moved: bool = False

    def change(self):
        """The relative change from the previous point, or None."""
        if self.previous is None or self.previous.value <= 0:
            return None
        return self.value / self.previous.value - 1


@dataclass(frozen=True)
class Kind:
    """What differs between the time plots and the instruction plots."""
    quantity: str                             # under the plot's title
    scale: Callable[[float], tuple]           # the (suffix, size) for a maximum
    describe: Callable[[Point, tuple], str]   # a value for a tooltip, in a unit
    moved: Callable[[Point, Point], bool]     # (previous, point)
    rule: str                                 # the marking rule, in short
    rise: str                                 # what a rise means
    fall: str
    worse_up: bool = True                     # a rise is drawn red, a fall green

    def worse(self, change):
        return (change > 0) == self.worse_up


@dataclass
class Series:
    label: str            # the machine or the configuration
    colour: str
    points: list          # of Point, in commit order


@dataclass
class Plot:
    anchor: str
    title: str
    kind: Kind
    series: list          # of Series
    where: str = ""       # the machine of a time plot


# --- Numbers ------------------------------------------------------------------

def _largest_unit(units, top):
    """The largest (suffix, size) of `units` not above `top`, else the smallest."""
    return next((unit for unit in units if top >= unit[1]), units[-1])


def _significant(value, digits=4):
    if value == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    return f"{value:.{decimals}f}"


def _format(value, unit, decimals=None):
    """`value` in `unit` (suffix, size), with `decimals` or 4 significant digits."""
    suffix, size = unit
    scaled = value / size
    return (_significant(scaled) if decimals is None else f"{scaled:.{decimals}f}") + suffix


def _format_si(value):
    return _format(value, _largest_unit(SI_UNITS, abs(value)))


def _percent(change):
    return f"{change:+.1%}"


def _shorten(text, length):
    return text if len(text) <= length else text[:length - 1] + "…"


def _decimals(step):
    """The decimals that show every multiple of `step` exactly."""
    decimals = 0
    while decimals < 6 and abs(round(step, decimals) - step) > abs(step) * 1e-6:
        decimals += 1
    return decimals


def _nice_step(span):
    """1, 2, 2.5 or 5 times a power of ten, for about TICK_COUNT ticks."""
    raw = span / TICK_COUNT
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * 0.999)


def _y_axis(low, high):
    """(ticks, starts at zero) of an axis holding [low, high]. It starts at
    zero unless the data would then fill less than half of the height: a 3 %
    move must stay visible; the plot says when zero is left out."""
    from_zero = low <= 0 or low < high / 2
    if from_zero:
        low = 0.0
    else:
        pad = max((high - low) * 0.08, (high * MIN_SPAN - (high - low)) / 2)
        low, high = low - pad, high + pad
    if high <= low:
        high = low + 1.0
    step = _nice_step(high - low)
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    return [i * step for i in range(first, last + 1)], from_zero


# --- The two kinds of plot ----------------------------------------------------

def _time_moved(previous, point):
    apart = point.low > previous.high or point.high < previous.low
    return apart and abs(point.change()) >= TIME_MOVE


def _instructions_moved(previous, point):
    return abs(point.change()) > INSTRUCTION_MOVE


def _describe_time(point, unit):
    value = _format(point.value, unit)
    if point.repetitions == 1:
        return f"{value} (1 repetition)"
    return (f"median {value}, range {_format(point.low, unit)} – {_format(point.high, unit)}"
            f" ({point.repetitions} repetitions)")


def _describe_count(point, unit):
    return f"{point.value:,} instructions ({_format(point.value, unit)})"


TIME = Kind(quantity="real time: median of the repetitions (line and point), min to max (bar)",
            scale=lambda top: _largest_unit(TIME_UNITS, top),
            describe=_describe_time,
            moved=_time_moved,
            rule=f"min–max ranges apart and median changed ≥ {TIME_MOVE:.0%}",
            rise="slower", fall="faster")
INSTRUCTIONS = Kind(quantity="instructions (callgrind), a line per compiler, SIMD path, MPI linking "
                             "and -fPIC",
                    scale=lambda top: _largest_unit(SI_UNITS, top),
                    describe=_describe_count,
                    moved=_instructions_moved,
                    rule=f"changed > {INSTRUCTION_MOVE:.0%}",
                    rise="more", fall="fewer")


def _describe_ratio(point, unit):
    return f"{point.value:.0f}x Mesa's agent-steps per second"


RATIO = Kind(quantity="pocsim's agent-steps per second over Mesa 3.3.1's, Mesa's model defaults, "
                      "one thread, measured side by side (bench/compare_mesa/compare.py)",
             scale=lambda top: ("x", 1.0),
             describe=_describe_ratio,
             moved=lambda previous, point: abs(point.change()) >= RATIO_MOVE,
             rule=f"changed ≥ {RATIO_MOVE:.0%} (one timing, no repetitions)",
             rise="faster", fall="slower", worse_up=False)


# --- Reading the entries ------------------------------------------------------

def _warn(text):
    print(f"report.py: {text}", file=sys.stderr)


def _machine_id(entry):
    return (entry.get("machine") or {}).get("id", "unknown")


def _benchmark_runs(entry):
    """The runs of Google Benchmark's JSON output, [] when it did not run."""
    return (entry.get("benchmarks") or {}).get("benchmarks") or []


def _workloads(entry):
    """(config, {workload: result}) of the instruction counts."""
    instructions = entry.get("instructions") or {}
    return instructions.get("config") or {}, instructions.get("workloads") or {}


def _usable(entries):
    """The format-1 entries, the latest recorded one of each commit and
    machine (a commit measured again replaces its result), oldest first."""
    latest = {}
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("format") != 1 or not entry.get("commit"):
            _warn(f"ignoring an entry that is not format 1: {str(entry)[:80]}")
            continue
        key = (entry["commit"], _machine_id(entry))
        if key not in latest or entry.get("recorded", "") >= latest[key].get("recorded", ""):
            latest[key] = entry
    return sorted(latest.values(), key=lambda e: e.get("recorded", ""))


def _commits(entries):
    """{sha: Commit} of every entry. An entry with neither benchmarks nor
    counts and no reason is listed as skipped too: it was tried."""
    commits = {}
    for entry in entries:
        sha = entry["commit"]
        if sha not in commits:
            order = entry.get("order")
            commits[sha] = Commit(sha, order if isinstance(order, int) else -1,
                                  entry.get("commit_date", ""), entry.get("subject", ""),
                                  entry.get("message") or entry.get("subject", ""))
        if "skipped" in entry:
            commits[sha].skipped.append((_machine_id(entry), str(entry["skipped"])))
        elif entry.get("benchmarks") or entry.get("instructions"):
            commits[sha].machines.add(_machine_id(entry))
        else:
            commits[sha].skipped.append((_machine_id(entry), "no results recorded"))
    return commits


def _iteration_times(entry):
    """{run_name: [real time of each repetition in seconds]} of an entry,
    without the aggregates (mean, median, stddev, cv) and failed runs."""
    runs = {}
    for run in _benchmark_runs(entry):
        aggregate = run.get("run_type", "iteration") != "iteration" or "aggregate_name" in run
        if aggregate or run.get("error_occurred") or "real_time" not in run:
            continue
        seconds = run["real_time"] * SECONDS.get(run.get("time_unit", "ns"), 1e-9)
        runs.setdefault(run.get("run_name") or run["name"], []).append(seconds)
    return runs


def _failures(entries):
    """(commit sha, machine id, what, error) of the failed benchmarks and
    workloads; a workload that did not exist yet failed too."""
    failures = []
    for entry in entries:
        where = (entry["commit"], _machine_id(entry))
        failures += [where + (run.get("name", "?"), run.get("error_message", ""))
                     for run in _benchmark_runs(entry) if run.get("error_occurred")]
        failures += [where + (name, result.get("error") or result.get("status", ""))
                     for name, result in _workloads(entry)[1].items()
                     if "instructions" not in result]
    return failures


# --- The plots ----------------------------------------------------------------

def _natural(text):
    """A sort key putting BM_X/200 before BM_X/1000 before BM_X/10000."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _colours(labels):
    return {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(sorted(labels))}


def _anchor(prefix, index, text):
    """A unique id (by the index) that still reads as the plot's name."""
    return f"{prefix}{index}-" + re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")


def _time_plots(entries, commits):
    """A plot per benchmark and machine: the times of two machines differ by
    more than their changes, one axis for both would flatten the changes."""
    lines = {}   # (run name, machine id) -> [Point]
    for entry in entries:
        for name, times in _iteration_times(entry).items():
            point = Point(commits[entry["commit"]], statistics.median(times), min(times),
                          max(times), len(times))
            lines.setdefault((name, _machine_id(entry)), []).append(point)
    colours = _colours({machine for _, machine in lines})
    keys = sorted(lines, key=lambda key: (_natural(key[0]), key[1]))
    return [Plot(_anchor("t", i, f"{name}-{machine}"), name, TIME,
                 [Series(machine, colours[machine], lines[name, machine])], where=machine)
            for i, (name, machine) in enumerate(keys)]


def _ratio_plots(entries, commits):
    """A plot per Mesa parameter set and machine of Epstein's ratio to Mesa,
    where results have one (tools/bench-track.sh --mesa)."""
    lines = {}   # (set, machine id) -> [Point]
    for entry in entries:
        for name, ratio in (entry.get("mesa") or {}).items():
            value = ratio["ratio"]
            notes = (f"pocsim {ratio['pocsim']:,} agent-steps/s, Mesa {ratio['mesa']:,} "
                     f"({ratio.get('seeds', '?')} seeds)")
            point = Point(commits[entry["commit"]], value, value, value, notes=notes)
            lines.setdefault((name, _machine_id(entry)), []).append(point)
    colours = _colours({machine for _, machine in lines})
    return [Plot(_anchor("r", i, f"{name}-{machine}"), f"Epstein vs Mesa ({name} set)", RATIO,
                 [Series(machine, colours[machine], lines[name, machine])], where=machine)
            for i, (name, machine) in enumerate(sorted(lines))]


def _config_label(config):
    """Counts compare only under the same compiler, vector path and MPI
    linking (bench/track/history.py, same_config)."""
    mpi = {True: ", MPI", False: ", no MPI"}.get(config.get("mpi"), "")
    pic = ", PIC" if config.get("pic") else ""
    return f"{config.get('compiler', '?')}, {config.get('simd', '?')}{mpi}{pic}"


def _top_functions(result, count=3):
    rows = [f"  {_format_si(row.get('instructions', 0))}  {_shorten(row.get('function', '?'), 70)}"
            for row in (result.get("top_functions") or [])[:count]]
    return "\n".join(["top functions:"] + rows) if rows else ""


def _instruction_plots(entries, commits):
    """A plot per workload, a line per (compiler, SIMD) configuration. The
    count of one configuration is the same on every machine; the latest
    recorded one is kept."""
    lines = {}   # workload -> {config label: {sha: Point}}
    for entry in entries:
        config, workloads = _workloads(entry)
        for name, result in workloads.items():
            if "instructions" in result:
                count = result["instructions"]
                point = Point(commits[entry["commit"]], count, count, count,
                              notes=_top_functions(result))
                configs = lines.setdefault(name, {})
                configs.setdefault(_config_label(config), {})[entry["commit"]] = point
    colours = _colours({label for configs in lines.values() for label in configs})
    return [Plot(_anchor("i", i, name), name, INSTRUCTIONS,
                 [Series(label, colours[label], list(points.values()))
                  for label, points in sorted(lines[name].items())])
            for i, name in enumerate(sorted(lines, key=_natural))]


def _mark_moves(plot):
    """Links each point to the one before on its line and marks the moves."""
    for series in plot.series:
        series.points.sort(key=lambda p: p.commit.order)
        for previous, point in zip(series.points, series.points[1:]):
            point.previous = previous
            point.moved = point.change() is not None and plot.kind.moved(previous, point)


# --- SVG ----------------------------------------------------------------------

def _e(text):
    return html.escape(str(text))


def _tag(name, content="", **attributes):
    """An element; `content` is markup, already escaped. class_ gives class,
    text_anchor text-anchor."""
    start = " ".join([name] + [f'{key.rstrip("_").replace("_", "-")}="{_e(value)}"'
                               for key, value in attributes.items()])
    return f"<{start}>{content}</{name}>" if content else f"<{start}/>"


@dataclass
class Frame:
    """Maps the commit slots and the values to the plot's pixels."""
    slots: int
    low: float
    high: float

    def x(self, slot):
        return round(LEFT + (slot + 0.5) * (WIDTH - LEFT - RIGHT) / self.slots, 1)

    def y(self, value):
        height = HEIGHT - TOP - BOTTOM
        return round(TOP + (self.high - value) / (self.high - self.low) * height, 1)


def _y_ticks_svg(frame, ticks, unit, from_zero):
    decimals = _decimals((ticks[1] - ticks[0]) / unit[1])
    parts = []
    for tick in ticks:
        y = frame.y(tick)
        parts.append(_tag("line", x1=LEFT, x2=WIDTH - RIGHT, y1=y, y2=y, class_="grid"))
        parts.append(_tag("text", _format(tick, unit, decimals), x=LEFT - 6, y=y + 3.5,
                          text_anchor="end"))
    if not from_zero:
        parts.append(_tag("text", "y-axis does not start at zero", x=WIDTH - RIGHT, y=TOP - 7,
                          text_anchor="end", class_="note"))
    return parts


def _x_labels_svg(frame, commits):
    """The short hashes under the slots, every n-th one when crowded, counted
    from the newest commit so that it always has its label."""
    every = max(1, math.ceil(LABEL_SPACING * frame.slots / (WIDTH - LEFT - RIGHT)))
    parts = []
    for slot, commit in enumerate(commits):
        if (len(commits) - 1 - slot) % every:
            continue
        x, y = frame.x(slot), HEIGHT - BOTTOM + 10
        label = _tag("text", commit.short, x=x + 3, y=y, text_anchor="end", class_="hash",
                     transform=f"rotate(-45 {x + 3} {y})")
        parts.append(_tag("line", x1=x, x2=x, y1=HEIGHT - BOTTOM, y2=HEIGHT - BOTTOM + 3,
                          class_="axis"))
        parts.append(_tag("a", _tag("title", _e(commit.caption())) + label,
                          href=f"#{commit.anchor}"))
    return parts


def _tooltip(point, label, kind, unit):
    lines = [point.commit.caption(), f"{label}: {kind.describe(point, unit)}"]
    change = point.change()
    if change is not None:
        previous = point.previous.commit
        since = f"{_percent(change)} since {previous.short} (#{previous.order})"
        word = kind.rise if change > 0 else kind.fall
        lines.append(f"MOVED, {word}: {since}; {kind.rule}" if point.moved else since)
    if point.notes:
        lines.append(point.notes)
    return "\n".join(lines)


def _marker_svg(x, y, point, colour, kind):
    """A dot, or for a move a triangle pointing the way it went, red where
    it got worse."""
    if not point.moved:
        return _tag("circle", cx=x, cy=y, r=3, fill=colour, class_="dot")
    up = point.change() > 0
    tip, base = (y - 7, y + 4) if up else (y + 7, y - 4)
    return _tag("path", d=f"M{x} {tip}L{x - 6} {base}L{x + 6} {base}Z",
                fill=RISE if kind.worse(point.change()) else FALL, class_="mark")


def _point_svg(frame, slot, point, series, kind, unit):
    """The point linked to its commit, its spread bar, its tooltip and a
    larger transparent target for the mouse."""
    x, y = frame.x(slot), frame.y(point.value)
    parts = [_tag("title", _e(_tooltip(point, series.label, kind, unit)))]
    if point.high > point.low:
        top, bottom = frame.y(point.high), frame.y(point.low)
        bar = f"M{x - 3} {top}H{x + 3}M{x} {top}V{bottom}M{x - 3} {bottom}H{x + 3}"
        parts.append(_tag("path", d=bar, stroke=series.colour, class_="spread"))
    parts.append(_marker_svg(x, y, point, series.colour, kind))
    parts.append(_tag("circle", cx=x, cy=y, r=8, class_="hit"))
    return _tag("a", "".join(parts), href=f"#{point.commit.anchor}")


def _line_svg(frame, slots_values, colour):
    """The line of a series: solid between neighbouring commits, dashed
    across the commits it has no value for (skipped, failed, not measured)."""
    def polyline(run, css):
        xy = " ".join(f"{frame.x(slot)},{frame.y(value)}" for slot, value in run)
        return _tag("polyline", points=xy, stroke=colour, class_=css)

    parts = [polyline(slots_values, "line gap")]
    run = slots_values[:1]
    for previous, current in zip(slots_values, slots_values[1:]):
        if current[0] - previous[0] > 1:
            parts.append(polyline(run, "line"))
            run = []
        run.append(current)
    return parts + [polyline(run, "line")]


def _plot_svg(plot, commits):
    """The SVG of a plot over `commits`, the x-axis shared by every plot."""
    slot_of = {commit.sha: i for i, commit in enumerate(commits)}
    points = [p for s in plot.series for p in s.points]
    ticks, from_zero = _y_axis(min(p.low for p in points), max(p.high for p in points))
    frame = Frame(len(commits), ticks[0], ticks[-1])
    unit = plot.kind.scale(ticks[-1])
    parts = _y_ticks_svg(frame, ticks, unit, from_zero) + _x_labels_svg(frame, commits)
    parts.append(_tag("path", d=f"M{LEFT} {TOP}V{HEIGHT - BOTTOM}H{WIDTH - RIGHT}",
                      class_="axis"))
    for series in plot.series:
        parts += _line_svg(frame, [(slot_of[p.commit.sha], p.value) for p in series.points],
                           series.colour)
    for series in plot.series:   # the points over every line
        parts += [_point_svg(frame, slot_of[p.commit.sha], p, series, plot.kind, unit)
                  for p in series.points]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img">' + "".join(parts) + "</svg>")


# --- HTML ---------------------------------------------------------------------

STYLE = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
       background: #f7f7f5; max-width: 1100px; margin: 0 auto; padding: 12px 24px 48px; }
h1 { font-size: 22px; margin: 12px 0 4px; }
h2 { font-size: 18px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #ddd; }
h3 { font-size: 14px; margin: 0; }
h3 .where { font-weight: normal; color: #666; }
code { white-space: nowrap; }
code, .hash, h3, ul.toc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
a { color: #1a5fb4; text-decoration: none; }
a:hover { text-decoration: underline; }
.muted, .legend { color: #666; font-size: 12px; }
.nowrap, td.num { white-space: nowrap; }
.rise { color: #d62728; }
.fall { color: #2ca02c; }
.plot { background: #fff; border: 1px solid #e2e2e2; border-radius: 4px; padding: 10px 12px 4px;
        margin: 12px 0; width: 800px; }
.legend span { margin-right: 16px; white-space: nowrap; }
.swatch { display: inline-block; width: 18px; height: 3px; vertical-align: middle;
          margin-right: 4px; }
svg { display: block; margin-top: 4px; overflow: visible; }
svg text { font-size: 10px; fill: #555; font-family: system-ui, sans-serif; }
svg text.hash { font-family: ui-monospace, Menlo, Consolas, monospace; }
svg text.note { font-style: italic; fill: #a15c00; }
svg .grid { stroke: #ececec; }
svg .axis { stroke: #999; fill: none; }
svg .line { fill: none; stroke-width: 1.5; stroke-linejoin: round; }
svg .gap { stroke-width: 1; stroke-dasharray: 3 3; }
svg .spread { fill: none; stroke-width: 1.2; opacity: 0.55; }
svg .dot, svg .mark { stroke: #fff; stroke-width: 1; }
svg .hit { fill: transparent; }
svg a:hover .dot, svg a:hover .mark { stroke: #000; }
table { border-collapse: collapse; font-size: 13px; background: #fff; }
th, td { padding: 3px 10px; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
th { background: #f0f0ee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:target { background: #fff3b0; }
details summary { cursor: pointer; }
details pre { white-space: pre-wrap; margin: 4px 0 2px; font-size: 12px; color: #444; }
ul.toc { columns: 2; font-size: 12px; padding-left: 18px; }
"""


def _plural(count, word):
    return f"{count} {word}" + ("" if count == 1 else "s")


def _commit_link(commit):
    return f'<a class="hash" href="#{commit.anchor}">{commit.short}</a>'


def _table(headers, rows):
    """A table; a row is its cells' markup, or (id, cells) for a row that is
    a link target; a cell is markup, or (class, markup)."""
    def cell(c):
        return f'<td class="{c[0]}">{c[1]}</td>' if isinstance(c, tuple) else f"<td>{c}</td>"

    def row(r):
        anchor, cells = r if isinstance(r, tuple) else (None, r)
        start = f'<tr id="{anchor}">' if anchor else "<tr>"
        return start + "".join(cell(c) for c in cells) + "</tr>"

    head = "<tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>"
    return f"<table>{head}{''.join(row(r) for r in rows)}</table>"


def _machines_html(commits, entries):
    latest = {_machine_id(e): e for e in entries}   # oldest first: the latest describes it
    rows = []
    for machine_id, entry in sorted(latest.items()):
        machine, build = entry.get("machine") or {}, entry.get("build") or {}
        rows.append([f"<code>{_e(machine_id)}</code>", _e(machine.get("cpu", "")),
                     ("num", _e(machine.get("cores", ""))), _e(machine.get("simd", "")),
                     _e(f"{build.get('type', '')} {build.get('compiler', '')}"),
                     ("num", sum(machine_id in c.machines for c in commits))])
    return _table(["machine", "CPU", "cores", "SIMD", "build (latest)", "commits"], rows)


def _header_html(commits, entries):
    machines = len({_machine_id(e) for e in entries})
    span = (f" (#{commits[0].order} {commits[0].short} to #{commits[-1].order} "
            f"{commits[-1].short})" if commits else "")
    measured = sum(1 for c in commits if c.machines)
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<h1>pocsim benchmark history</h1>
<p>Wall times of the Google Benchmark suite (<code>bench/</code>) and instruction counts of
fixed <code>pocsim</code> workloads under callgrind, commit by commit along main:
{_plural(len(commits), "commit")}{span}, {measured} with results, {_plural(machines, "machine")}.
Generated {generated}; regenerate with <code>{_e(REGENERATE)}</code>.</p>
<p class="muted">Times compare only within one machine, instruction counts only within one
compiler, SIMD path, MPI linking and position-independent engine code. Each point links to its commit in the
<a href="#commits">table</a>; hover over it for the values. The <a href="#moves">marked
moves</a> are listed after the plots, the newest first.</p>
{_machines_html(commits, entries)}
<p><b>Marked moves</b> (<span class="rise">▲ up</span>, <span class="fall">▼ down</span>,
the change in % in the tooltip): a <b>time</b> is marked when the min–max range of its
repetitions and that of the previous point of its line do not overlap and the median changed
by at least {TIME_MOVE:.0%}; an <b>instruction count</b> (deterministic, no noise) when it
changed by more than {INSTRUCTION_MOVE:.0%} from the previous point of its line; Epstein's
ratio to Mesa when it changed by at least {RATIO_MOVE:.0%}. The previous point is the last
commit measured before, maybe several commits back (dashed line).</p>"""


def _contents_html(title, anchor, plots):
    items = "".join(f'<li><a href="#{p.anchor}">{_e(p.title)}</a> <span class="muted">'
                    f'{_e("; ".join(s.label for s in p.series))}</span></li>' for p in plots)
    return f'<p><a href="#{anchor}">{title}</a> ({len(plots)})</p><ul class="toc">{items}</ul>'


def _moves_html(plots):
    """A row per marked point, the newest commit first."""
    moves = [(point, plot, series) for plot in plots for series in plot.series
             for point in series.points if point.moved]
    moves.sort(key=lambda move: (-move[0].commit.order, _natural(move[1].title)))
    rows = []
    for point, plot, series in moves:
        change = point.change()
        unit = plot.kind.scale(max(point.value, point.previous.value))
        rows.append([("num", point.commit.order), _commit_link(point.commit),
                     _e(_shorten(point.commit.subject, 60)),
                     f'<a href="#{plot.anchor}"><code>{_e(plot.title)}</code></a> '
                     f'<span class="muted nowrap">{_e(series.label)}</span>',
                     ("num " + ("rise" if plot.kind.worse(change) else "fall"), _percent(change)),
                     ("num", f"{_format(point.previous.value, unit)} → "
                             f"{_format(point.value, unit)}"),
                     ("muted nowrap", f"since {_commit_link(point.previous.commit)}")])
    table = _table(["#", "commit", "subject", "plot", "change", "value", ""], rows)
    return "<h2 id=moves>Marked moves</h2>" + (table if rows else "<p>None.</p>")


def _legend_html(plot):
    items = [f'<span><i class="swatch" style="background:{s.colour}"></i>{_e(s.label)}</span>'
             for s in plot.series]
    up, down = ("rise", "fall") if plot.kind.worse_up else ("fall", "rise")
    items.append(f'<span class="{up}">▲ moved up ({plot.kind.rise})</span>'
                 f'<span class="{down}">▼ moved down ({plot.kind.fall})</span>')
    return f'<div class="legend">{"".join(items)}</div>'


def _plot_html(plot, commits):
    ends = [s.points[-1] for s in plot.series]
    latest = "; ".join(f"{s.label}: {_format(p.value, plot.kind.scale(p.value))} "
                       f"at {p.commit.short}" for s, p in zip(plot.series, ends))
    moves = sum(p.moved for s in plot.series for p in s.points)
    where = f' <span class="where">on {_e(plot.where)}</span>' if plot.where else ""
    return (f'<div class="plot" id="{plot.anchor}"><h3>{_e(plot.title)}{where}</h3>'
            f'<div class="muted">{_e(plot.kind.quantity)}. Latest {_e(latest)}; '
            f'{_plural(moves, "marked move")}.</div>'
            f"{_legend_html(plot)}{_plot_svg(plot, commits)}</div>")


def _section_html(title, anchor, plots, commits):
    body = "".join(_plot_html(p, commits) for p in plots) or "<p>None in the history.</p>"
    return f'<h2 id="{anchor}">{title}</h2>{body}'


def _failures_html(failures, by_sha):
    failures.sort(key=lambda f: (-by_sha[f[0]].order, f[1], f[2]))
    rows = [[_commit_link(by_sha[sha]), f"<code>{_e(machine)}</code>", f"<code>{_e(what)}</code>",
             f"<details><summary>{_e(_shorten((error or '?').splitlines()[0], 90))}</summary>"
             f"<pre>{_e(error)}</pre></details>"]
            for sha, machine, what, error in failures]
    return (f"<details><summary>Failed benchmarks and workloads ({len(failures)}; a workload "
            "that did not exist yet at a commit fails too)</summary>"
            + _table(["commit", "machine", "what", "error"], rows) + "</details>")


def _skipped_html(commits, failures):
    rows = [[("num", c.order), _commit_link(c), f"<code>{_e(machine)}</code>", _e(reason)]
            for c in reversed(commits) for machine, reason in c.skipped]
    table = _table(["#", "commit", "machine", "reason"], rows) if rows else "<p>None.</p>"
    by_sha = {c.sha: c for c in commits}
    return ("<h2 id=skipped>Commits tried that did not build or run</h2>" + table
            + (_failures_html(failures, by_sha) if failures else ""))


def _commits_html(commits):
    rows = []
    for c in reversed(commits):
        results = ", ".join(sorted(c.machines))
        if c.skipped:
            skipped = "skipped on " + ", ".join(machine for machine, _ in c.skipped)
            results = f"{results}; {skipped}" if results else skipped
        message = (f"<details><summary>{_e(c.subject)}</summary>"
                   f"<pre>{_e(c.message)}\n\n{_e(c.sha)}</pre></details>")
        short = f'<span class="hash" title="{_e(c.sha)}">{c.short}</span>'
        rows.append((c.anchor, [("num", c.order), short, _e(c.date[:10]), message,
                                ("muted", _e(results))]))
    return "<h2 id=commits>Commits</h2>" + _table(
        ["#", "commit", "date", "subject (click for the message)", "results"], rows)


def _page(entries):
    by_sha = _commits(entries)
    commits = sorted(by_sha.values(), key=lambda c: (c.order, c.date))
    times = _ratio_plots(entries, by_sha) + _time_plots(entries, by_sha)
    instructions = _instruction_plots(entries, by_sha)
    for plot in times + instructions:
        _mark_moves(plot)
    sections = [
        _header_html(commits, entries),
        _contents_html("Instruction counts", "instructions", instructions),
        _contents_html("Benchmark times", "times", times),
        _section_html("Instruction counts", "instructions", instructions, commits),
        _section_html("Benchmark times", "times", times, commits),
        _moves_html(instructions + times),
        _skipped_html(commits, _failures(entries)),
        _commits_html(commits),
    ]
    return ("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width, initial-scale=1'>"
            f"<title>pocsim benchmark history</title><style>{STYLE}</style></head><body>\n"
            + "\n".join(sections) + "\n</body></html>\n")


# --- Entry points -------------------------------------------------------------

def write_report(entries, out_dir):
    """Writes out_dir/index.html from the result entries (format 1, of any
    machines, in any order) and returns its path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "index.html"
    path.write_text(_page(_usable(entries)), encoding="utf-8")
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Writes OUT_DIR/index.html, the plots of the benchmark history.")
    parser.add_argument("history_dir", help="the history: bench/history")
    parser.add_argument("out_dir", help="the folder to write index.html to")
    args = parser.parse_args(argv)
    # the repository this file is in gives the commits' messages
    root = Path(__file__).resolve().parents[2]
    print(write_report(history.load_all(args.history_dir, root), args.out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
