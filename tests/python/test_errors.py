# SPDX-License-Identifier: Apache-2.0
"""Bad input raises ScenarioError with every error the command reports, at its place; no
bad file crashes the interpreter."""
from pathlib import Path

import pocsim
import pytest
from conftest import source

BAD_SCENARIOS = sorted(source("tests/data/bad_scenarios").glob("*.yaml"))
BAD_SWEEPS = sorted(source("tests/data/bad_sweeps").glob("*.yaml"))


def located_lines(text):
    return [line for line in text.splitlines() if ": error: " in line]


def test_there_are_bad_files_to_try():
    assert len(BAD_SCENARIOS) > 40 and len(BAD_SWEEPS) > 10


@pytest.mark.parametrize("path", BAD_SCENARIOS, ids=lambda p: p.name)
def test_a_bad_scenario_raises_every_error_the_command_reports(cli, path):
    with pytest.raises(pocsim.ScenarioError) as raised:
        pocsim.load(path)
    error = raised.value
    assert error.errors and all(d.line >= 1 and d.column >= 1 and d.key_path for d in error.errors)
    assert (error.file, error.line, error.column) == (error.errors[0].file, error.errors[0].line,
                                                      error.errors[0].column)
    command = cli("show", path, check=False)
    assert command.returncode == 2
    assert located_lines(str(error)) == located_lines(command.stderr)


@pytest.mark.parametrize("path", BAD_SWEEPS, ids=lambda p: p.name)
def test_a_bad_sweep_raises_every_error_the_command_reports(cli, tmp_path, path):
    with pytest.raises(pocsim.ScenarioError) as raised:
        pocsim.sweep(path, out=tmp_path / "module", progress=False)
    command = cli("sweep", path, "--out", tmp_path / "cli", check=False)
    assert command.returncode == 2
    assert located_lines(str(raised.value)) == located_lines(command.stderr)
    assert all(d.line is not None for d in raised.value.errors)
    assert not (tmp_path / "module").exists()  # nothing half-written


def test_a_bad_override_names_its_key_and_place():
    with pytest.raises(pocsim.ScenarioError) as raised:
        pocsim.load(source("scenarios/teaching/first_run.yaml"), set={"flights.delay_hourz": 3})
    error = raised.value
    assert error.key_path == "flights.delay_hourz"
    assert error.file == "<--set flights.delay_hourz=3>" and error.line == 1
    assert "did you mean 'delay_hours'" in error.message


def test_several_errors_are_all_reported_in_order():
    with pytest.raises(pocsim.ScenarioError) as raised:
        pocsim.load(source("tests/data/bad_scenarios/several_errors.yaml"))
    lines = [d.line for d in raised.value.errors]
    assert len(lines) >= 3 and lines == sorted(lines)


def test_a_syntax_error_keeps_its_excerpt():
    with pytest.raises(pocsim.ScenarioError) as raised:
        pocsim.load(source("tests/data/bad_scenarios/syntax_error.yaml"))
    assert "^" in raised.value.errors[0].excerpt


def test_a_missing_file_is_a_scenario_error(tmp_path):
    missing = Path(tmp_path) / "nowhere.yaml"
    with pytest.raises(pocsim.ScenarioError) as raised:
        pocsim.load(missing)
    assert raised.value.file == str(missing)


def test_a_scenario_given_to_sweep_says_so():
    with pytest.raises(pocsim.ScenarioError) as raised:
        pocsim.sweep(source("scenarios/teaching/first_run.yaml"), progress=False)
    assert "not a sweep file" in raised.value.message


def test_threads_below_one_are_refused():
    with pytest.raises(ValueError):
        pocsim.run(source("scenarios/teaching/first_run.yaml"), threads=0)
