# SPDX-License-Identifier: Apache-2.0
"""The report of a calibration directory (`pocsim calibrate`): the waves,
the posterior of each parameter against its prior, the particles pair by
pair, and each target's posterior predictive interval against its band."""
import json
import os

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .page import Page
from .style import number


def is_calibration(directory):
    return os.path.isfile(os.path.join(directory, "manifest.json")) and \
        os.path.isfile(os.path.join(directory, "posterior.csv"))


def weighted_quantile(values, weights, p):
    """The smallest value whose cumulative weight reaches p, as pocsim's
    predictive.csv computes it (calibration_directory.hpp)."""
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(np.asarray(weights, dtype=float)[order])
    cumulative /= cumulative[-1]
    return float(np.asarray(values, dtype=float)[order][np.searchsorted(cumulative, p - 1e-12)])


def _prior_boxes(manifest):
    return {p["key"]: tuple(p["box"]) for p in manifest.get("parameters", [])}


def _prior_text(p):
    if p.get("distribution") == "normal":
        text = f"normal({number(p['mean'])}, sd {number(p['sd'])})"
        bounds = [number(p[b]) if b in p else "∞" for b in ("min", "max")]
        return text + f" on [{bounds[0]}, {bounds[1]}]"
    return ("whole numbers " if p.get("integer") else "uniform ") + \
        f"[{number(p['min'])}, {number(p['max'])}]"


def marginals(posterior, boxes):
    keys = list(posterior.columns[2:])
    columns = min(3, len(keys))
    rows = (len(keys) + columns - 1) // columns
    fig, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, 3.2 * rows), squeeze=False)
    for ax, key in zip(axes.flat, keys):
        low, high = boxes.get(key, (posterior[key].min(), posterior[key].max()))
        ax.axvspan(low, high, color="#eeeeee", zorder=0, label="prior range")
        ax.hist(posterior[key], bins=20, range=(low, high), weights=posterior["weight"],
                color="#1f77b4", zorder=2, label="posterior")
        for p in (0.05, 0.95):
            ax.axvline(weighted_quantile(posterior[key], posterior["weight"], p), color="#d62728",
                       linestyle="--", zorder=3, label="90% interval" if p == 0.05 else None)
        margin = 0.03 * (high - low)
        ax.set_xlim(low - margin, high + margin)
        ax.set_title(key, fontsize=10)
        ax.set_ylabel("posterior weight")
    for ax in list(axes.flat)[len(keys):]:
        ax.set_axis_off()
    axes.flat[0].legend(fontsize=8)
    fig.tight_layout()
    return fig


def pairs(posterior, boxes):
    keys = list(posterior.columns[2:])
    n = len(keys)
    if n < 2:
        fig, ax = plt.subplots(figsize=(5, 2))
        ax.set_axis_off()
        ax.text(0.5, 0.5, "one parameter: no pairs", ha="center", va="center")
        return fig
    fig, axes = plt.subplots(n - 1, n - 1, figsize=(3.3 * (n - 1), 3.1 * (n - 1)), squeeze=False)
    size = 120 * posterior["weight"] / posterior["weight"].max()
    for row in range(1, n):
        for column in range(n - 1):
            ax = axes[row - 1][column]
            if column >= row:
                ax.set_axis_off()
                continue
            x, y = keys[column], keys[row]
            ax.scatter(posterior[x], posterior[y], s=np.maximum(size, 4), alpha=0.5,
                       color="#1f77b4", edgecolors="none")
            ax.set_xlim(*boxes.get(x, (posterior[x].min(), posterior[x].max())))
            ax.set_ylim(*boxes.get(y, (posterior[y].min(), posterior[y].max())))
            if row == n - 1:
                ax.set_xlabel(x, fontsize=8)
            if column == 0:
                ax.set_ylabel(y, fontsize=8)
            ax.tick_params(labelsize=7)
    fig.tight_layout()
    return fig


def predictive(table):
    """Each target on one row, in units of its band: -1 is its low end, +1
    its high end, so that targets of any size share one axis."""
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(table) + 1.4))
    for i, t in enumerate(table.itertuples()):
        centre, half = (t.low + t.high) / 2, (t.high - t.low) / 2

        def scaled(value, centre=centre, half=half):
            return (value - centre) / half if half > 0 else 0.0
        y = len(table) - 1 - i
        ax.barh(y, 2, left=-1, height=0.6, color="#dddddd", label="documented band" if i == 0
                else None)
        colour = "#2ca02c" if t.covered == "yes" else "#d62728"
        ax.plot([scaled(t.predictive_q05), scaled(t.predictive_q95)], [y, y], color=colour,
                linewidth=3, label="posterior predictive 90%" if i == 0 else None)
        ax.plot(scaled(t.predictive_mean), y, "o", color=colour)
    ax.set_yticks(range(len(table)))
    ax.set_yticklabels(list(table["target"])[::-1], fontsize=8)
    ax.axvline(0, color="#999999", linewidth=0.8)
    ax.set_xlabel("position relative to the band (-1: its low end, 0: its centre, +1: its high end)")
    ax.legend(fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False)
    fig.tight_layout()
    return fig


def calibration_report(directory, plotter_class):
    with open(os.path.join(directory, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    posterior = pd.read_csv(os.path.join(directory, "posterior.csv"))
    waves = pd.read_csv(os.path.join(directory, "waves.csv"))
    table = pd.read_csv(os.path.join(directory, "predictive.csv"))
    boxes = _prior_boxes(manifest)
    page = Page(f"pocsim report: calibration {manifest.get('calibration')}")
    page.facts([("calibration", os.path.abspath(directory)),
                ("method", manifest.get("method")),
                ("scenario", manifest.get("scenario")),
                ("targets", manifest.get("targets")),
                ("replications", manifest.get("replications")),
                ("simulations", manifest.get("simulations")),
                ("accepted parameter sets", len(posterior)),
                ("started", manifest.get("started")),
                ("finished", manifest.get("finished") or "not finished")])
    page.heading("Waves")
    threshold = "tolerance" if manifest.get("method") == "abc_smc" else "implausibility cut-off"
    page.table(["wave", threshold, "points simulated", "accepted", "acceptance rate",
                "non-implausible share", "simulations", "cumulative"],
               [[w.wave, "∞ (the prior)" if np.isinf(float(w.threshold)) else number(w.threshold),
                 w.proposed, w.accepted, number(w.acceptance_rate),
                 number(w.non_implausible_share), w.simulations, w.cumulative_simulations]
                for w in waves.itertuples()])
    page.heading("Posterior")
    rows = []
    for p in manifest.get("parameters", []):
        key = p["key"]
        values, weights = posterior[key], posterior["weight"]
        rows.append([key, _prior_text(p), number(float(np.sum(values * weights))),
                     number(weighted_quantile(values, weights, 0.05)),
                     number(weighted_quantile(values, weights, 0.95))])
    page.table(["parameter", "prior", "posterior mean", "5%", "95%"], rows)
    plotter = plotter_class(directory, page)
    plotter.add("posterior_marginals", "Each parameter's posterior (histogram by weight) over "
                "its prior's range (grey), with its 90% interval (dashed) (posterior.csv).",
                lambda: marginals(posterior, boxes))
    plotter.add("posterior_pairs", "The accepted parameter sets pair by pair, each dot sized by "
                "its weight, over the prior's ranges: a tilted cloud is a trade-off the targets "
                "cannot settle (posterior.csv).", lambda: pairs(posterior, boxes))
    page.heading("Posterior predictive against the targets")
    page.table(["target", "band", "predictive mean", "90% interval", "covered"],
               [[t.target, f"[{number(t.low)}, {number(t.high)}]", number(t.predictive_mean),
                 f"[{number(t.predictive_q05)}, {number(t.predictive_q95)}]", t.covered]
                for t in table.itertuples()])
    plotter.add("posterior_predictive", "Each target's posterior predictive 90% interval and "
                "mean (the replication mean over the accepted parameter sets, by weight) against "
                "its documented band (grey), on a scale where the band runs from -1 to +1; green "
                "where they overlap (predictive.csv).", lambda: predictive(table))
    return page, plotter
