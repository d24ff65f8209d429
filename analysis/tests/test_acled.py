# SPDX-License-Identifier: Apache-2.0
"""Tests of `pocsim report DIR --acled EXPORT.csv` (the section "Beside
ACLED") and of its reader of ACLED exports (acled.py), on a small export the
test writes itself: invented rows in ACLED's format, not ACLED data (the
project ships none). tests/cli/report_test.cpp runs them; the tests that run
the engine find it with engine_binary.py.

    /usr/bin/python3 -m unittest discover -s analysis/tests -p test_acled.py

tests/data/acled_sample.csv is the numeric-code export of SAMPLE_ROWS; to
write it again after changing them:

    /usr/bin/python3 analysis/tests/test_acled.py --write-sample
"""
import csv
import datetime
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

ANALYSIS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPOSITORY = os.path.dirname(ANALYSIS)
sys.path.insert(0, ANALYSIS)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pocsim_report import acled, beside_acled, inputs  # noqa: E402
from engine_binary import pocsim_binary  # noqa: E402

SAMPLE = os.path.join(REPOSITORY, "tests", "data", "acled_sample.csv")
REPORT_PY = os.path.join(ANALYSIS, "report.py")

# ACLED's columns in its order (ACLED Codebook, 2024).
COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
           "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
           "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
           "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
           "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
           "timestamp"]
# The labels of the newer exports, written out here rather than taken from
# acled.py, so that a wrong table there shows.
LABEL = {0: "", 1: "State forces", 2: "Rebel group", 3: "Political militia",
         4: "Identity militia", 5: "Rioters", 6: "Protesters", 7: "Civilians",
         8: "External/Other forces"}
VAC, BATTLES, BLAST = "Violence against civilians", "Battles", "Explosions/Remote violence"
MILITARY = "Military Forces of Mali (2021-)"
WAGNER = "Wagner Group"
JNIM = "JNIM: Group for Support of Islam and Muslims"
ISS = "Islamic State (Sahel)"
CIVILIANS = "Civilians (Mali)"
# Invented rows: (date, event type, sub-event type, actor1, inter1, actor2,
# inter2, country, admin1, admin2, location, latitude, longitude, fatalities).
# Four fall outside 2022 or outside Mali, to be left out.
SAMPLE_ROWS = [
    ("2021-12-30", VAC, "Attack", JNIM, 2, CIVILIANS, 7, "Mali", "Mopti", "Bandiagara",
     "Bandiagara", 14.35, -3.61, 4),
    ("2022-01-03", BATTLES, "Armed clash", MILITARY, 1, JNIM, 2, "Mali", "Mopti", "Djenne",
     "Djenne", 13.91, -4.55, 6),
    ("2022-01-09", VAC, "Attack", MILITARY, 1, CIVILIANS, 7, "Mali", "Segou", "Niono",
     "Diabaly", 14.69, -6.02, 3),
    ("2022-01-17", BLAST, "Remote explosive/landmine/IED", JNIM, 2, MILITARY, 1, "Mali",
     "Mopti", "Douentza", "Boni", 15.03, -1.94, 2),
    ("2022-02-02", BATTLES, "Armed clash", ISS, 2, "MSA: Movement for the Salvation of Azawad",
     3, "Mali", "Menaka", "Menaka", "Menaka", 15.92, 2.40, 11),
    ("2022-02-11", VAC, "Attack", ISS, 2, CIVILIANS, 7, "Mali", "Menaka", "Menaka",
     "Anderamboukane", 15.42, 3.03, 9),
    ("2022-02-25", VAC, "Abduction/forced disappearance", JNIM, 2, CIVILIANS, 7, "Mali",
     "Timbuktu", "Niafunke", "Niafunke", 15.93, -3.99, 0),
    ("2022-03-05", BLAST, "Remote explosive/landmine/IED", JNIM, 2,
     "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali", 8,
     "Mali", "Kidal", "Tessalit", "Tessalit", 20.20, 1.01, 1),
    ("2022-03-08", BATTLES, "Armed clash", MILITARY, 1, JNIM, 2, "Mali", "Segou", "Niono",
     "Niono", 14.25, -5.99, 5),
    ("2022-03-27", VAC, "Attack", MILITARY, 1, CIVILIANS, 7, "Mali", "Mopti", "Djenne",
     "Moura", 14.13, -4.39, 40),
    ("2022-03-28", VAC, "Attack", WAGNER, 8, CIVILIANS, 7, "Mali", "Mopti", "Djenne",
     "Moura", 14.13, -4.39, 30),
    ("2022-04-10", BATTLES, "Armed clash", "Barkhane", 8, ISS, 2, "Mali", "Gao", "Ansongo",
     "Ansongo", 15.66, 0.50, 4),
    ("2022-04-19", "Strategic developments", "Looting/property destruction", JNIM, 2, "", 0,
     "Mali", "Mopti", "Bankass", "Bankass", 14.08, -3.52, 0),
    ("2022-05-02", VAC, "Attack", "Dozo Militia", 4, CIVILIANS, 7, "Mali", "Mopti", "Bankass",
     "Bankass", 14.08, -3.52, 7),
    ("2022-05-21", BATTLES, "Armed clash", JNIM, 2, "Dozo Militia", 4, "Mali", "Mopti",
     "Bandiagara", "Bandiagara", 14.35, -3.61, 3),
    ("2022-06-05", BLAST, "Air/drone strike", MILITARY, 1, JNIM, 2, "Mali", "Segou", "Macina",
     "Macina", 13.96, -5.36, 8),
    ("2022-06-18", VAC, "Attack", JNIM, 2, CIVILIANS, 7, "Mali", "Segou", "Niono", "Diabaly",
     14.69, -6.02, 12),
    ("2022-07-02", "Protests", "Peaceful protest", "Protesters (Mali)", 6, "", 0, "Mali",
     "Bamako", "Bamako", "Bamako", 12.65, -8.00, 0),
    ("2022-07-22", BATTLES, "Armed clash", JNIM, 2, MILITARY, 1, "Mali", "Koulikoro", "Kati",
     "Kati", 12.74, -8.07, 9),
    ("2022-08-07", BATTLES, "Armed clash", ISS, 2, MILITARY, 1, "Mali", "Gao", "Ansongo",
     "Tessit", 15.01, 0.48, 42),
    ("2022-08-18", "Riots", "Mob violence", "Rioters (Mali)", 5, CIVILIANS, 7, "Mali", "Gao",
     "Gao", "Gao", 16.27, -0.04, 1),
    ("2022-09-06", VAC, "Attack", JNIM, 2, CIVILIANS, 7, "Mali", "Gao", "Bourem", "Bourem",
     16.95, -0.35, 5),
    ("2022-09-15", BATTLES, "Armed clash", ISS, 2, "GATIA: Imghad Tuareg and Allies Self-"
     "Defense Group", 3, "Mali", "Menaka", "Menaka", "Inekar", 15.95, 3.15, 14),
    ("2022-10-03", VAC, "Abduction/forced disappearance", MILITARY, 1, CIVILIANS, 7, "Mali",
     "Mopti", "Mopti", "Sevare", 14.53, -4.10, 0),
    ("2022-10-24", BLAST, "Remote explosive/landmine/IED", JNIM, 2, MILITARY, 1, "Mali",
     "Segou", "Macina", "Macina", 13.96, -5.36, 4),
    ("2022-11-12", BATTLES, "Armed clash", MILITARY, 1, JNIM, 2, "Mali", "Mopti", "Douentza",
     "Boni", 15.03, -1.94, 10),
    ("2022-11-30", VAC, "Attack", ISS, 2, CIVILIANS, 7, "Mali", "Gao", "Ansongo", "Ansongo",
     15.66, 0.50, 6),
    ("2022-12-14", BATTLES, "Armed clash", WAGNER, 8, JNIM, 2, "Mali", "Mopti", "Tenenkou",
     "Tenenkou", 14.46, -4.92, 7),
    ("2022-12-31", VAC, "Attack", JNIM, 2, CIVILIANS, 7, "Mali", "Mopti", "Bandiagara",
     "Sangha", 14.47, -3.31, 2),
    ("2022-05-30", BATTLES, "Armed clash", JNIM, 2, "Military Forces of Burkina Faso", 1,
     "Burkina Faso", "Sahel", "Soum", "Djibo", 14.10, -1.63, 20),
    ("2023-01-02", VAC, "Attack", JNIM, 2, CIVILIANS, 7, "Mali", "Mopti", "Djenne", "Djenne",
     13.91, -4.55, 3),
    ("2023-02-14", BATTLES, "Armed clash", MILITARY, 1, ISS, 2, "Mali", "Gao", "Gao", "Gao",
     16.27, -0.04, 15),
]
PERIOD = (datetime.date(2022, 1, 1), datetime.date(2022, 12, 31))


def in_period(row):
    day = datetime.date.fromisoformat(row[0])
    return row[7] == "Mali" and PERIOD[0] <= day <= PERIOD[1]


def export_text(rows=SAMPLE_ROWS, style="numeric", columns=COLUMNS, date_style="iso"):
    """An ACLED-format CSV of `rows`: inter codes as numbers (older exports)
    or text labels (newer ones); dates as 2022-01-03 or 03 January 2022."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for i, (date, event_type, sub_type, actor1, inter1, actor2, inter2, country, admin1,
            admin2, location, lat, lon, fatalities) in enumerate(rows):
        low, high = sorted((inter1, inter2)) if inter2 else (inter1, 0)
        if style == "numeric":
            codes = (str(inter1), str(inter2), f"{low}{high}")
        else:
            codes = (LABEL[inter1], LABEL[inter2],
                     f"{LABEL[low]}-{LABEL[high]}" if high else f"{LABEL[low]} only")
        values = {
            "event_id_cnty": f"MLI{9000 + i}", "event_date": date if date_style == "iso" else
            datetime.date.fromisoformat(date).strftime("%d %B %Y"), "year": date[:4],
            "time_precision": 1,
            "disorder_type": "Political violence", "event_type": event_type,
            "sub_event_type": sub_type, "actor1": actor1, "assoc_actor_1": "",
            "inter1": codes[0], "actor2": actor2, "assoc_actor_2": "", "inter2": codes[1],
            "interaction": codes[2], "civilian_targeting": "Civilian targeting"
            if inter2 == 7 else "", "iso": 466, "region": "Western Africa",
            "country": country, "admin1": admin1, "admin2": admin2, "admin3": "",
            "location": location, "latitude": lat, "longitude": lon, "geo_precision": 1,
            "source": "invented", "source_scale": "National",
            "notes": f"Invented row {i} for pocsim's tests, not ACLED data;\n"
                     "a note over two lines, as ACLED's notes may be.",
            "fatalities": fatalities, "tags": "", "timestamp": 1700000000}
        writer.writerow([values[c] for c in columns])
    return out.getvalue()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_run(directory, events_text, start="2022-01-01", end="2022-12-31"):
    """A run directory of a year with the given events.csv."""
    write(os.path.join(directory, "summary.json"), json.dumps(
        {"scenario": "synthetic", "start_date": start, "end_date": end, "days": 365}))
    write(os.path.join(directory, "events.csv"), events_text)
    return directory


SIMULATED_EVENTS = """event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,\
admin1,latitude,longitude,fatalities,civilian_fatalities,perpetrator_kind,episode_id
MLI1,2022-01-05,Violence against civilians,Attack,FAMa,Civilians,Mopti,14.1,-4.4,3,3,\
state_forces,0
MLI2,2022-01-06,Battles,Armed clash,FAMa,JNIM,Mopti,14.2,-4.5,2,0,,
MLI3,2022-03-02,Battles,Armed clash,JNIM,Barkhane,Gao,15.6,0.5,1,0,,
MLI4,2022-04-02,Battles,Armed clash,IS Sahel,Platform,Ménaka,15.9,2.4,2,0,,
MLI5,2022-04-03,Battles,Armed clash,JNIM,FAMa,Tombouctou,15.9,-4.0,0,0,,
"""


class ReaderTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.addCleanup(self.directory.cleanup)

    def export(self, name, text):
        path = os.path.join(self.directory.name, name)
        write(path, text)
        return path

    def test_numeric_codes_and_text_labels_read_the_same(self):
        numeric = acled.read_export(self.export("numeric.csv", export_text(style="numeric")))
        text = acled.read_export(self.export("text.csv", export_text(style="text",
                                                                     date_style="long")))
        self.assertEqual(len(numeric), len(SAMPLE_ROWS))
        for column in numeric.columns:
            self.assertEqual(list(numeric[column]), list(text[column]), column)
        # Each code's label, as the codebook gives it.
        for row, read in zip(SAMPLE_ROWS, numeric.itertuples()):
            self.assertEqual(read.inter1, LABEL[row[4]])
            self.assertEqual(read.inter2, LABEL[row[6]])
        first = numeric.iloc[2]  # state forces against civilians: 17
        self.assertEqual(first["interaction"], "State forces-Civilians")
        self.assertEqual(numeric.iloc[12]["interaction"], "Rebel group only")  # 20
        self.assertEqual(numeric.iloc[10]["inter1"], "External/Other forces")  # Wagner: 8
        self.assertEqual(numeric.iloc[0]["event_date"], datetime.date(2021, 12, 30))

    def test_the_same_tables_from_either_kind_of_export(self):
        run = inputs.RunDir(write_run(os.path.join(self.directory.name, "run"),
                                      SIMULATED_EVENTS))
        tables = []
        for style in ("numeric", "text"):
            path = self.export(f"{style}.csv", export_text(style=style))
            comparison = beside_acled.Comparison(acled.read_export(path), path, run, "run")
            tables.append({c: comparison.breakdown(c) for _, c in beside_acled.BREAKDOWNS})
        self.assertIsNone(tables[0]["interaction"])  # today's events.csv has no interaction
        for column, table in tables[0].items():
            if table is not None:
                self.assertTrue(table.equals(tables[1][column]), column)

    def test_only_mali_in_the_simulated_period_is_counted(self):
        path = self.export("export.csv", export_text())
        run = inputs.RunDir(write_run(os.path.join(self.directory.name, "run"),
                                      SIMULATED_EVENTS))
        comparison = beside_acled.Comparison(acled.read_export(path), path, run, "run")
        kept = [r for r in SAMPLE_ROWS if in_period(r)]
        self.assertLess(len(kept), len(SAMPLE_ROWS))
        months = comparison.months()
        self.assertEqual([str(m) for m in months.index], [f"2022-{m:02d}" for m in range(1, 13)])
        self.assertEqual(months[("ACLED", "events")].sum(), len(kept))
        self.assertEqual(months[("ACLED", "fatalities")].sum(), sum(r[13] for r in kept))
        self.assertEqual(months.at[months.index[0], ("ACLED", "events")],
                         sum(r[0].startswith("2022-01") for r in kept))
        self.assertEqual(months.at[months.index[0], ("simulated", "events")], 2)
        self.assertEqual(months.at[months.index[2], ("simulated", "fatalities")], 1)
        regions = comparison.breakdown("admin1")
        self.assertEqual(regions.at["Mopti", ("ACLED", "fatalities")],
                         sum(r[13] for r in kept if r[8] == "Mopti"))
        self.assertNotIn("Sahel", regions.index)  # Burkina Faso's
        # ACLED's Menaka and Timbuktu are the simulation's Ménaka and Tombouctou.
        self.assertEqual(regions.at["Ménaka", ("ACLED", "events")],
                         sum(r[8] == "Menaka" for r in kept))
        self.assertEqual(regions.at["Tombouctou", ("ACLED", "events")],
                         sum(r[8] == "Timbuktu" for r in kept))
        self.assertNotIn("Menaka", regions.index)
        cercles = comparison.breakdown("admin2")
        self.assertIsNone(cercles)
        self.assertEqual(comparison.missing("admin2"), beside_acled.NOT_IN_SIMULATED)
        actors = comparison.breakdown("actor")
        self.assertEqual(actors.at[JNIM, ("ACLED", "events")],
                         sum(JNIM in (r[3], r[5]) for r in kept))

    def test_a_simulated_events_csv_with_acleds_columns_gets_every_panel(self):
        run = inputs.RunDir(write_run(os.path.join(self.directory.name, "run"),
                                      export_text(style="text")))
        path = self.export("export.csv", export_text(style="numeric"))
        comparison = beside_acled.Comparison(acled.read_export(path), path, run, "run")
        for _, column in beside_acled.BREAKDOWNS:
            table = comparison.breakdown(column)
            self.assertIsNotNone(table, column)
            # The same rows on both sides: the same counts.
            self.assertEqual(list(table[("simulated", "events")]),
                             list(table[("ACLED", "events")]), column)


class MalformedExportTest(unittest.TestCase):
    """A malformed export: exit status 2, the file, line and column named,
    and nothing written in the run directory."""

    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.addCleanup(self.directory.cleanup)
        self.run_dir = write_run(os.path.join(self.directory.name, "run"), SIMULATED_EVENTS)
        self.before = sorted(os.listdir(self.run_dir))

    def report(self, text, command=None):
        export = os.path.join(self.directory.name, "export.csv")
        write(export, text)
        result = subprocess.run((command or [sys.executable, "-B", REPORT_PY]) +
                                [self.run_dir, "--acled", export], capture_output=True, text=True)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(sorted(os.listdir(self.run_dir)), self.before)  # no report.html, no plots/
        return export, result.stderr

    def test_a_missing_column_is_named(self):
        columns = [c for c in COLUMNS if c != "fatalities"]
        export, message = self.report(export_text(columns=columns))
        self.assertIn(f"{export}:1: error: fatalities: ", message)

    def test_a_bad_date_names_its_line(self):
        rows = list(SAMPLE_ROWS)
        rows[5] = ("2022-02-30",) + rows[5][1:]
        text = export_text(rows=rows)
        # Each row's note spans two lines: row 5 starts on line 2 + 2·5.
        export, message = self.report(text)
        field = COLUMNS.index("event_date") + 1
        self.assertIn(f"{export}:12:{field}: error: event_date: cannot read the date "
                      "'2022-02-30'", message)

    def test_non_numeric_fatalities_are_named_by_the_engine_too(self):
        rows = list(SAMPLE_ROWS)
        rows[0] = rows[0][:13] + ("many",)
        export, message = self.report(export_text(rows=rows).replace("\n", "\r\n"),
                                      command=[pocsim_binary(), "report"])
        field = COLUMNS.index("fatalities") + 1
        self.assertIn(f"{export}:2:{field}: error: fatalities: 'many' is not a whole number",
                      message)

    def test_an_unknown_actor_type_is_named(self):
        text = export_text().replace("Muslims,,2,", "Muslims,,9,", 1)
        _, message = self.report(text)
        self.assertIn(": error: inter1: '9' is no ACLED actor type", message)


class BesideAcledPageTest(unittest.TestCase):
    """The section on the page of a run and of a sweep, the engine's own."""

    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.TemporaryDirectory()
        cls.export = os.path.join(cls.directory.name, "export.csv")
        write(cls.export, export_text(style="text"))
        cls.binary = pocsim_binary()
        base = os.path.join(cls.directory.name, "short.yaml")
        write(base, f"base: {REPOSITORY}/scenarios/mali_2022/baseline.yaml\n"
                    "set: {scenario.duration_days: 59}\n")
        cls.run_dir = os.path.join(cls.directory.name, "run")
        subprocess.run([cls.binary, "run", base, "--out", cls.run_dir, "--quiet"], check=True)
        write(os.path.join(cls.directory.name, "sweep.yaml"),
              "sweep:\n  name: beside\n  scenario: short.yaml\n  replications: 1\n"
              "axes:\n  - key: flights.delay_hours\n    values: [24, 168]\n")
        cls.sweep_dir = os.path.join(cls.directory.name, "sweep")
        subprocess.run([cls.binary, "sweep", os.path.join(cls.directory.name, "sweep.yaml"),
                        "--out", cls.sweep_dir, "--quiet"], check=True)

    @classmethod
    def tearDownClass(cls):
        cls.directory.cleanup()

    def report(self, directory, *options):
        result = subprocess.run([self.binary, "report", directory, "--quiet", "--acled",
                                 self.export, *options], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("failed", result.stderr)  # no plot failed
        with open(os.path.join(directory, "report.html"), encoding="utf-8") as f:
            return f.read()

    def assert_section(self, directory, page):
        self.assertIn("<h2>Beside ACLED</h2>", page)
        self.assertIn("ships no ACLED data", page)
        for name in ("acled_months", "acled_places", "acled_types", "acled_actors",
                     "acled_maps"):
            self.assertIn(f'<figure id="{name}">', page)
            self.assertGreater(os.path.getsize(os.path.join(directory, "plots",
                                                            f"{name}.png")), 10000)
        # Only January and February 2022, the 59 days simulated.
        kept = [r for r in SAMPLE_ROWS if r[7] == "Mali" and "2022-01-01" <= r[0] <= "2022-02-28"]
        self.assertIn(f"{len(kept)} of its {len(SAMPLE_ROWS)} rows", page)
        self.assertIn("<td>2022-02</td>", page)
        self.assertNotIn("<td>2022-03</td>", page)
        with open(os.path.join(directory, "events.csv") if os.path.isfile(
                os.path.join(directory, "events.csv")) else os.path.join(
                directory, "samples", "0", "events.csv"), encoding="utf-8") as f:
            header = f.readline().strip().split(",")
        if "admin2" not in header:
            self.assertIn("Cercle (admin2): not in this events.csv.", page)

    def test_a_run_directory(self):
        self.assert_section(self.run_dir, self.report(self.run_dir))

    def test_a_sweep_directory_uses_the_variant_named(self):
        page = self.report(self.sweep_dir)
        self.assert_section(self.sweep_dir, page)
        self.assertIn("variant flights.delay_hours=24, replicate 0 (samples/0/events.csv)", page)
        page = self.report(self.sweep_dir, "--acled-variant", "flights.delay_hours=168")
        self.assertIn("replicate 0 (samples/1/events.csv)", page)

    def test_an_unknown_variant_is_an_error(self):
        result = subprocess.run([self.binary, "report", self.sweep_dir, "--acled", self.export,
                                 "--acled-variant", "no_such"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 2)
        self.assertIn("no variant 'no_such'", result.stderr)


class SampleFileTest(unittest.TestCase):
    def test_the_shipped_sample_is_the_tests_export(self):
        """tests/data/acled_sample.csv (the issue's example) is SAMPLE_ROWS'
        numeric export, and reads."""
        with open(SAMPLE, encoding="utf-8") as f:
            self.assertEqual(f.read(), export_text(style="numeric"))
        self.assertEqual(len(acled.read_export(SAMPLE)), len(SAMPLE_ROWS))


if __name__ == "__main__":
    if sys.argv[1:] == ["--write-sample"]:
        write(SAMPLE, export_text(style="numeric"))
    else:
        unittest.main()
