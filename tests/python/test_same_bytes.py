# SPDX-License-Identifier: Apache-2.0
"""Result.save writes the bytes `pocsim run` writes, for the same scenario, seed and overrides,
at any thread count."""
import filecmp

import pocsim
import pytest
from conftest import source

RUN_FILES = ["scenario.resolved.yaml", "summary.json", "timeseries.csv", "events.csv"]


def assert_same_files(left, right):
    match, mismatch, errors = filecmp.cmpfiles(left, right, RUN_FILES, shallow=False)
    assert (mismatch, errors) == ([], []), f"differ: {mismatch}, missing: {errors}"


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("scenario,seed", [("scenarios/teaching/first_run.yaml", 3),
                                           ("scenarios/teaching/flight_delay.yaml", 11),
                                           ("scenarios/mali_2022/baseline.yaml", 7)])
def test_save_writes_the_files_of_pocsim_run(cli, tmp_path, scenario, seed, threads):
    cli("run", source(scenario), "--seed", seed, "--threads", threads, "--quiet",
        "--out", tmp_path / "cli")
    result = pocsim.run(pocsim.load(source(scenario)), seed=seed, threads=threads)
    result.save(tmp_path / "module")
    assert_same_files(tmp_path / "cli", tmp_path / "module")


def test_set_is_the_same_as_the_commands_set(cli, tmp_path):
    scenario = source("scenarios/teaching/flight_delay.yaml")
    cli("run", scenario, "--set", "flights.delay_hours=72", "--set", "scenario.duration_days=30",
        "--quiet", "--out", tmp_path / "cli")
    loaded = pocsim.load(scenario, set={"flights.delay_hours": 72, "scenario.duration_days": 30})
    pocsim.run(loaded).save(tmp_path / "module")
    assert_same_files(tmp_path / "cli", tmp_path / "module")
    # The override did something: the default delay gives other results.
    pocsim.run(pocsim.load(scenario, set=["scenario.duration_days=30"])).save(tmp_path / "other")
    assert not filecmp.cmp(tmp_path / "cli" / "summary.json", tmp_path / "other" / "summary.json",
                           shallow=False)


def test_save_refuses_to_replace_a_run_unless_forced(tmp_path):
    result = pocsim.run(source("scenarios/teaching/first_run.yaml"), seed=1)
    result.save(tmp_path)
    with pytest.raises(FileExistsError):
        result.save(tmp_path)
    result.save(tmp_path, force=True)


def test_the_seed_is_the_scenarios_unless_given():
    scenario = pocsim.load(source("scenarios/teaching/first_run.yaml"))
    assert pocsim.run(scenario).seed == scenario.seed
    assert pocsim.run(scenario, seed=scenario.seed + 1).seed == scenario.seed + 1
