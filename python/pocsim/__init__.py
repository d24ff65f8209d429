# SPDX-License-Identifier: Apache-2.0
"""pocsim in Python: scenarios loaded, run and swept by the engine of the ``pocsim``
command, results as pandas DataFrames. docs/python.md is the reference.

    import pocsim
    r = pocsim.run(pocsim.load("scenarios/mali_2022/baseline.yaml"), seed=7)
    r.summary["civilian_deaths"]["total"], r.timeseries, r.events
"""
from ._core import version
from .errors import Diagnostic, ScenarioError
from .result import Result, run
from .scenario import Scenario, load, show
from .sweep import SweepResult, sweep

__all__ = ["Diagnostic", "Result", "Scenario", "ScenarioError", "SweepResult", "load", "run",
           "show", "sweep", "version"]
