# SPDX-License-Identifier: Apache-2.0
"""pocsim.run and its Result: one run's outcomes, as tables and as the files of ``pocsim run``."""
from __future__ import annotations

import io
import json
import os
from functools import cached_property
from typing import Optional, Union

from . import _core
from .progress import progress_display
from .scenario import Scenario, load


class Result:
    """The outcomes of one run (made by :func:`pocsim.run`); each table is built on first use."""

    def __init__(self, core: _core.RunOutcomes, scenario: Scenario, seed: int):
        self._core = core
        self.scenario = scenario  # what ran
        self.seed = seed          # the seed it ran with

    @cached_property
    def summary(self) -> dict:
        """summary.json as nested dicts: ``summary["civilian_deaths"]["total"]``."""
        return json.loads(self._core.summary_json())

    @cached_property
    def outcomes(self) -> dict:
        """Every number of the summary by its dotted name (runs.csv's columns of a sweep):
        ``outcomes["civilian_deaths.by_region.Mopti"]``; flags are 1 or 0, nulls NaN."""
        return dict(self._core.numbers())

    @cached_property
    def timeseries(self):
        """timeseries.csv as a DataFrame: one row per day and region, the file's columns in
        its order; counts int64, measures float64 at full precision (the file rounds them
        to 4 decimals), date and region text."""
        import pandas as pd
        return pd.DataFrame(self._core.daily_columns())

    @cached_property
    def events(self):
        """events.csv as a DataFrame, parsed by pandas from the same text as the file: the
        same columns and dtypes as ``pandas.read_csv("events.csv")``."""
        import pandas as pd
        return pd.read_csv(io.StringIO(self._core.events_csv()))

    def save(self, folder: Union[str, os.PathLike], force: bool = False) -> None:
        """Writes the files ``pocsim run --out FOLDER`` writes, byte for byte, all or none.
        Raises FileExistsError when the folder holds a run's files, unless ``force``."""
        self._core.save(os.fspath(folder), force)

    def __repr__(self) -> str:
        return f"<pocsim.Result of {self.scenario.name!r}, seed {self.seed}>"


def run(scenario: Union[Scenario, str, os.PathLike], seed: Optional[int] = None,
        threads: Optional[int] = None, progress: object = False) -> Result:
    """Runs a scenario (a Scenario, or a file to load) to its end, as ``pocsim run`` does.

    ``seed`` replaces the scenario's (``--seed``); ``threads`` limits the worker
    threads (``--threads``; None: every core, 1: the serial path). The results
    do not depend on ``threads``. ``progress``: False shows nothing, True a bar
    of days in Jupyter or on a terminal, a callable is called with (days done,
    days). The GIL is released while the engine runs; Ctrl-C stops it between
    two ticks and raises KeyboardInterrupt.
    """
    if not isinstance(scenario, Scenario):
        scenario = load(scenario)
    if threads is not None and threads < 1:
        raise ValueError(f"threads must be at least 1, got {threads}")
    core = _core.run(scenario._core, seed, threads or 0,
                     progress_display(progress, what="pocsim.run", unit="days"))
    return Result(core, scenario, scenario.seed if seed is None else seed)
