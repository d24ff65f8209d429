# SPDX-License-Identifier: Apache-2.0
"""Unit tests of the report's readers; tests/cli/report_test.cpp runs them.

    /usr/bin/python3 -m unittest discover -s analysis/tests
"""
import os
import sys
import tempfile
import unittest

ANALYSIS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPOSITORY = os.path.dirname(ANALYSIS)
sys.path.insert(0, ANALYSIS)

from pocsim_report import attribution, build, geography, inputs  # noqa: E402
from pocsim_report.style import number  # noqa: E402

EVENTS_HEADER = ("event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,admin1,"
                 "latitude,longitude,fatalities,civilian_fatalities,perpetrator_kind,episode_id,"
                 "detection_hours,request_hours,authorisation_hours,arrival_hours,"
                 "response_mode,outcome\n")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


class Attributions(unittest.TestCase):
    def test_the_shipped_files_owe_odbl_and_natural_earth(self):
        sources = (attribution.sources_in_outline(
            os.path.join(REPOSITORY, "scenarios/data/mali_outline.geojson")) +
                   attribution.sources_in_places(
                       os.path.join(REPOSITORY, "scenarios/data/mali_places.yaml")))
        lines = attribution.attribution_lines(sources)
        self.assertEqual(len(lines), 2, lines)
        self.assertIn("Open Database License (ODbL)", lines[0])
        self.assertEqual(lines[1], "Outline: Natural Earth (public domain).")

    def test_ocha_boundaries_owe_their_cc_by_line_and_unknown_sources_are_quoted(self):
        lines = attribution.attribution_lines(
            ["original dataset: OCHA COD-AB Mali admin1; licence CC BY 4.0", "a survey of 2031"])
        self.assertEqual(lines, [
            "Administrative boundaries: DNCT, DNP / UN OCHA Mali (OCHA COD-AB), CC BY 4.0.",
            "Data: a survey of 2031"])
        self.assertEqual(attribution.credit_text([]), "")


class Provenance(unittest.TestCase):
    def test_the_pocsim_object_and_the_version_of_older_files(self):
        summary = {"pocsim": {"version": "0.2.0", "commit": "abc", "tree": "modified",
                              "build": "Release, GNU 12.2.0"}}
        self.assertEqual(build.provenance_line(summary, "Results produced by"),
                         "Results produced by: pocsim 0.2.0, commit abc, modified; "
                         "build Release, GNU 12.2.0.")
        self.assertEqual(build.provenance_line({"engine_version": "0.1.0", "build": "x"}, "R"),
                         "R: pocsim 0.1.0 (commit not recorded); build x.")
        self.assertEqual(build.provenance_line({}, "R"),
                         "R: by a pocsim that did not say its version.")


class PlacesFile(unittest.TestCase):
    def test_reads_the_shipped_places_and_outline(self):
        g = geography.Geography()
        geography.read_places(os.path.join(REPOSITORY, "scenarios/data/mali_places.yaml"), g)
        geography.read_outline(os.path.join(REPOSITORY, "scenarios/data/mali_outline.geojson"),
                               g)
        self.assertEqual(g.towns["Moura"], (-4.6, 14.328))  # lon, lat
        self.assertIn("Ménaka", g.camps)
        self.assertEqual(g.river[0], "Bamako")
        self.assertIn(["Sévaré", "Mopti"], g.roads)
        # Every town a chain names is a town of the file.
        for chain in g.roads + [g.river, g.camps]:
            self.assertEqual(len(g.chain(chain)), len(chain), chain)
        self.assertGreater(len(g.rings[0]), 10)

    def test_world_files_come_from_the_resolved_scenario_or_the_repository(self):
        with tempfile.TemporaryDirectory() as d:
            resolved = os.path.join(d, "scenario.resolved.yaml")
            write(resolved, "scenario:\n  name: x  # n\nworld:\n"
                  "  outline: /nowhere/mali_outline.geojson  # moved\n"
                  '  places: "/nowhere/mali_places.yaml"  # moved\n  cell_km: 10.0\n')
            self.assertEqual(geography.resolved_world_files(resolved),
                             {"outline": "/nowhere/mali_outline.geojson",
                              "places": "/nowhere/mali_places.yaml"})
            g, note = geography.load_geography(resolved, REPOSITORY)
            self.assertEqual(note, "")
            self.assertTrue(g.rings and g.towns)
            g, note = geography.load_geography(resolved, d)  # no scenarios/data there
            self.assertIn("not found", note)


class Directories(unittest.TestCase):
    def test_kinds(self):
        with tempfile.TemporaryDirectory() as d:
            self.assertIsNone(inputs.directory_kind(d))
            write(os.path.join(d, "summary.json"), "{}")
            self.assertEqual(inputs.directory_kind(d), "run")
            write(os.path.join(d, "manifest.json"), "{}")
            self.assertEqual(inputs.directory_kind(d), "run")  # a manifest alone is not a sweep
            write(os.path.join(d, "plan.csv"), "run_id\n")
            self.assertEqual(inputs.directory_kind(d), "sweep")

    def test_labels_stay_text_and_failed_runs_are_left_out(self):
        with tempfile.TemporaryDirectory() as d:
            write(os.path.join(d, "manifest.json"), '{"axes": ["withdrawal"]}')
            head = "run_id,variant_id,variant,replicate,seed,withdrawal"
            write(os.path.join(d, "plan.csv"),
                  f"{head}\n0,v1,withdrawal=NA,0,1,NA\n1,v0,withdrawal=none,0,1,none\n")
            write(os.path.join(d, "runs.csv"),
                  f"{head},status,error,civilian_deaths.total\n"
                  "0,v1,withdrawal=NA,0,1,NA,ok,,12\n1,v0,withdrawal=none,0,1,none,failed,boom,\n")
            sweep = inputs.SweepDir(d)
            self.assertEqual(sweep.variants(), [("v1", "withdrawal=NA"), ("v0", "withdrawal=none")])
            self.assertEqual(list(sweep.plan["withdrawal"]), ["NA", "none"])
            self.assertEqual(list(sweep.ok_runs["civilian_deaths.total"]), [12])
            self.assertTrue(sweep.summary.empty and sweep.sobol.empty)
            self.assertIsNone(sweep.sample("v1"))

    def test_one_row_per_episode(self):
        with tempfile.TemporaryDirectory() as d:
            write(os.path.join(d, "summary.json"), "{}")
            write(os.path.join(d, "events.csv"), EVENTS_HEADER +
                  "MLI1,2022-01-01,Violence against civilians,Attack,A,Civilians,Mopti,14,-4,3,3,"
                  "jihadist,5,2,,,,none,not_reached\n"
                  "MLI2,2022-01-02,Violence against civilians,Attack,A,Civilians,Mopti,14,-4,1,1,"
                  "jihadist,5,2,,,,none,not_reached\n"
                  "MLI3,2022-01-02,Battles,Armed clash,A,B,Mopti,14,-4,4,0,,,,,,,,\n")
            run = inputs.RunDir(d)
            self.assertEqual(len(run.events), 3)
            self.assertEqual(list(run.episodes()["episode_id"]), [5])
            self.assertTrue(inputs.RunDir(os.path.join(d, "missing")).episodes().empty)


class Numbers(unittest.TestCase):
    def test_format(self):
        self.assertEqual(number(2548), "2,548")
        self.assertEqual(number(77.0), "77")
        self.assertEqual(number(17.46), "17.5")
        self.assertEqual(number(0.4213), "0.421")
        self.assertEqual(number(None), "–")
        self.assertEqual(number(float("nan")), "–")


if __name__ == "__main__":
    unittest.main()
