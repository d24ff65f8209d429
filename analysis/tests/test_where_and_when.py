# SPDX-License-Identifier: Apache-2.0
"""Tests of the report's answers to "where" and "when" (regional paired
differences, the difference over time), its significance marks, variant labels,
headline figures and scenario-limited maps, on small synthetic folders;
tests/cli/report_test.cpp runs them (with POCSIM_BINARY set; the test against
the engine's regions needs a built pocsim, engine_binary.py).

    /usr/bin/python3 -m unittest discover -s analysis/tests
"""
import datetime
import gzip
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

ANALYSIS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPOSITORY = os.path.dirname(ANALYSIS)
sys.path.insert(0, ANALYSIS)

from pocsim_report import geography, inputs, labels, maps, over_time  # noqa: E402
from engine_binary import pocsim_binary  # noqa: E402
from pocsim_report import region_grid, regions, significance  # noqa: E402
from quiet_report import report  # noqa: E402

SEEDS = 4
VARIANTS = [("0", "none"), ("1", "all"), ("2", "historical")]
SWEEP_TEXT = """sweep:
  name: synthetic
axes:
  - name: withdrawal
    variants:
      - name: none
        set: {factions.Barkhane.withdrawal_date: null}
      - name: all
        set: {factions.Barkhane.withdrawal_date: 2022-08-15}
      - name: historical
        set: {}
"""
# (variant, region): (mean, ci_low, ci_high, p_value, p_adjusted). Gao's
# interval for variant 1 excludes zero but its adjusted p does not pass: the
# report must follow p_adjusted.
REGIONAL = {
    ("1", "Mopti"): (10.0, 5.0, 15.0, 0.002, 0.01),
    ("1", "Gao"): (6.0, 1.0, 11.0, 0.03, 0.09),
    ("1", "Kayes"): (0.0, 0.0, 0.0, "", ""),
    ("2", "Mopti"): (-3.0, -8.0, 2.0, 0.2, 0.4),
    ("2", "Gao"): (-1.0, -2.0, 0.5, 0.1, 0.3),
    ("2", "Kayes"): (0.0, 0.0, 0.0, "", ""),
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_sweep(directory, p_values=True, names=None, symmetric=False):
    """A finished one-axis grid sweep of three variants; `names` replaces
    the variants' full names; `symmetric`: summary.csv's intervals as an
    older pocsim wrote them for every outcome (mean ± t·s/√n)."""
    names = names or {v: f"withdrawal={level}" for v, level in VARIANTS}
    write(os.path.join(directory, "manifest.json"), json.dumps({
        "sweep": "synthetic", "design": "grid", "axes": ["withdrawal"], "parameters": [],
        "reference_variant": "0", "finished": "2026-01-01T00:00:00Z", "sweep_text": SWEEP_TEXT,
        "runs_planned": len(VARIANTS) * SEEDS, "runs_done": len(VARIANTS) * SEEDS}))
    plan = ["run_id,variant_id,variant,replicate,seed,withdrawal,"
            "factions.Barkhane.withdrawal_date"]
    run_id = 0
    for variant_id, level in VARIANTS:
        date = "2022-08-15" if level == "all" else ""
        for replicate in range(SEEDS):
            plan.append(f"{run_id},{variant_id},{names[variant_id]},{replicate},"
                        f"{100 + replicate},{level},{date}")
            run_id += 1
    write(os.path.join(directory, "plan.csv"), "\n".join(plan) + "\n")
    summary = ["variant_id,variant,outcome,n,mean,sd,ci_low,ci_high,p5,p50,p95"]
    for variant_id, _ in VARIANTS:
        # A count's log-scale interval: asymmetric and above zero.
        deaths = "100,80,-20,220" if symmetric else "100,8,88,113.6"
        summary.append(f"{variant_id},{names[variant_id]},civilian_deaths.total,{SEEDS},"
                       f"{deaths},95,100,105")
        for outcome, value in (("population.displaced_start", 390000),
                               ("population.displaced_end", 300000),
                               ("population.displaced_peak", 391000)):
            summary.append(f"{variant_id},{names[variant_id]},{outcome},{SEEDS},{value},10,"
                           f"{value - (10 if symmetric else 9)},{value + (10 if symmetric else 11)},"
                           f"{value},{value},{value}")
    write(os.path.join(directory, "summary.csv"), "\n".join(summary) + "\n")
    head = "variant_id,variant,reference_variant_id,outcome,n,mean,sd,ci_low,ci_high"
    differences = [head + (",p_value,p_adjusted" if p_values else "")]
    for (variant_id, region), (mean, low, high, p, q) in REGIONAL.items():
        sd = 0 if low == high else 1
        row = (f"{variant_id},{names[variant_id]},0,civilian_deaths.by_region.{region},{SEEDS},"
               f"{mean},{sd},{low},{high}")
        differences.append(row + (f",{p},{q}" if p_values else ""))
    for variant_id, _ in VARIANTS[1:]:
        row = f"{variant_id},{names[variant_id]},0,civilian_deaths.total,{SEEDS},5,2,1,9"
        differences.append(row + (",0.04,0.04" if p_values else ""))
    write(os.path.join(directory, "differences.csv"), "\n".join(differences) + "\n")


def daily_deaths(variant_id, replicate, day):
    """National civilian deaths of a run on a day: the reference's plus
    (replicate + 1) per day for variant 1, so that variant 1's weekly
    difference is 7·(r + 1) in replicate r."""
    base = 3 + (day * 5 + replicate) % 4
    return base + (replicate + 1 if variant_id == "1" else 0)


def write_timeseries(directory, days=15):
    """SWEEP/timeseries.csv.gz as `keep_timeseries: all` writes it, in two
    gzip members; two regions share a day's deaths."""
    header = "run_id,variant_id,replicate,date,day,region,civilian_deaths,displaced\n"
    lines = []
    run_id = 0
    for variant_id, _ in VARIANTS:
        for replicate in range(SEEDS):
            for day in range(days):
                deaths = daily_deaths(variant_id, replicate, day)
                date = (datetime.date(2022, 1, 1) + datetime.timedelta(days=day)).isoformat()
                lines.append(f"{run_id},{variant_id},{replicate},{date},{day},Gao,{deaths - 1},"
                             "100\n")
                lines.append(f"{run_id},{variant_id},{replicate},{date},{day},Mopti,1,50\n")
            run_id += 1
    half = len(lines) // 2
    with open(os.path.join(directory, "timeseries.csv.gz"), "wb") as f:
        f.write(gzip.compress((header + "".join(lines[:half])).encode()))
        f.write(gzip.compress("".join(lines[half:]).encode()))


class Where(unittest.TestCase):
    def test_the_regional_table_marks_by_adjusted_p_and_the_map_is_drawn(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d)
            page, failures = report(d)
            self.assertEqual(failures, 0)
            self.assertIn('<figure id="region_differences"><img src="data:image/png;base64,',
                          page)
            self.assertGreater(os.path.getsize(os.path.join(d, "plots",
                                                            "region_differences.png")), 0)
            rows = regions.regional_rows(inputs.SweepDir(d)).set_index(["variant_id", "region"])
            self.assertTrue(rows.at[("1", "Mopti"), "significant"])
            self.assertFalse(rows.at[("1", "Gao"), "significant"])  # CI clear of 0, p_adj not
            self.assertFalse(rows.at[("2", "Mopti"), "significant"])
            self.assertIn("<td>Mopti</td><td>+10 [+5.0, +15]</td><td>0.010 *</td>", page)
            self.assertIn("<td>Gao</td><td>+6.0 [+1.0, +11]</td><td>0.090</td>", page)
            self.assertIn("<td>Kayes</td><td>0 (same in every pair)</td><td>–</td>", page)

    def test_without_p_values_adjustment_is_unavailable_and_marks_say_unadjusted(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d, p_values=False)
            page, failures = report(d)
            self.assertEqual(failures, 0)
            self.assertIn("Adjustment for multiple comparisons is unavailable", page)
            self.assertIn("NOT adjusted for multiple comparisons", page)
            rows = regions.regional_rows(inputs.SweepDir(d)).set_index(["variant_id", "region"])
            self.assertTrue(rows.at[("1", "Gao"), "significant"])  # the interval then decides

    def test_each_comparison_names_its_family(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d)
            sweep = inputs.SweepDir(d)
            # Variant 1: 3 outcomes with a p-value (Kayes has none), 3 below 0.05
            # before adjustment (Mopti, Gao, the total), 2 after (Mopti, the total).
            self.assertEqual(significance.families(sweep),
                             [["withdrawal=all", "withdrawal=none", "3", "3", "2"],
                              ["withdrawal=historical", "withdrawal=none", "3", "1", "1"]])
            page, _ = report(d)
            self.assertIn("Benjamini–Hochberg", page)

    def test_the_engines_regions_are_the_nearest_towns_on_its_plane(self):
        # Three towns; at latitude 51 a degree east is 0.63 of a degree north, so
        # the point (1.2, 51) is nearer C (east) than A, which it would not be
        # on unscaled degrees.
        g = geography.Geography()
        g.regions = ["North", "South", "East"]
        g.towns = {"A": (0.0, 50.0), "B": (0.0, 52.0), "C": (3.0, 51.0)}
        g.town_regions = {"A": "South", "B": "North", "C": "East"}
        g.rings = [[(-1.0, 49.0), (4.0, 49.0), (4.0, 53.0), (-1.0, 53.0), (-1.0, 49.0)]]
        grid = region_grid.RegionGrid(g, step=0.1)
        self.assertEqual(grid.region_at(1.2, 51.0), "East")
        self.assertEqual(grid.region_at(0.0, 50.6), "South")
        self.assertEqual(grid.region_at(0.0, 51.4), "North")
        self.assertEqual(grid.bounds(["East"], pad=0)[1], grid.lon.max())
        self.assertTrue((grid.region >= 0).all())  # the whole square is inside

    def test_the_regions_match_the_engines_for_every_event_of_a_run(self):
        binary = pocsim_binary()
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "run")
            subprocess.run([binary, "run",
                            os.path.join(REPOSITORY, "scenarios/teaching/partners.yaml"),
                            "--out", out, "--quiet"], check=True)
            run = inputs.RunDir(out)
            g, note = geography.load_geography(run.resolved_scenario, REPOSITORY)
            self.assertEqual(note, "")
            grid = region_grid.RegionGrid(g)
            events = run.events
            self.assertGreater(len(events), 50)
            same = sum(grid.region_at(lon, lat) == region for lon, lat, region in
                       zip(events["longitude"], events["latitude"], events["admin1"]))
            # Positions are written to 4 decimals: a point on a border may flip.
            self.assertGreaterEqual(same, 0.98 * len(events))


class When(unittest.TestCase):
    def test_the_weekly_difference_is_paired_by_replicate(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d)
            write_timeseries(d, days=15)
            weekly, starts, dropped = over_time.read_weekly(os.path.join(d,
                                                                         "timeseries.csv.gz"))
            self.assertEqual(dropped, 1)  # day 14 is a week of one day: left out
            self.assertEqual(list(weekly.columns), [0, 1])
            self.assertEqual(len(weekly), len(VARIANTS) * SEEDS)  # both gzip members read
            self.assertEqual(str(starts[1].date()), "2022-01-08")
            mean, low, high, n = over_time.paired_difference(weekly, "1", "0")
            self.assertEqual(n, SEEDS)
            # Differences 7, 14, 21, 28 in every week: mean 17.5, sd 9.037.
            self.assertAlmostEqual(mean[0], 17.5)
            half = 3.182446 * math.sqrt(sum((7 * k - 17.5) ** 2 for k in (1, 2, 3, 4)) / 3) / 2
            self.assertAlmostEqual(high[1] - mean[1], half, places=4)
            self.assertAlmostEqual(mean[1] - low[1], half, places=4)
            mean, low, high, _ = over_time.paired_difference(weekly, "2", "0")
            self.assertEqual(list(mean), [0.0, 0.0])  # same deaths as the reference

    def test_the_plot_appears_with_the_file_and_the_way_to_get_it_without(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d)
            page, _ = report(d)
            self.assertIn("add `keep_timeseries: all` under `sweep:`", page)
            self.assertNotIn('id="difference_over_time"', page)
            write_timeseries(d)
            page, failures = report(d)
            self.assertEqual(failures, 0)
            self.assertNotIn("keep_timeseries: all", page)
            self.assertIn('<figure id="difference_over_time"><img src="data:image/png;base64,',
                          page)


class Labels(unittest.TestCase):
    def test_full_names_when_they_fit_and_what_each_variant_sets(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d)
            sweep = inputs.SweepDir(d)
            self.assertFalse(sweep.labels.abbreviated)
            self.assertEqual(sweep.label("1"), "withdrawal=all")
            self.assertEqual(sweep.labels.rows()[0][2], "withdrawal = none "
                             "(factions.Barkhane.withdrawal_date: null)")
            self.assertEqual(sweep.labels.rows()[1][2], "withdrawal = all "
                             "(factions.Barkhane.withdrawal_date: 2022-08-15)")
            self.assertEqual(sweep.labels.rows()[2][2], "withdrawal = historical (nothing)")

    def test_a_level_that_names_a_variant_file_lists_the_files_keys(self):
        text = ("axes:\n  - name: flight_delay\n    variants:\n"
                "      - {file: flights/72h.yaml}\n"
                "      - name: 72h_fixed\n        file: flights/72h.yaml\n"
                "        set: {flights.delay_law: fixed}\n"
                "      - {file: flights/moved.yaml}\n")
        with tempfile.TemporaryDirectory() as d:
            write(os.path.join(d, "flights", "72h.yaml"),
                  "base: ../baseline.yaml\nset:\n  scenario.name: x\n"
                  "  scenario.description: y\n  flights.delay_hours: 72\n")
            levels = labels.named_level_settings(text, d)["flight_delay"]
        self.assertEqual(levels, {"72h": "flights.delay_hours: 72",
                                  "72h_fixed": "flights.delay_hours: 72, flights.delay_law: fixed",
                                  "moved": "the settings of flights/moved.yaml"})

    def test_long_names_get_short_labels_and_the_page_a_legend(self):
        stem = "factions.MINUSMA.units=27 factions.MINUSMA.unit_strength="
        long_names = {"0": stem + "150", "1": stem + "300", "2": stem + "600"}
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d, names=long_names)
            sweep = inputs.SweepDir(d)
            self.assertTrue(sweep.labels.abbreviated)
            # The axis levels are short and tell the variants apart.
            self.assertEqual([label for _, label in sweep.variants()],
                             ["none", "all", "historical"])
            page, _ = report(d)
            for name in long_names.values():  # each full name, whole, in the legend
                self.assertIn(f"<td>{name}</td>", page)
            self.assertNotIn("…", page)
        # When the levels are long too: V1, V2, … in plan order.
        names = labels.VariantLabels.__new__(labels.VariantLabels)
        names.ids = ["a", "b"]
        names.full = {"a": "x" * 50, "b": "y" * 50}
        names.levels = {"a": ["l" * 30], "b": ["m" * 30]}
        self.assertEqual(names._short_labels(), {"a": "V1", "b": "V2"})


class Headlines(unittest.TestCase):
    def test_a_run_names_the_first_day_the_end_and_the_most_displaced_day(self):
        with tempfile.TemporaryDirectory() as d:
            write(os.path.join(d, "summary.json"), json.dumps({
                "scenario": "x", "population": {"displaced_end": 250,
                                                "displaced_peak": 400}}))
            write(os.path.join(d, "timeseries.csv"),
                  "date,day,region,civilian_deaths,displaced\n"
                  "2022-01-01,0,Gao,0,300\n2022-01-01,0,Mopti,0,90\n"
                  "2022-01-02,1,Gao,0,310\n2022-01-02,1,Mopti,0,90\n")
            page, _ = report(d)
            # No population.displaced_start (an older pocsim): the first day's sum.
            self.assertIn("<td>people displaced on the first day</td><td>390</td>"
                          "<td>timeseries.csv: first day, all regions</td>", page)
            self.assertIn("<td>people displaced at the end</td><td>250</td>", page)
            self.assertIn("<td>most people displaced on one day</td><td>400</td>", page)
            self.assertNotIn("at the peak", page)

    def test_a_sweep_shows_the_three_displacement_figures_under_their_names(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d)
            page, _ = report(d)
            for label in ("displaced on the first day", "displaced at the end",
                          "most displaced on one day"):
                self.assertIn(f"<th>{label} (mean [95% CI])</th>", page)
            self.assertIn("390,000 [389,991, 390,011]", page)
            self.assertIn("on the log scale", page)  # the counts' interval, as summary.csv's

    def test_an_older_symmetric_count_interval_is_not_shown_below_zero(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d, symmetric=True)
            page, _ = report(d)
            self.assertIn("100 [0*, 220]", page)
            self.assertIn("symmetric for every outcome", page)
            self.assertNotIn("[-20", page)


class ScenarioMaps(unittest.TestCase):
    def test_a_scenario_without_peacekeepers_draws_no_camps_and_zooms_to_its_area(self):
        resolved = os.path.join(REPOSITORY, "scenarios/teaching/first_run.yaml")
        g, note = geography.load_geography(resolved, REPOSITORY)
        scope = maps.MapScope(g, resolved)
        kinds = [kind for kind, _, _, _ in scope.bases()]
        self.assertEqual(kinds, ["state_forces", "jihadist"])
        towns = [t for _, _, _, ts in scope.bases() for t in ts]
        self.assertNotIn("Kidal", towns)  # a MINUSMA camp of the places file
        lon_min, lon_max, lat_min, lat_max = scope.zoom
        self.assertTrue(lon_min < -4.2 < lon_max and lat_min < 14.5 < lat_max)  # Mopti
        self.assertLess(lat_max, 17.0)  # not the country, which reaches 25°N
        whole = maps.MapScope(g, os.path.join(REPOSITORY, "no such file"))
        self.assertIsNone(whole.zoom)
        self.assertIn("Kidal", whole.bases()[0][3])  # unknown scenario: the places file's camps


class SelfContained(unittest.TestCase):
    def test_every_image_is_inlined(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d)
            write_timeseries(d)
            page, _ = report(d)
            sources = [part.split('"', 1)[0] for part in page.split('src="')[1:]]
            self.assertGreaterEqual(len(sources), 3)
            for source in sources:
                self.assertTrue(source.startswith("data:image/png;base64,"), source[:60])
            self.assertNotIn("url(", page)
            self.assertNotIn("href=", page)


if __name__ == "__main__":
    unittest.main()
