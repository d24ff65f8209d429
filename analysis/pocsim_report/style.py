# SPDX-License-Identifier: Apache-2.0
"""Shared look of the plots, the "no data" placeholder, and saving."""
import os
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)

plt.rcParams.update({
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 9.5,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
})

# The perpetrator kinds of summary.json, in its order, each with a fixed
# colour so that every plot of a report uses the same one.
KIND_COLOURS = {
    "peacekeepers": "#1f77b4",
    "state_forces": "#2ca02c",
    "mercenaries": "#9467bd",
    "jihadist": "#d62728",
    "signatory": "#ff7f0e",
    "partner": "#8c564b",
    "crossfire": "#e377c2",
}
OTHER_COLOURS = ["#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939"]
NO_KIND = "battle or explosion"
NO_KIND_COLOUR = "#7f7f7f"


def kind_colour(kind, extra_kinds=()):
    if kind in KIND_COLOURS:
        return KIND_COLOURS[kind]
    if kind == NO_KIND:
        return NO_KIND_COLOUR
    extra = sorted(k for k in extra_kinds if k not in KIND_COLOURS)
    index = extra.index(kind) if kind in extra else 0
    return OTHER_COLOURS[index % len(OTHER_COLOURS)]


def kind_order(kinds):
    """Kinds in summary.json's order, others after them, battles last."""
    known = list(KIND_COLOURS)
    return sorted(kinds, key=lambda k: (k == NO_KIND, known.index(k) if k in known else
                                        len(known), k))


def series_colours(n):
    """n distinct colours for variants or regions."""
    cmap = plt.get_cmap("tab10" if n <= 10 else "tab20")
    return [cmap(i % cmap.N) for i in range(n)]


def no_data(title, reason, size=(7.5, 3.0)):
    """A figure that says there is nothing to plot, and why."""
    fig, ax = plt.subplots(figsize=size)
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, "no data\n" + reason, ha="center", va="center", fontsize=13,
            color="#555555", transform=ax.transAxes, wrap=True)
    return fig


def mark_no_data(ax, reason):
    """Says "no data" inside one panel of a larger figure."""
    ax.text(0.5, 0.5, "no data\n" + reason, ha="center", va="center", fontsize=11,
            color="#555555", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def save(fig, path):
    """Writes the PNG under a temporary name, then renames it."""
    temporary = path + ".tmp"
    fig.savefig(temporary, format="png", bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    os.replace(temporary, path)


def short(label, width=40):
    """An outcome's label cut to fit; never a variant's name (labels.py)."""
    return label if len(label) <= width else label[:width - 1] + "…"


def wrap(label, width):
    """A label over several lines of at most `width` characters where it has
    spaces or commas to break at: nothing of it is lost."""
    return textwrap.fill(label, width, break_long_words=False, break_on_hyphens=False)


def number(value):
    """A value as a reader wants it: 2,548 deaths, 17.5 hours, a share 0.421."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return "–"
    if v != v:
        return "–"
    if v == int(v) and abs(v) < 1e15:
        return f"{int(v):,}"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 1:
        return f"{v:.1f}"
    return f"{v:.3f}"


def ci_text(row, count=False):
    """mean [low, high]; a count's lower bound below zero (the symmetric
    interval of an older summary.csv) is shown as 0 with a star."""
    if row is None:
        return "–"
    mean, low, high = row.get("mean"), row.get("ci_low"), row.get("ci_high")
    if low != low or high != high:  # NaN: a single replication
        return number(mean)
    low_text = number(low)
    if count and low < 0:
        low_text = "0*"
    return f"{number(mean)} [{low_text}, {number(high)}]"
