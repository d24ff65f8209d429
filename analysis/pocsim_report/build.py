# SPDX-License-Identifier: Apache-2.0
"""Which plots and tables a run or a sweep gets, in page order."""
import os
import sys
import traceback

from . import charts, maps, withdrawal_cost
from .attribution import credit_text, draw_credit
from .geography import load_geography
from .inputs import CIVILIAN_DEATHS, RunDir, SweepDir, directory_kind
from .page import Page
from .style import no_data, number, save, short

PLOTS_DIR = "plots"
REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# The outcomes of the sweep tables and of the difference and Sobol plots.
KEY_OUTCOMES = [
    (CIVILIAN_DEATHS, "civilian deaths"),
    ("population.displaced_peak", "displaced at the peak"),
    ("protection.share_reached_within_24h", "share of episodes reached within 24 h"),
    ("protection.hours_to_first_arrival.median", "median hours to first arrival"),
]


class Plotter:
    """Draws each plot into DIR/plots and adds it to the page. A plot that
    fails shows as such, with a warning on stderr, and the rest of the report
    is still written."""

    def __init__(self, directory, page):
        self.directory = directory
        self.page = page
        self.failures = 0
        os.makedirs(os.path.join(directory, PLOTS_DIR), exist_ok=True)

    def add(self, name, caption, make, credit=None):
        """credit: the attribution the plot's data require, printed at the
        foot of the image and under its caption."""
        relative = f"{PLOTS_DIR}/{name}.png"
        try:
            fig = make()
            draw_credit(fig, credit)
        except Exception as e:  # noqa: BLE001 -- one broken plot must not lose the others
            self.failures += 1
            print(f"report.py: warning: plot {name} failed: {type(e).__name__}: {e}",
                  file=sys.stderr)
            traceback.print_exc(file=sys.stderr)
            fig = no_data(caption, f"the plot failed: {type(e).__name__}: {e}")
        save(fig, os.path.join(self.directory, relative))
        self.page.figure(relative, caption, credit)


def _get(tree, dotted):
    for key in dotted.split("."):
        if not isinstance(tree, dict) or key not in tree:
            return None
        tree = tree[key]
    return tree


def provenance(tree):
    """(version, "commit C[, modified]", build) of a summary.json or
    manifest.json: its "pocsim" object, or the version alone in files of
    pocsim 0.1.0 ("pocsim_version", "engine_version")."""
    p = tree.get("pocsim") if isinstance(tree.get("pocsim"), dict) else {}
    version = p.get("version") or tree.get("pocsim_version") or tree.get("engine_version")
    commit = p.get("commit")
    if commit and p.get("tree") == "modified":
        commit += ", modified"
    return version, commit, p.get("build") or tree.get("build")


def provenance_line(tree, what):
    version, commit, build = provenance(tree)
    if not version:
        return f"{what}: by a pocsim that did not say its version."
    text = f"{what}: pocsim {version}"
    text += f", commit {commit}" if commit else " (commit not recorded)"
    return text + (f"; build {build}." if build else ".")


def add_footer(page, tree, what):
    page.footer(provenance_line(tree, what))
    drawn_by = os.environ.get("POCSIM_REPORT_BY")
    page.footer(f"Page drawn by pocsim report: {drawn_by}." if drawn_by else
                "Page drawn by analysis/report.py.")


def run_report(directory):
    run = RunDir(directory)
    s = run.summary
    page = Page(f"pocsim report: {run.name}")
    page.facts([("run", os.path.abspath(directory)),
                ("engine version", provenance(s)[0]),
                ("commit", provenance(s)[1]),
                ("seed", s.get("seed")),
                ("dates", f"{s.get('start_date', '?')} to {s.get('end_date', '?')}"
                 if s.get("start_date") else None),
                ("days", s.get("days"))])
    rows = []
    for key, label in [
            (CIVILIAN_DEATHS, "civilian deaths"),
            ("population.displaced_peak", "people displaced at the peak"),
            ("fatalities_total", "fatalities of all kinds"),
            ("protection.incidents", "violent episodes"),
            ("protection.detected", "episodes detected by the mission"),
            ("protection.reached", "episodes reached by a responder"),
            ("protection.share_reached_within_6h", "share of episodes reached within 6 h"),
            ("protection.share_reached_within_24h", "share of episodes reached within 24 h"),
            ("protection.detection_hours.median", "median hours to detection"),
            ("protection.hours_to_first_arrival.median", "median hours to first arrival"),
            ("protection.flights.requested", "flights requested"),
            ("protection.flights.refused", "flights refused"),
    ]:
        value = _get(s, key)
        # A median is null when no episode was detected or reached: say so.
        if value is not None or (key.endswith(".median") and "protection" in s):
            rows.append([label, number(value), key])
    page.heading("Key outcomes")
    if rows:
        page.table(["outcome", "value", "summary.json key"], rows)
    else:
        page.paragraph("no data: summary.json holds no outcomes (a failed run?)", "note")
    page.paragraph(f"{len(run.events)} rows in events.csv, "
                   f"{len(run.episodes())} violent episodes.")

    plotter = Plotter(directory, page)
    page.heading("Where")
    geography, note = load_geography(run.resolved_scenario, REPOSITORY)
    if note:
        page.paragraph(f"Map drawn without part of the geography: {note}.", "note")
    plotter.add("map", "Map: each circle sums the events at one grid cell by perpetrator kind "
                "(grey: battles and explosions); area proportional to fatalities; triangles "
                "are MINUSMA camps, grey lines roads, the blue line the Niger.",
                lambda: maps.run_map(run, geography, note),
                credit=credit_text(geography.attributions()))
    page.heading("When")
    plotter.add("timeseries", "Daily civilian deaths and people displaced summed over regions "
                "(timeseries.csv), and cumulative deaths in the worst-hit regions.",
                lambda: charts.run_timeseries(run))
    page.heading("Who and where")
    plotter.add("deaths_breakdown", "Civilian deaths by perpetrator kind and by region "
                "(summary.json civilian_deaths.by_perpetrator_kind and by_region).",
                lambda: charts.run_deaths_breakdown(run))
    page.heading("Response")
    plotter.add("response_times", "Share of violent episodes detected, and reached by a first "
                "responder, within x hours of onset (events.csv, one value per episode); "
                "curves end below 1 when some episodes never were.",
                lambda: charts.run_response_times(run))
    add_footer(page, s, "Results produced by")
    return page, plotter


def _ci_text(row):
    if row is None:
        return "–"
    mean, low, high = row.get("mean"), row.get("ci_low"), row.get("ci_high")
    if low != low or high != high:  # NaN: a single replication
        return number(mean)
    return f"{number(mean)} [{number(low)}, {number(high)}]"


def sweep_tables(sweep, page, max_rows=40):
    present = [(o, label) for o, label in KEY_OUTCOMES
               if not sweep.summary.empty and (sweep.summary["outcome"] == o).any()]
    variants = sweep.variants()
    if not present or not variants:
        page.paragraph("no data: summary.csv holds no key outcome yet.", "note")
        return
    summaries = {o: sweep.outcome_summary(o) for o, _ in present}
    d = sweep.differences
    deaths_difference = None
    if not d.empty and "outcome" in d:
        deaths_difference = d[d["outcome"] == CIVILIAN_DEATHS].drop_duplicates(
            "variant_id").set_index("variant_id")
    header = ["variant", "runs"] + [f"{label} (mean [95% CI])" for _, label in present]
    if deaths_difference is not None and not deaths_difference.empty:
        header.append("civilian deaths − reference [95% CI]")
    rows, highlighted = [], []
    for variant_id, label in variants[:max_rows]:
        first = summaries[present[0][0]]
        n = first.at[variant_id, "n"] if variant_id in first.index else 0
        row = [short(str(label), 60), number(n) if n == n else "0"]
        for outcome, _ in present:
            table = summaries[outcome]
            row.append(_ci_text(table.loc[variant_id] if variant_id in table.index else None))
        if len(header) > len(row):
            if variant_id == sweep.reference:
                row.append("reference")
            else:
                row.append(_ci_text(deaths_difference.loc[variant_id]
                                    if variant_id in deaths_difference.index else None))
        if variant_id == sweep.reference:
            highlighted.append(len(rows))
        rows.append(row)
    page.table(header, rows, highlighted)
    if len(variants) > max_rows:
        page.paragraph(f"The first {max_rows} of {len(variants)} variants; summary.csv has all.")
    if sweep.reference:
        page.paragraph("Bold: the reference variant of the paired differences. CIs are 95% "
                       "Student t intervals over the replications (summary.csv).")


def sweep_report(directory):
    sweep = SweepDir(directory)
    m = sweep.manifest
    page = Page(f"pocsim report: sweep {sweep.name}")
    design = m.get("design", "?")
    page.facts([("sweep", os.path.abspath(directory)),
                ("design", design),
                ("axes", ", ".join(sweep.axes)),
                ("parameters", ", ".join(sweep.parameters)),
                ("engine version", provenance(m)[0]),
                ("commit", provenance(m)[1]),
                ("build", provenance(m)[2]),
                ("started", m.get("started")),
                ("finished", m.get("finished") or "not finished"),
                ("runs", f"{m.get('runs_done', len(sweep.runs))} done of "
                 f"{m.get('runs_planned', len(sweep.plan))} planned, "
                 f"{m.get('runs_failed', 0)} failed"),
                ("reference variant", sweep.reference)])
    if not m.get("finished"):
        page.paragraph("The sweep has not finished (still running, or interrupted): the "
                       "numbers below cover the runs done so far.", "note")
    page.heading("Key outcomes per variant")
    sweep_tables(sweep, page)

    plotter = Plotter(directory, page)
    page.heading("Civilian deaths across the variants")
    if len(sweep.axes) == 2:
        plotter.add("heatmap", f"Mean civilian deaths per run over {sweep.axes[0]} × "
                    f"{sweep.axes[1]}, with 95% CI in brackets (summary.csv); blue frame: the "
                    "reference variant.",
                    lambda: charts.sweep_heatmap(sweep, CIVILIAN_DEATHS, "civilian deaths"))
    else:
        plotter.add("variant_means", "Mean civilian deaths per run for each variant with its "
                    "95% CI (summary.csv).",
                    lambda: charts.sweep_variant_means(sweep, CIVILIAN_DEATHS, "civilian deaths"))
    if sweep.parameters:
        plotter.add("parameters", "Each variant's mean civilian deaths against the value of "
                    "each sampled parameter (plan.csv, summary.csv).",
                    lambda: charts.sweep_parameter_scatter(sweep, CIVILIAN_DEATHS,
                                                           "civilian deaths"))
    if os.path.isfile(os.path.join(directory, "differences.csv")):
        plotter.add("differences", "Paired differences from the reference variant over shared "
                    "seeds, with 95% CI (differences.csv); a CI clear of 0 is a difference the "
                    "replications resolve.",
                    lambda: charts.sweep_differences(sweep, KEY_OUTCOMES))
    withdrawal_cost.add_section(sweep, page, plotter)
    if os.path.isfile(os.path.join(directory, "sobol.csv")):
        page.heading("Sensitivity")
        plotter.add("sobol", "Sobol indices per parameter: first order (the parameter alone) "
                    "and total order (with its interactions), 95% bootstrap CIs (sobol.csv).",
                    lambda: charts.sobol_indices(sweep, KEY_OUTCOMES))
    page.heading("Who and where")
    plotter.add("deaths_breakdown", "Mean civilian deaths per run by perpetrator kind and by "
                "region for each variant (runs.csv, finished runs only).",
                lambda: charts.sweep_deaths_breakdown(sweep))
    page.heading("Response")
    plotter.add("response_times", "Share of violent episodes detected and reached within x hours "
                "of onset in each variant's sample run (or, without samples, the spread of the "
                "runs' median hours in runs.csv).",
                lambda: charts.sweep_response_times(sweep))
    page.heading("When and where, sample runs")
    samples = sweep.samples()
    plotter.add("timeseries", "Cumulative civilian deaths and people displaced over time in "
                "replicate 0 of each variant (samples/VARIANT/timeseries.csv).",
                lambda: charts.sweep_timeseries(sweep))

    geography, note = None, ""
    if samples:
        geography, note = load_geography(samples[0][2].resolved_scenario, REPOSITORY)

    def sample_maps():
        if not samples:
            return no_data("Maps of the sample runs", "the sweep has no samples/ directory")
        if note:
            print(f"report.py: note: map drawn without part of the geography: {note}",
                  file=sys.stderr)
        return maps.sweep_maps(samples, geography)

    plotter.add("maps", "Events of replicate 0 of each variant: fatalities summed by grid cell "
                "and perpetrator kind; triangles are MINUSMA camps, grey lines roads.",
                sample_maps, credit=credit_text(geography.attributions()) if geography else None)
    add_footer(page, m, "Results produced by")
    return page, plotter


def build_report(directory):
    """Writes DIR/plots/*.png and DIR/report.html; returns the page's path."""
    kind = directory_kind(directory)
    if kind is None:
        raise ValueError("neither a run directory (summary.json) nor a sweep directory "
                         "(manifest.json and plan.csv)")
    page, plotter = (run_report if kind == "run" else sweep_report)(directory)
    path = os.path.join(directory, "report.html")
    page.write(path)
    return path, plotter.failures
