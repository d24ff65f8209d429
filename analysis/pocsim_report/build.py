# SPDX-License-Identifier: Apache-2.0
"""Which plots and tables a run or a sweep gets, in page order."""
import os
import sys
import traceback

from . import (acled, against_axis, beside_acled, calibration, charts, maps, over_time,
               regions, significance, withdrawal_cost)
from .attribution import credit_text, draw_credit
from .geography import load_geography
from .inputs import CIVILIAN_DEATHS, RunDir, SweepDir, directory_kind
from .page import Page
from .significance import METHOD, adjusted
from .style import ci_text, no_data, number, save

PLOTS_DIR = "plots"
REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# The outcomes of the sweep tables and of the difference and Sobol plots
# (the first two are the difference plot's panels). The three displacement
# figures are different things, each under its own name: the stock on the
# first day, on the last, and on the day when it was highest (which is the
# first day when people go home faster than others flee).
DISPLACED_START = "population.displaced_start"
KEY_OUTCOMES = [
    (CIVILIAN_DEATHS, "civilian deaths"),
    ("population.displaced_end", "displaced at the end"),
    (DISPLACED_START, "displaced on the first day"),
    ("population.displaced_peak", "most displaced on one day"),
    ("protection.share_reached_within_24h", "share of episodes reached within 24 h"),
    ("protection.hours_to_first_arrival.median", "run's median hours to first arrival"),
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
        path = os.path.join(self.directory, relative)
        save(fig, path)
        with open(path, "rb") as f:
            self.page.figure(name, f.read(), caption, credit)


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


def first_day_displaced(timeseries):
    """The national sum of `displaced` on the first date of a timeseries.csv
    (the summary.json of an older pocsim has no population.displaced_start)."""
    t = timeseries
    if t.empty or not {"date", "displaced"} <= set(t.columns):
        return None
    return float(t.loc[t["date"] == t["date"].min(), "displaced"].sum())


def zoom_note(scope):
    if scope.zoom is None:
        return ""
    return (" The map is cut to the regions where the scenario's factions operate (" +
            ", ".join(scope.scenario.area()) + ").")


def run_report(directory, export=None):
    """export: (frame, path) of an ACLED export to lay the run beside."""
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
            (DISPLACED_START, "people displaced on the first day"),
            ("population.displaced_end", "people displaced at the end"),
            ("population.displaced_peak", "most people displaced on one day"),
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
        value, source = _get(s, key), key
        if key == DISPLACED_START and value is None:  # summary.json of an older pocsim
            value, source = first_day_displaced(run.timeseries), \
                "timeseries.csv: first day, all regions"
        # A median is null when no episode was detected or reached: say so.
        if value is not None or (key.endswith(".median") and "protection" in s):
            rows.append([label, number(value), source])
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
    scope = maps.MapScope(geography, run.resolved_scenario)
    plotter.add("map", "Map: each circle sums the events at one grid cell by perpetrator kind "
                "(grey: battles and explosions); area proportional to fatalities; triangles "
                "are the bases of the scenario's factions (scenario.resolved.yaml), coloured by "
                "kind; grey lines roads, the blue line the Niger." + zoom_note(scope),
                lambda: maps.run_map(run, scope, note),
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
    if export is not None:
        beside_acled.add_section(page, plotter,
                                 beside_acled.Comparison(*export, run, "this run"), scope,
                                 credit_text(geography.attributions()))
    add_footer(page, s, "Results produced by")
    return page, plotter


# Key outcomes that count deaths or people: their intervals must stay >= 0.
COUNT_OUTCOMES = {CIVILIAN_DEATHS, "population.displaced_end", DISPLACED_START,
                  "population.displaced_peak"}


def symmetric_count_intervals(summary):
    """Whether summary.csv gives counts the symmetric t interval of an older
    pocsim rather than the log-scale one (which is asymmetric when sd > 0)."""
    rows = summary[summary["outcome"].isin(COUNT_OUTCOMES)] if "outcome" in summary else summary
    rows = rows[(rows.get("sd", 0) > 0) & (rows.get("mean", 0) > 0)]
    if rows.empty:
        return False
    below, above = rows["mean"] - rows["ci_low"], rows["ci_high"] - rows["mean"]
    return bool(((below - above).abs() <= 1e-6 * rows["mean"]).all())


def first_day_from_samples(sweep):
    """{variant_id: first day's national displaced} of each sample run, for
    a summary.csv without population.displaced_start (an older pocsim)."""
    found = {}
    for variant_id, _, run in sweep.samples():
        value = first_day_displaced(run.timeseries)
        if value is not None:
            found[variant_id] = value
    return found


def sweep_tables(sweep, page, max_rows=40):
    summary = sweep.summary
    present = [(o, label) for o, label in KEY_OUTCOMES
               if not summary.empty and (summary["outcome"] == o).any()]
    variants = sweep.variants()
    if not present or not variants:
        page.paragraph("no data: summary.csv holds no key outcome yet.", "note")
        return
    first_day = {} if any(o == DISPLACED_START for o, _ in present) else \
        first_day_from_samples(sweep)
    summaries = {o: sweep.outcome_summary(o) for o, _ in present}
    d = sweep.differences
    deaths_difference = None
    if not d.empty and "outcome" in d:
        deaths_difference = d[d["outcome"] == CIVILIAN_DEATHS].drop_duplicates(
            "variant_id").set_index("variant_id")
    header = ["variant", "runs"] + [f"{label} (mean [95% CI])" for _, label in present]
    if first_day:
        header.insert(3, "displaced on the first day (replicate 0 only)")
    with_difference = deaths_difference is not None and not deaths_difference.empty
    if with_difference:
        header.append("civilian deaths − reference [95% CI]")
        if adjusted(d):
            header.append(f"its p, {METHOD}-adjusted")
    rows, highlighted = [], []
    for variant_id, label in variants[:max_rows]:
        first = summaries[present[0][0]]
        n = first.at[variant_id, "n"] if variant_id in first.index else 0
        row = [label, number(n) if n == n else "0"]
        for outcome, _ in present:
            table = summaries[outcome]
            row.append(ci_text(table.loc[variant_id] if variant_id in table.index else None,
                               outcome in COUNT_OUTCOMES))
        if first_day:
            row.insert(3, number(first_day.get(variant_id)))
        if with_difference:
            difference = deaths_difference.loc[variant_id] \
                if variant_id in deaths_difference.index else None
            if variant_id == sweep.reference:
                row += ["reference"] + (["–"] if adjusted(d) else [])
            else:
                row.append(ci_text(difference))
                if adjusted(d):
                    p = None if difference is None else difference.get("p_adjusted")
                    row.append(significance.p_text(p))
        if variant_id == sweep.reference:
            highlighted.append(len(rows))
        rows.append(row)
    page.table(header, rows, highlighted)
    if len(variants) > max_rows:
        page.paragraph(f"The first {max_rows} of {len(variants)} variants; summary.csv has all.")
    notes = []
    if sweep.reference:
        notes.append("Bold: the reference variant of the paired differences.")
    if symmetric_count_intervals(summary):
        notes.append("CIs are summary.csv's 95% Student t intervals, symmetric for every "
                     "outcome (a sweep of an older pocsim): a lower bound of a count below zero "
                     "is shown as 0*.")
    else:
        notes.append("CIs are summary.csv's 95% intervals over the replications: for counts "
                     "(deaths, people) and hours a t interval on the log scale (delta method), "
                     "mean·exp(±t·s/(√n·mean)), which stays above zero; for shares one on the "
                     "logit scale, which stays within 0 and 1 (docs/sweeps.md, Statistics).")
    if first_day:
        notes.append("This summary.csv has no population.displaced_start (an older pocsim): "
                     "the first day's displaced are read from each variant's sample run "
                     "(samples/VARIANT/timeseries.csv), one run, with no interval.")
    notes.append("The displaced on the first day, at the end, and on the day when most were "
                 "displaced are three different figures: the stock on the first day, on the "
                 "last, and on the day when it was highest (the first day itself when people "
                 "go home faster than others flee).")
    page.paragraph(" ".join(notes))


def variants_table(sweep, page):
    """Each variant's label, full name and settings: the legend of every plot."""
    labels = sweep.labels
    if not labels.ids:
        return
    if labels.abbreviated:
        page.paragraph("The variants' names are long: tables and plots call them by the short "
                       "labels below.")
        page.table(["label", "variant (full name)", "what it sets"], labels.rows(), text=True)
    else:
        page.table(["variant", "what it sets"], [[full, sets] for _, full, sets in
                                                 labels.rows()], text=True)


def add_beside_acled(sweep, page, plotter, export, variant):
    """The section "Beside ACLED" for a sweep: the events of the variant's
    sample run (replicate 0), the only run of a sweep whose events.csv is kept."""
    variant_id, label, run = variant
    if run is None:
        page.heading("Beside ACLED")
        page.paragraph(f"no data: the sweep kept no events of variant {label}: a sweep keeps "
                       "events.csv only for replicate 0 of each variant, in samples/VARIANT/ "
                       "(grid designs with sweep.keep_samples, the default); lay a run directory "
                       "(pocsim run) beside ACLED instead.", "note")
        return
    geography, note = load_geography(run.resolved_scenario, REPOSITORY)
    scope = maps.MapScope(geography, run.resolved_scenario)
    what = f"variant {label}, replicate 0 (samples/{variant_id}/events.csv)"
    beside_acled.add_section(page, plotter, beside_acled.Comparison(*export, run, what), scope,
                             credit_text(geography.attributions()))


def sweep_report(directory, export=None, acled_variant=None):
    """export: (frame, path) of an ACLED export to lay the variant named
    acled_variant (default: the reference) beside."""
    sweep = SweepDir(directory)
    variant = beside_acled.sample_of_variant(sweep, acled_variant) if export else None
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
                ("reference variant", sweep.label(sweep.reference) if sweep.reference else None)])
    if not m.get("finished"):
        page.paragraph("The sweep has not finished (still running, or interrupted): the "
                       "numbers below cover the runs done so far.", "note")
    page.heading("Variants")
    variants_table(sweep, page)
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
                    "seeds, with 95% CI (differences.csv); a filled dot is a difference "
                    + significance.marking_rule(sweep.differences) + ".",
                    lambda: charts.sweep_differences(sweep, KEY_OUTCOMES))
    against_axis.add_section(sweep, page, plotter)
    significance.add_section(sweep, page)
    regions.add_section(sweep, page, plotter, REPOSITORY)
    over_time.add_section(sweep, page, plotter)
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

    geography, note, scope = None, "", None
    if samples:
        geography, note = load_geography(samples[0][2].resolved_scenario, REPOSITORY)
        scope = maps.MapScope(geography, samples[0][2].resolved_scenario)

    def sample_maps():
        if not samples:
            return no_data("Maps of the sample runs", "the sweep has no samples/ directory")
        if note:
            print(f"report.py: note: map drawn without part of the geography: {note}",
                  file=sys.stderr)
        return maps.sweep_maps(samples, scope)

    plotter.add("maps", "Events of replicate 0 of each variant: fatalities summed by grid cell "
                "and perpetrator kind; triangles are the bases of the scenario's factions "
                "(coloured by kind), grey lines roads." + (zoom_note(scope) if scope else ""),
                sample_maps, credit=credit_text(geography.attributions()) if geography else None)
    if export is not None:
        add_beside_acled(sweep, page, plotter, export, variant)
    add_footer(page, m, "Results produced by")
    return page, plotter


def build_report(directory, acled_export=None, acled_variant=None):
    """Writes DIR/plots/*.png and DIR/report.html; returns the page's path.
    acled_export: the path of the user's ACLED export, for the section
    "Beside ACLED"; acled_variant: the sweep's variant to lay beside it.
    The export is read, and the variant found, before anything is written:
    an acled.AcledError or beside_acled.UnknownVariant leaves DIR as it was."""
    kind = directory_kind(directory)
    if kind is None:
        raise ValueError("neither a run directory (summary.json) nor a sweep directory "
                         "(manifest.json and plan.csv) nor a calibration directory "
                         "(manifest.json and posterior.csv)")
    export = None
    if acled_export is not None:
        export = (acled.read_export(acled_export), acled_export)
    if kind == "run":
        page, plotter = run_report(directory, export)
    elif kind == "calibration":
        page, plotter = calibration.calibration_report(directory, Plotter)
    else:
        page, plotter = sweep_report(directory, export, acled_variant)
    path = os.path.join(directory, "report.html")
    page.write(path)
    return path, plotter.failures
