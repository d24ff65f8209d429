# SPDX-License-Identifier: Apache-2.0
"""events.csv read exactly as an ACLED export is read: the codebook's columns
in order, the dtypes pandas gives an export, and a typical analysis
(fatalities by admin1 and month, events by interaction) that runs unchanged
on a small hand-made file in ACLED's format and on pocsim's output of a short
2022 baseline run. tests/cli/report_test.cpp runs it with the other analysis
tests (the engine from engine_binary.py).

    /usr/bin/python3 -m unittest discover -s analysis/tests
"""
import os
import subprocess
import sys
import tempfile
import unittest

import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from engine_binary import REPOSITORY, pocsim_binary  # noqa: E402

# ACLED's codebook (2024, text actor types), in the order of its exports.
CODEBOOK = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp"]
# The dtypes pandas gives the numeric columns of an ACLED export.
NUMERIC = {"year": "int64", "time_precision": "int64", "iso": "int64", "latitude": "float64",
           "longitude": "float64", "geo_precision": "int64", "fatalities": "int64",
           "timestamp": "int64"}
INTER_LABELS = {"State forces", "Rebel group", "Political militia", "Identity militia",
                "Rioters", "Protesters", "Civilians", "External/Other forces"}

# A few rows as an ACLED export writes them (invented events, not ACLED's data).
SAMPLE = """event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
MLI9001,2022-03-27,2022,1,Political violence,Violence against civilians,Attack,Military Forces of Mali (2021-),Wagner Group,State forces,Civilians (Mali),,Civilians,State forces-Civilians,Civilian targeting,466,Western Africa,Mali,Mopti,Djenne,,Moura,13.8333,-4.5833,1,Local Source,Subnational,"On 27 March 2022, soldiers killed civilians in Moura (Djenne, Mopti).",12,,1700000000
MLI9002,2022-03-30,2022,1,Political violence,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,Rebel group,Military Forces of Mali (2021-),,State forces,State forces-Rebel group,,466,Western Africa,Mali,Mopti,Bandiagara,,Bandiagara,14.35,-3.6167,2,Newspaper,National,"Clash near Bandiagara; 3 killed.",3,,1700000000
MLI9003,2022-04-02,2022,1,Political violence,Explosions/Remote violence,Remote explosive/landmine/IED,Unidentified Armed Group (Mali),,Political militia,MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023),,External/Other forces,Political militia-External/Other forces,,466,Western Africa,Mali,Kidal,Tessalit,,Tessalit,20.2,1.0167,2,UN,International,An IED struck a convoy.,2,,1700000000
MLI9004,2022-04-05,2022,1,Strategic developments,Strategic developments,Looting/property destruction,JNIM: Group for Support of Islam and Muslims,,Rebel group,,,,Rebel group only,,466,Western Africa,Mali,Gao,Ansongo,,Ansongo,15.6597,0.5022,2,Twitter,Local partner-Other,A phone tower was destroyed.,0,,1700000000
"""


def read_acled(path):
    """An ACLED export read the way analysts read it."""
    return pd.read_csv(path, parse_dates=["event_date"])


def typical_analysis(events):
    """Fatalities by admin1 and month, and event counts by interaction."""
    months = events["event_date"].dt.to_period("M")
    fatalities = events.pivot_table(index="admin1", columns=months, values="fatalities",
                                    aggfunc="sum", fill_value=0)
    by_interaction = events.groupby("interaction").size().sort_values(ascending=False)
    return fatalities, by_interaction


class AcledFormat(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.sample = os.path.join(cls.tmp.name, "acled_sample.csv")
        with open(cls.sample, "w", encoding="utf-8") as f:
            f.write(SAMPLE)
        out = os.path.join(cls.tmp.name, "run")
        subprocess.run([pocsim_binary(), "run",
                        os.path.join(REPOSITORY, "scenarios", "mali_2022", "baseline.yaml"),
                        "--set", "scenario.duration_days=60", "--threads", "2", "--quiet",
                        "--out", out], check=True)
        cls.pocsim = os.path.join(out, "events.csv")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check_reads_as_an_export(self, path):
        events = read_acled(path)
        self.assertEqual(list(events.columns[:len(CODEBOOK)]), CODEBOOK)
        self.assertTrue(pd.api.types.is_datetime64_any_dtype(events["event_date"]))
        for column, dtype in NUMERIC.items():
            self.assertEqual(str(events[column].dtype), dtype, column)
        self.assertTrue((events["year"] == events["event_date"].dt.year).all())
        self.assertTrue(set(events["inter1"]) <= INTER_LABELS, set(events["inter1"]))
        self.assertTrue(set(events["inter2"].dropna()) <= INTER_LABELS)
        return events

    def check_analysis(self, events):
        fatalities, by_interaction = typical_analysis(events)
        self.assertEqual(int(fatalities.to_numpy().sum()), int(events["fatalities"].sum()))
        self.assertEqual(set(fatalities.index), set(events["admin1"]))
        self.assertEqual(int(by_interaction.sum()), len(events))

    def test_the_hand_made_export(self):
        events = self.check_reads_as_an_export(self.sample)
        self.check_analysis(events)
        self.assertEqual(int(events["fatalities"].sum()), 17)

    def test_pocsims_events(self):
        events = self.check_reads_as_an_export(self.pocsim)
        self.assertGreater(len(events), 100)
        self.check_analysis(events)
        self.assertEqual(set(events["country"]), {"Mali"})
        self.assertEqual(set(events["iso"]), {466})
        self.assertTrue(events["geo_precision"].isin([1, 2, 3]).all())
        self.assertTrue(events["notes"].str.endswith(".").all())
        # Violence against civilians, and only it, targets civilians.
        violence = events["event_type"] == "Violence against civilians"
        self.assertTrue((events.loc[violence, "civilian_targeting"] == "Civilian targeting").all())
        self.assertTrue(events.loc[~violence, "civilian_targeting"].isna().all())
        self.assertTrue((events.loc[violence, "actor2"] == "Civilians (Mali)").all())
        # The baseline's actors carry ACLED's names, not the factions' short names.
        self.assertIn("Military Forces of Mali (2021-)", set(events["actor1"]))
        self.assertNotIn("FAMa", set(events["actor1"]) | set(events["actor2"].dropna()))
        self.assertIn("State forces-Civilians", set(events["interaction"]))
        # The month pivot covers the run's 60 days, from 1 January to 1 March.
        fatalities, _ = typical_analysis(events)
        self.assertEqual([str(m) for m in fatalities.columns][:2], ["2022-01", "2022-02"])
        self.assertLessEqual(len(fatalities.columns), 3)


if __name__ == "__main__":
    unittest.main()
