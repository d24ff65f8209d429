# SPDX-License-Identifier: Apache-2.0
"""pocsim.sweep makes the sweep `pocsim sweep` makes: the same tables, as DataFrames."""
import filecmp

import pandas as pd
import pocsim
import pytest
from conftest import source

TABLES = ["plan.csv", "runs.csv", "summary.csv", "differences.csv"]


def small_sweep(scenario):
    return {"sweep": {"name": "small", "scenario": str(scenario), "replications": 3,
                      "reference": {"delay": "d0"}},
            "axes": [{"name": "delay", "variants": [
                {"name": "d0", "set": {"flights.delay_hours": 0}},
                {"name": "d72", "set": {"flights.delay_hours": 72}}]}]}


@pytest.fixture(scope="module")
def sweep_file(tmp_path_factory):
    import yaml
    path = tmp_path_factory.mktemp("spec") / "small.yaml"
    path.write_text(yaml.safe_dump(small_sweep(source("scenarios/teaching/flight_delay.yaml"))))
    return path


def test_the_folder_is_the_commands(cli, tmp_path, sweep_file):
    cli("sweep", sweep_file, "--out", tmp_path / "cli", "--quiet")
    result = pocsim.sweep(sweep_file, out=tmp_path / "module", jobs=2, progress=False)
    assert result.folder == tmp_path / "module"
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "cli", tmp_path / "module",
                                               TABLES + ["samples/0/summary.json"], shallow=False)
    assert (mismatch, errors) == ([], [])
    for name, table in [("runs.csv", result.runs), ("summary.csv", result.summary),
                        ("differences.csv", result.differences)]:
        pd.testing.assert_frame_equal(table, pd.read_csv(tmp_path / "cli" / name))
    assert result.sobol is None
    assert len(result.runs) == 6 and set(result.runs["status"]) == {"ok"}


def test_a_mapping_runs_like_its_file(tmp_path, sweep_file):
    from_file = pocsim.sweep(sweep_file, out=tmp_path / "file", progress=False)
    from_mapping = pocsim.sweep(small_sweep(source("scenarios/teaching/flight_delay.yaml")),
                                progress=False)
    assert from_mapping.folder is None  # a temporary folder, gone
    pd.testing.assert_frame_equal(from_mapping.differences, from_file.differences)


def test_a_finished_sweep_is_kept_unless_forced(tmp_path, sweep_file):
    pocsim.sweep(sweep_file, out=tmp_path, progress=False)
    with pytest.raises(pocsim.ScenarioError) as raised:
        pocsim.sweep(sweep_file, out=tmp_path, progress=False)
    assert "already holds a finished sweep" in raised.value.message
    assert raised.value.file is None  # not a place in a file
    pocsim.sweep(sweep_file, out=tmp_path, progress=False, force=True)


def test_progress_counts_every_run(sweep_file):
    seen = []
    pocsim.sweep(sweep_file, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (6, 6)
    assert all(done <= total for done, total in seen)


def test_a_sweep_over_a_posterior_gives_its_columns(tmp_path, monkeypatch):
    # The posterior's path is relative to the current folder, as the other paths of a mapping.
    monkeypatch.chdir(source("tests/data"))
    spec = small_sweep(source("scenarios/teaching/flight_delay.yaml"))
    spec["sweep"]["replications"] = 2
    spec["set"] = {"scenario.duration_days": 20}
    spec["parameters"] = {"posterior": "posterior/small.csv", "draws": 3}
    result = pocsim.sweep(spec, progress=False)
    assert len(result.runs) == 2 * 3 * 2
    assert {"draw", "particle", "factions.JNIM.abuse_rate"} <= set(result.runs.columns)
    for table in (result.summary, result.differences):
        assert {"draws", "sd_stochastic", "sd_parameter", "parameter_low", "parameter_high",
                "stochastic_low", "stochastic_high", "total_low", "total_high"} <= set(table)
    deaths = result.differences[result.differences["outcome"] == "civilian_deaths.total"]
    assert list(deaths["draws"]) == [3]
