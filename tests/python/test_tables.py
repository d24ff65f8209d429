# SPDX-License-Identifier: Apache-2.0
"""Result's tables hold what its files hold: the same columns in the same order, the dtypes
pandas reads from the files, the same values."""
import json

import numpy as np
import pandas as pd
import pocsim
import pytest
from conftest import source


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    result = pocsim.run(source("scenarios/teaching/flight_delay.yaml"), seed=5)
    folder = tmp_path_factory.mktemp("run")
    result.save(folder)
    return result, folder


def header(path):
    with open(path, encoding="utf-8") as f:
        return f.readline().rstrip("\n").split(",")


def test_timeseries_has_the_files_columns_and_dtypes(saved):
    result, folder = saved
    from_file = pd.read_csv(folder / "timeseries.csv")
    assert list(result.timeseries.columns) == header(folder / "timeseries.csv")
    assert result.timeseries.dtypes.to_dict() == from_file.dtypes.to_dict()
    assert len(result.timeseries) == len(from_file) > 0


def test_timeseries_values_are_the_files_at_full_precision(saved):
    result, folder = saved
    from_file = pd.read_csv(folder / "timeseries.csv")
    table = result.timeseries
    for column in table.columns:
        if table[column].dtype == np.float64:  # the file rounds measures to 4 decimals
            np.testing.assert_allclose(table[column], from_file[column], rtol=0, atol=5e-5)
        else:
            assert table[column].tolist() == from_file[column].tolist(), column
    assert table.select_dtypes("int64").shape[1] > 1  # counts stay integers


def test_events_have_the_files_columns_and_dtypes(saved):
    result, folder = saved
    from_file = pd.read_csv(folder / "events.csv")
    assert len(result.events) > 0
    assert list(result.events.columns) == header(folder / "events.csv")
    assert result.events.dtypes.to_dict() == from_file.dtypes.to_dict()
    pd.testing.assert_frame_equal(result.events, from_file)


def test_summary_is_summary_json(saved):
    result, folder = saved
    with open(folder / "summary.json", encoding="utf-8") as f:
        assert result.summary == json.load(f)


def test_outcomes_are_the_summarys_numbers_by_dotted_name(saved):
    result, _ = saved
    deaths = result.summary["civilian_deaths"]
    assert result.outcomes["civilian_deaths.total"] == deaths["total"]
    for region, count in deaths["by_region"].items():
        assert result.outcomes[f"civilian_deaths.by_region.{region}"] == count


def test_to_dict_is_the_resolved_scenario():
    scenario = pocsim.load(source("scenarios/teaching/flight_delay.yaml"),
                           set={"flights.delay_hours": 72})
    resolved = scenario.to_dict()
    assert resolved["flights"]["delay_hours"] == 72
    assert resolved["scenario"]["name"] == scenario.name == "flight_delay"
    assert "medevac" in resolved  # a section the file leaves out, with its defaults
    assert pocsim.show(source("scenarios/teaching/flight_delay.yaml")).startswith("scenario:")


def test_set_takes_python_values_as_yaml():
    scenario = pocsim.load(source("scenarios/mali_2022/baseline.yaml"),
                           set={"flights.delay_hours": np.int64(48),
                                "factions.Barkhane.withdrawal_date": None,
                                "flights.authorisation_required": False})
    resolved = scenario.to_dict()
    barkhane = next(f for f in resolved["factions"] if f["name"] == "Barkhane")
    assert barkhane["withdrawal_date"] is None
    assert resolved["flights"]["delay_hours"] == 48
    assert resolved["flights"]["authorisation_required"] is False
    assert scenario.overrides[0] == "flights.delay_hours=48"
