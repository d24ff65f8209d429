# SPDX-License-Identifier: Apache-2.0
"""The section "Policy effects with parameter uncertainty" of a sweep over a
posterior (`parameters: {posterior: ..., draws: K}`, docs/sweeps.md): for
each variant, its paired difference from the reference with the two sources
of uncertainty apart, from the columns differences.csv adds for such a
sweep: the model's own randomness (sd_stochastic: one paired run around its
parameter set's expected effect) and the parameters the calibration leaves
open (sd_parameter: the expected effect across posterior draws), with the
total and the 95% interval of the mean effect.

Sweeps without a posterior have no such section.
"""
import os

from .inputs import SweepDir, directory_kind
from .style import no_data, number, plt, short, wrap


class NotAPosteriorSweep(Exception):
    """--posterior-sweep names a folder that is not a sweep over a posterior."""


def read_posterior_sweep(path):
    """The SweepDir of a sweep over a posterior; NotAPosteriorSweep otherwise."""
    if directory_kind(path) != "sweep":
        raise NotAPosteriorSweep(f"{path}: error: --posterior-sweep: not a sweep directory "
                                 "(manifest.json and plan.csv)")
    sweep = SweepDir(path)
    if not sweep.posterior:
        raise NotAPosteriorSweep(f"{path}: error: --posterior-sweep: this sweep has no "
                                 "posterior (its sweep file has no 'parameters: {posterior: "
                                 "..., draws: K}')")
    return sweep

# (outcome, label): the effects shown, when differences.csv has them.
EFFECTS = [
    ("civilian_deaths.total", "civilian deaths"),
    ("protection.share_reached_within_24h", "share of episodes reached within 24 h"),
]
RANGES = [  # (column prefix, label, colour, vertical offset)
    ("total", "total: one run, parameters drawn from the posterior", "#bbbbbb", 0.0),
    ("parameter", "parameters: the expected effect across the posterior", "#d95f02", 0.22),
    ("stochastic", "stochastic: one run at fixed parameters", "#1b9e77", -0.22),
]
COLUMNS = ["draws", "sd_stochastic", "sd_parameter", "parameter_low", "parameter_high",
           "stochastic_low", "stochastic_high", "total_low", "total_high"]


def effect_rows(sweep, outcome):
    """differences.csv's rows of one outcome with the posterior columns, in
    variant order; empty when the sweep has none."""
    d = sweep.differences
    if d.empty or "outcome" not in d or not set(COLUMNS) <= set(d.columns):
        return d.iloc[0:0]
    rows = d[(d["outcome"] == outcome) & (d["variant_id"] != d["reference_variant_id"])]
    return rows.drop_duplicates("variant_id")


def figure(sweep, rows, label):
    """One line per variant: the three ranges stacked, the mean effect and
    the 95% interval of the mean (black)."""
    if rows.empty:
        return no_data(f"Effect on {label}", "differences.csv has no such outcome")
    n = len(rows)
    height = 2.6 + 0.8 * n
    fig, ax = plt.subplots(figsize=(9.5, height))
    for i, (_, row) in enumerate(rows.iterrows()):
        y = n - 1 - i
        for prefix, name, colour, offset in RANGES:
            low, high = row[f"{prefix}_low"], row[f"{prefix}_high"]
            if low == low and high == high:
                ax.plot([low, high], [y + offset] * 2, color=colour, linewidth=7,
                        solid_capstyle="butt", label=name if i == 0 else None)
        if row["ci_low"] == row["ci_low"]:
            ax.plot([row["ci_low"], row["ci_high"]], [y] * 2, color="black", linewidth=2.5,
                    label="95% CI of the mean effect" if i == 0 else None)
        ax.plot([row["mean"]], [y], "o", color="black", markersize=6,
                label="mean effect" if i == 0 else None)
    ax.axvline(0.0, color="#444444", linewidth=0.8, linestyle=":")
    ax.set_yticks(range(n))
    ax.set_yticklabels([wrap(sweep.label(str(v)), 28) for v in reversed(list(rows["variant_id"]))])
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xlabel(f"{label}: variant − reference (paired by draw and seed)")
    ax.set_title(wrap(f"Effect on {label} with parameter and stochastic uncertainty "
                      f"({int(rows['draws'].max())} posterior draws)", 80), fontsize=11)
    fig.legend(loc="lower center", ncol=2, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.85 / height, 1, 1))  # room for the legend below
    return fig


def share_of_parameters(row):
    """The parameters' share of the spread of one run's effect, σp² / (σp² + σs²)."""
    p, s = row["sd_parameter"], row["sd_stochastic"]
    if p != p or s != s or p * p + s * s == 0:
        return "–"
    return f"{100.0 * p * p / (p * p + s * s):.0f}%"


def range_text(row, prefix):
    low, high = row[f"{prefix}_low"], row[f"{prefix}_high"]
    return "–" if low != low else f"[{number(low)}, {number(high)}]"


def add_section(sweep, page, plotter, elsewhere=False):
    """elsewhere: the sweep is another than the page's (pocsim report
    --posterior-sweep), which the section then names."""
    if not sweep.posterior:
        return
    p = sweep.posterior
    page.heading("Policy effects with parameter uncertainty")
    if elsewhere:
        page.paragraph(
            f"From the sweep {sweep.name} in {os.path.abspath(sweep.path)} (its own report: "
            f"{os.path.join(os.path.abspath(sweep.path), 'report.html')}), which repeats this "
            "page's flight policies over the calibration's posterior.")
    page.paragraph(
        f"Every variant ran over the same {p.get('draws')} draws of the posterior "
        f"{p.get('file')} ({p.get('particles')} parameter sets over "
        f"{', '.join(str(k) for k in p.get('keys') or [])}), "
        f"{sweep.manifest.get('replications')} replications each; run r of draw d has the same "
        "parameters and seed in every variant, so each effect is a paired difference. The "
        "effect's spread has two sources, estimated apart (docs/sweeps.md, \"Sweeps over a "
        "posterior\"): the model's own randomness (stochastic: how far one paired run falls "
        "from its parameter set's expected effect; more replications average it away) and "
        "what the 2022 facts leave unknown about the parameters (parameters: how far the "
        "expected effect of one posterior parameter set falls from the mean; only better "
        "data narrows it). Ranges are mean ± 1.96 sd; the black bar is the 95% interval of "
        "the mean effect over the draws.")
    if sweep.differences.empty:
        page.paragraph("No differences.csv (a sweep not finished, or one variant): no effects.",
                       "note")
        return
    header = ["variant", "outcome", "mean effect [95% CI]", "sd, parameters", "sd, stochastic",
              "parameters' share", "range, parameters", "range, stochastic", "range, total"]
    table = []
    for outcome, label in EFFECTS:
        rows = effect_rows(sweep, outcome)
        if rows.empty:
            continue
        prefix = f"{sweep.name}_" if elsewhere else ""
        plotter.add(f"{prefix}posterior_effect_{outcome.replace('.', '_')}", (
            f"Effect on {label} of each variant (variant − reference) over the posterior: "
            "orange, the range of the expected effect across posterior parameter sets; green, "
            "that of one run at fixed parameters; grey, both (one run with parameters drawn "
            "from the posterior); black, the mean effect and its 95% interval "
            "(differences.csv)."), lambda rows=rows, label=label: figure(sweep, rows, label))
        for _, row in rows.iterrows():
            ci = "–" if row["ci_low"] != row["ci_low"] else \
                f"[{number(row['ci_low'])}, {number(row['ci_high'])}]"
            table.append([sweep.label(str(row["variant_id"])), short(label),
                          f"{number(row['mean'])} {ci}", number(row["sd_parameter"]),
                          number(row["sd_stochastic"]), share_of_parameters(row),
                          range_text(row, "parameter"), range_text(row, "stochastic"),
                          range_text(row, "total")])
    if table:
        page.table(header, table)
        page.paragraph("The parameters' share is σp² / (σp² + σs²), of the spread of one "
                       "run's effect: near 0%, the answer does not depend on the calibration "
                       "and more replications sharpen it; near 100%, a narrower posterior "
                       "would change it more than more runs would. With few draws σp is "
                       "rough (K = 8 leaves it about ±25%).", "note")
    else:
        page.paragraph("differences.csv has none of the outcomes shown here.", "note")
