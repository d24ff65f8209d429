# SPDX-License-Identifier: Apache-2.0
"""Tests of the report's section "Against <axis>" (civilian deaths against
the value of a numeric axis): which axes are numeric, on sweep texts written
here; and, on a small sweep the engine runs (a teaching scenario, with
POCSIM_BINARY or the repository's build tree, engine_binary.py), that the lines are
the means of runs.csv, the bands summary.csv's intervals around them, the
differences paired by seed, and that the page renders in chromium.

    POCSIM_BINARY=build/cli/pocsim /usr/bin/python3 -m unittest discover -s analysis/tests
"""
import base64
import csv
import io
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import unittest

import matplotlib.image
import scipy.stats
import yaml

from quiet_report import report  # first: it puts the package on sys.path
from engine_binary import pocsim_binary
from pocsim_report import against_axis, inputs
from test_where_and_when import write_sweep as write_withdrawal_sweep

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TEACHING = os.path.join(REPOSITORY, "scenarios", "teaching", "presence_deterrence.yaml")
MISSION_STRENGTH = os.path.join(REPOSITORY, "scenarios", "sweeps", "mission_strength.yaml")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_plan(directory, sweep_text, levels):
    """A sweep folder with the sweep text and a plan.csv holding `levels`
    ({axis: [labels]}), one variant per row: enough to tell numeric axes."""
    axes = list(levels)
    write(os.path.join(directory, "manifest.json"), json.dumps({
        "sweep": "axes", "design": "grid", "axes": axes, "sweep_text": sweep_text,
        "sweep_dir": directory}))
    rows = max(len(labels) for labels in levels.values())
    lines = ["run_id,variant_id,variant,replicate,seed," + ",".join(axes)]
    for i in range(rows):
        cells = [levels[a][i % len(levels[a])] for a in axes]
        lines.append(f"{i},{i},v{i},0,1," + ",".join(cells))
    write(os.path.join(directory, "plan.csv"), "\n".join(lines) + "\n")


class NumericAxes(unittest.TestCase):
    def axes_of(self, sweep_text, levels):
        with tempfile.TemporaryDirectory() as d:
            write_plan(d, sweep_text, levels)
            write(os.path.join(d, "half.yaml"),
                  "base: baseline.yaml\nset:\n  scenario.name: half\n"
                  "  factions.MINUSMA.units: 14\n")
            return {a.name: a for a in against_axis.numeric_axes(inputs.SweepDir(d))}

    def test_named_levels_that_set_one_key_to_numbers_are_numeric(self):
        text = """axes:
  - name: strength
    variants:
      - {name: 0x, set: {factions.MINUSMA.units: 0}}
      - {name: half, file: half.yaml}
      - {name: 1x, set: {factions.MINUSMA.units: 27}}
  - name: departure
    variants:
      - {name: stays, set: {factions.MINUSMA.withdrawal_date: null}}
      - {name: july, set: {factions.MINUSMA.withdrawal_date: 2022-07-01}}
"""
        found = self.axes_of(text, {"strength": ["0x", "half", "1x"],
                                    "departure": ["stays", "july"]})
        self.assertEqual(list(found), ["strength"])  # dates and null are not numbers
        strength = found["strength"]
        self.assertEqual(strength.key, "factions.MINUSMA.units")
        self.assertEqual(strength.values, {"0x": 0.0, "half": 14.0, "1x": 27.0})
        self.assertEqual(strength.tick_label("half"), "14\nhalf")

    def test_key_axes_with_number_values_or_ranges_are_numeric(self):
        text = """axes:
  - key: flights.delay_hours
    values: [0, 24, 168]
  - name: refusals
    key: flights.refusal_probability
    range: {from: 0, to: 0.2, step: 0.1}
  - key: flights.authorisation_required
    values: [true, false]
  - key: factions.Barkhane.withdrawal_date
    values: [null, 2022-08-15]
"""
        found = self.axes_of(text, {"flights.delay_hours": ["0", "24", "168"],
                                    "refusals": ["0", "0.1", "0.2"],
                                    "flights.authorisation_required": ["true", "false"],
                                    "factions.Barkhane.withdrawal_date": ["null", "2022-08-15"]})
        self.assertEqual(list(found), ["flights.delay_hours", "refusals"])
        self.assertEqual(found["refusals"].key, "flights.refusal_probability")
        self.assertEqual(found["refusals"].values, {"0": 0.0, "0.1": 0.1, "0.2": 0.2})
        self.assertEqual(found["flights.delay_hours"].tick_label("24"), "24")

    def test_levels_that_set_several_keys_or_none_or_no_number_are_not(self):
        text = """axes:
  - name: air
    zip:
      - {key: response.helicopters, values: [4, 8]}
      - {key: response.helicopter_serviceability, values: [0.4, 0.6]}
  - name: two_keys
    variants:
      - {name: "1", set: {factions.JNIM.units: 10, factions.JNIM.unit_strength: 50}}
      - {name: "2", set: {factions.JNIM.units: 20, factions.JNIM.unit_strength: 50}}
  - name: with_base
    variants:
      - {name: "0", set: {factions.JNIM.units: 0}}
      - {name: "1", set: {}}
  - name: switch
    variants:
      - {name: "0", set: {flights.medevac_exempt: false}}
      - {name: "1", set: {flights.medevac_exempt: true}}
  - name: same
    variants:
      - {name: a, set: {factions.JNIM.units: 5}}
      - {name: b, set: {factions.JNIM.units: 5}}
"""
        found = self.axes_of(text, {"air": ["4/0.4", "8/0.6"], "two_keys": ["1", "2"],
                                    "with_base": ["0", "1"], "switch": ["0", "1"],
                                    "same": ["a", "b"]})
        self.assertEqual(found, {})

    def test_without_the_sweep_text_number_labels_make_a_numeric_axis(self):
        found = self.axes_of("", {"factions.MINUSMA.units": ["0", "27"], "withdrawal": ["a", "b"]})
        self.assertEqual(list(found), ["factions.MINUSMA.units"])
        self.assertEqual(found["factions.MINUSMA.units"].key, "factions.MINUSMA.units")

    def test_the_mission_strength_sweep_has_a_numeric_strength_axis_of_factors_of_2022(self):
        with open(MISSION_STRENGTH, encoding="utf-8") as f:
            text = f.read()
        tree = yaml.safe_load(text)
        levels = {axis["name"]: [str(level["name"]) for level in axis["variants"]]
                  for axis in tree["axes"]}
        with tempfile.TemporaryDirectory() as d:
            write_plan(d, text, levels)
            found = against_axis.numeric_axes(inputs.SweepDir(d))
        self.assertEqual([a.name for a in found], ["strength"])  # departure: dates and null
        self.assertEqual(found[0].key, "factions.MINUSMA.units")
        with open(os.path.join(REPOSITORY, "scenarios", "mali_2022", "baseline.yaml"),
                  encoding="utf-8") as f:
            baseline = yaml.safe_load(f)
        units = next(f["units"] for f in baseline["factions"] if f["name"] == "MINUSMA")
        # Each label names its factor of 2022's strength: "0.5x" is half of it.
        for label, value in found[0].values.items():
            self.assertLessEqual(abs(value - float(label.rstrip("x")) * units), 0.5, label)
        self.assertEqual(tree["sweep"]["reference"], {"strength": "1x", "departure": "stays"})

    def test_without_breakdowns_or_differences_the_total_alone_is_drawn(self):
        with tempfile.TemporaryDirectory() as d:
            write_plan(d, "axes:\n  - key: flights.delay_hours\n    values: [24, 0, 168]\n",
                       {"flights.delay_hours": ["24", "0", "168"]})
            # An older folder: civilian deaths alone, no differences.csv.
            write(os.path.join(d, "summary.csv"),
                  "variant_id,variant,outcome,n,mean,sd,ci_low,ci_high,p5,p50,p95\n" +
                  "".join(f"{i},v{i},{TOTAL},3,{mean},5,{mean - 9},{mean + 11},0,0,0\n"
                          for i, mean in enumerate((120, 100, 150))))
            page, failures = report(d)
            self.assertEqual(failures, 0)
            self.assertIn("<h2>Against flights.delay_hours</h2>", page)
            self.assertIn('<figure id="against_flights_delay_hours_total">', page)
            self.assertNotIn('id="against_flights_delay_hours_perpetrator"', page)
            self.assertIn("No deaths by perpetrator kind", page)
            self.assertNotIn("minus the reference", page)
            # The table's columns run from the smallest value to the largest.
            self.assertIn("<th>0</th><th>24</th><th>168</th>", page)
            self.assertIn("<tr><td>all</td><td>100 [91, 111]</td><td>120 [111, 131]</td>"
                          "<td>150 [141, 161]</td></tr>", page)

    def test_a_sweep_without_a_numeric_axis_has_no_section(self):
        with tempfile.TemporaryDirectory() as d:
            write_withdrawal_sweep(d)  # dates, null and nothing: not numbers
            page, failures = report(d)
            self.assertEqual(failures, 0)
            self.assertNotIn("<h2>Against", page)
            self.assertFalse(any(name.startswith("against_")
                                 for name in os.listdir(os.path.join(d, "plots"))))


# A small sweep of the teaching scenario: the mission's units by named
# levels (a numeric axis) × the jihadists' strength, two keys at once (not
# numeric, so one panel per level). Each run is a month of a small area.
# Not in the order of their values: the lines must be drawn in that order.
UNITS = {"2x": 40, "0x": 0, "1x": 20}
SWEEP = f"""sweep:
  name: strength_test
  scenario: {TEACHING}
  replications: 3
  keep_samples: false
  reference: {{strength: 1x, jihadists: as_is}}
axes:
  - name: strength
    variants:
""" + "".join(f"      - {{name: {name}, set: {{factions.MINUSMA.units: {units}}}}}\n"
              for name, units in UNITS.items()) + """  - name: jihadists
    variants:
      - {name: as_is, set: {}}
      - {name: fewer, set: {factions.JNIM.units: 12, factions.JNIM.unit_strength: 40}}
"""
TOTAL = "civilian_deaths.total"
KIND = "civilian_deaths.by_perpetrator_kind."
REGION = "civilian_deaths.by_region."


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def runs_means(runs, outcome):
    """{(jihadists level, units): mean of the outcome over the ok runs}."""
    values = {}
    for row in runs:
        if row["status"] == "ok":
            key = (row["jihadists"], UNITS[row["strength"]])
            values.setdefault(key, []).append(float(row[outcome]))
    return {key: statistics.mean(v) for key, v in values.items()}


def runs_paired_differences(runs, outcome):
    """{(jihadists level, units): (mean, low, high)} of run − the reference's
    run of the same seed, with the 95% Student t interval of those
    differences."""
    by_seed = {(r["strength"], r["jihadists"], r["seed"]): float(r[outcome]) for r in runs}
    found = {}
    for (strength, jihadists, seed), value in by_seed.items():
        reference = by_seed[("1x", "as_is", seed)]
        found.setdefault((jihadists, UNITS[strength]), []).append(value - reference)
    intervals = {}
    for key, d in found.items():
        mean = statistics.mean(d)
        half = scipy.stats.t.ppf(0.975, len(d) - 1) * statistics.stdev(d) / math.sqrt(len(d))
        intervals[key] = (mean, mean - half, mean + half)
    return intervals


def lines_and_bands(ax):
    """{label: (x, y, band low, band high)} of a panel's labelled lines, each
    with the band drawn before it."""
    bands = [c for c in ax.collections if type(c).__name__ == "PolyCollection"]
    lines = [line for line in ax.lines if not line.get_label().startswith("_")]
    found = {}
    for line, band in zip(lines, bands):
        x, y = list(line.get_xdata()), list(line.get_ydata())
        vertices = band.get_paths()[0].vertices
        low = [min(v[1] for v in vertices if v[0] == xi) for xi in x]
        high = [max(v[1] for v in vertices if v[0] == xi) for xi in x]
        found[line.get_label()] = (x, y, low, high)
    return found


def drawn_lines(fig):
    """{(panel, label): (x, y, band low, band high)} of the mean panels and of
    the difference panels under them."""
    means, differences = {}, {}
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.get_title()]
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        if ax.get_title():
            panel = ax.get_title()
            means.update({(panel, label): drawn for label, drawn in lines_and_bands(ax).items()})
        elif ax.get_ylabel() == "difference from the reference":
            # The difference panel sits under its mean panel: same column.
            above = min((p for p in panels if abs(p.get_position().x0 - ax.get_position().x0)
                         < 1e-6 and p.get_position().y0 > ax.get_position().y0),
                        key=lambda p: p.get_position().y0 - ax.get_position().y0)
            differences.update({(above.get_title(), label): drawn
                                for label, drawn in lines_and_bands(ax).items()})
    return means, differences


def coloured_share(png):
    """Share of strongly coloured pixels (text and grey lines are not)."""
    image = matplotlib.image.imread(io.BytesIO(png) if isinstance(png, bytes) else png)
    rgb = image[:, :, :3]
    return float(((rgb.max(axis=2) - rgb.min(axis=2)) > 0.35).mean())


class AgainstAxisOfARealSweep(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "sweep")
        sweep_file = os.path.join(cls.tmp.name, "strength.yaml")
        write(sweep_file, SWEEP)
        subprocess.run([pocsim_binary(), "sweep", sweep_file, "--out", cls.dir,
                        "--quiet", "--jobs", "2"], check=True)
        cls.page, cls.failures = report(cls.dir)
        cls.sweep = inputs.SweepDir(cls.dir)
        cls.runs = read_rows(os.path.join(cls.dir, "runs.csv"))
        cls.axis = against_axis.numeric_axes(cls.sweep)[0]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def figure_lines(self, outcomes, names):
        rows = against_axis.level_rows(self.sweep, self.axis, outcomes)
        fig = against_axis.figure(self.sweep, self.axis, rows, outcomes, names,
                                  {o: "#d62728" for o in outcomes}, "test")
        return drawn_lines(fig)

    def test_the_section_is_there_for_the_numeric_axis_only(self):
        self.assertEqual(self.failures, 0)
        self.assertEqual([a.name for a in against_axis.numeric_axes(self.sweep)], ["strength"])
        self.assertEqual(self.axis.values, {"0x": 0.0, "1x": 20.0, "2x": 40.0})
        self.assertIn("<h2>Against strength</h2>", self.page)
        self.assertNotIn("<h2>Against jihadists</h2>", self.page)
        for part in ("total", "perpetrator", "region"):
            self.assertIn(f'<figure id="against_strength_{part}"><img src="data:image/png;base64,',
                          self.page)
        self.assertIn("<h3>jihadists = fewer</h3>", self.page)  # one table per panel
        self.assertIn("<tr><td>minus the reference</td><td>", self.page)
        # Rows of kinds with deaths only: jihadists raid here, peacekeepers kill no one.
        def total(kind):
            return sum(float(r[KIND + kind]) for r in self.runs if r["status"] == "ok")
        self.assertEqual((total("peacekeepers") == 0, total("jihadist") > 0), (True, True))
        self.assertIn("<tr><td>by jihadist</td>", self.page)
        self.assertNotIn("<td>by peacekeepers</td>", self.page)

    def test_the_lines_are_the_means_of_runs_csv_and_the_bands_summary_csvs_intervals(self):
        means, differences = self.figure_lines([TOTAL], {TOTAL: "all"})
        expected = runs_means(self.runs, TOTAL)
        summary = {(r["variant"], r["outcome"]): r for r in
                   read_rows(os.path.join(self.dir, "summary.csv"))}
        self.assertEqual(sorted(means), [("jihadists = as_is", "all"),
                                         ("jihadists = fewer", "all")])
        for (panel, _), (x, y, low, high) in means.items():
            jihadists = panel.split(" = ")[1]
            self.assertEqual(x, [0.0, 20.0, 40.0])
            for units, mean, lo, hi in zip(x, y, low, high):
                self.assertAlmostEqual(mean, expected[(jihadists, units)], places=6)
                self.assertLessEqual(lo, mean)
                self.assertGreaterEqual(hi, mean)
                self.assertGreaterEqual(lo, 0)  # a count's interval stays above zero
                name = next(n for n, u in UNITS.items() if u == units)
                row = summary[(f"strength={name} jihadists={jihadists}", TOTAL)]
                self.assertAlmostEqual(lo, float(row["ci_low"]), places=6)
                self.assertAlmostEqual(hi, float(row["ci_high"]), places=6)
        # Some level differs from another: the test would see a wrong pairing.
        self.assertGreater(len({round(v, 6) for v in expected.values()}), 1)
        # The differences and their bands: paired by seed, so narrower than
        # the means' intervals would give.
        paired = runs_paired_differences(self.runs, TOTAL)
        self.assertEqual(len(differences), 2)
        for (panel, _), (x, y, low, high) in differences.items():
            jihadists = panel.split(" = ")[1]
            for units, difference, lo, hi in zip(x, y, low, high):
                mean, expected_low, expected_high = paired[(jihadists, units)]
                self.assertAlmostEqual(difference, mean, places=6)
                if (jihadists, units) == ("as_is", 20.0):  # the reference: zero, no band
                    self.assertEqual((difference, lo, hi), (0.0, 0.0, 0.0))
                    continue
                self.assertAlmostEqual(lo, expected_low, places=4)
                self.assertAlmostEqual(hi, expected_high, places=4)

    def test_by_perpetrator_and_region_the_lines_are_the_means_of_runs_csv(self):
        header = self.runs[0].keys()
        for prefix in (KIND, REGION):
            outcomes = [c for c in header if c.startswith(prefix)
                        and any(float(r[c]) > 0 for r in self.runs if r["status"] == "ok")]
            self.assertTrue(outcomes, prefix)
            means, _ = self.figure_lines(outcomes, {o: o[len(prefix):] for o in outcomes})
            self.assertEqual(len(means), 2 * len(outcomes))  # each outcome in both panels
            for outcome in outcomes:
                expected = runs_means(self.runs, outcome)
                for panel in ("jihadists = as_is", "jihadists = fewer"):
                    x, y, low, high = means[(panel, outcome[len(prefix):])]
                    for units, mean, lo, hi in zip(x, y, low, high):
                        self.assertAlmostEqual(mean, expected[(panel.split(" = ")[1], units)],
                                               places=6)
                        self.assertTrue(lo <= mean <= hi, (outcome, panel, units))

    def test_the_shipped_mission_strength_sweep_is_valid(self):
        result = subprocess.run([pocsim_binary(), "validate", MISSION_STRENGTH],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_the_page_renders_in_chromium_with_the_sections_figures(self):
        # Each of the section's figures is a PNG with its coloured lines.
        for name in ("total", "perpetrator", "region"):
            data = re.search(f'<figure id="against_strength_{name}"><img src="data:image/png;'
                             'base64,([^"]+)"', self.page).group(1)
            self.assertGreater(coloured_share(base64.b64decode(data)), 0.002, name)
        browser = next((path for path in ("/usr/bin/chromium", "/usr/bin/chromium-browser",
                                          "/usr/bin/google-chrome") if os.path.exists(path)),
                       None)
        # tools/install-deps.sh installs chromium: without it the set-up is broken.
        self.assertIsNotNone(browser, "no chromium: run tools/install-deps.sh")
        with tempfile.TemporaryDirectory() as alone:
            shutil.copy(os.path.join(self.dir, "report.html"), alone)  # the page alone
            shot = os.path.join(alone, "shot.png")
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                            "--hide-scrollbars", f"--user-data-dir={alone}/profile",
                            f"--screenshot={shot}", "--window-size=1200,9000",
                            f"file://{alone}/report.html"], check=True,
                           capture_output=True, timeout=120)
            # Broken images would leave the page grey: text and icons only.
            self.assertGreater(coloured_share(shot), 0.005)


if __name__ == "__main__":
    unittest.main()
