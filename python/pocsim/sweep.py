# SPDX-License-Identifier: Apache-2.0
"""pocsim.sweep: ``pocsim sweep`` in this process, its tables as DataFrames."""
from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path
from typing import Mapping, Optional, Union

import yaml

from . import _core
from .errors import Diagnostic, ScenarioError, diagnostics_from_text
from .progress import progress_display

SweepSpec = Union[str, os.PathLike, Mapping]


class SweepResult:
    """A finished sweep's tables (docs/sweeps.md says what each column means).

    ``runs``: one row per run (runs.csv); ``summary``: each variant's mean and
    95% CI of every outcome (summary.csv); ``differences``: each variant minus
    the reference, paired by seed (differences.csv; None for a Saltelli
    design); ``sobol``: Sobol indices (sobol.csv; None for a grid);
    ``folder``: where the files are, or None when they went to a temporary folder.
    """

    def __init__(self, folder: Path, keep: bool):
        import pandas as pd

        def table(name: str):
            path = folder / name
            return pd.read_csv(path) if path.exists() else None

        self.runs = table("runs.csv")
        self.summary = table("summary.csv")
        self.differences = table("differences.csv")
        self.sobol = table("sobol.csv")
        self.folder = folder if keep else None

    def __repr__(self) -> str:
        runs = 0 if self.runs is None else len(self.runs)
        return f"<pocsim.SweepResult: {runs} runs, folder {self.folder}>"


def _with_absolute_paths(spec: Mapping) -> dict:
    """The sweep as a mapping, its file paths (base scenario, variant files, posterior) made
    absolute against the current folder, so that it can be written anywhere."""
    spec = yaml.safe_load(yaml.safe_dump(dict(spec)))  # a deep copy of plain data
    section = spec.get("sweep")
    if isinstance(section, dict) and isinstance(section.get("scenario"), str):
        section["scenario"] = os.path.abspath(section["scenario"])
    parameters = spec.get("parameters")
    if isinstance(parameters, dict) and isinstance(parameters.get("posterior"), str):
        parameters["posterior"] = os.path.abspath(parameters["posterior"])
    for axis in spec.get("axes") or []:
        for variant in (axis.get("variants") or []) if isinstance(axis, dict) else []:
            if isinstance(variant, dict) and isinstance(variant.get("file"), str):
                variant["file"] = os.path.abspath(variant["file"])
    return spec


def sweep(spec: SweepSpec, out: Optional[Union[str, os.PathLike]] = None,
          jobs: Optional[int] = None, progress: object = True, resume: bool = False,
          force: bool = False) -> SweepResult:
    """Makes a sweep as ``pocsim sweep`` does (the same code, the same files).

    ``spec``: a sweep file, or its content as a mapping (paths in it relative to
    the current folder). ``out``: the sweep's folder (like ``--out``); None
    writes it to a temporary folder that is removed once its tables are read.
    ``jobs``: runs at a time (None: every core). ``progress``: True shows a bar
    in Jupyter or on a terminal, False nothing, or a callable(done, total).
    ``resume``, ``force``: as ``--resume`` and ``--force``. Bad input raises
    ScenarioError; Ctrl-C stops between ticks and raises KeyboardInterrupt,
    the finished runs kept in the folder's journal (``resume=True`` goes on).
    """
    with tempfile.TemporaryDirectory(prefix="pocsim-sweep-") as scratch:
        if isinstance(spec, Mapping):
            file = Path(scratch) / "sweep.yaml"
            file.write_text(yaml.safe_dump(_with_absolute_paths(spec), sort_keys=False))
        else:
            file = Path(spec)
        folder = Path(out) if out is not None else Path(scratch) / "out"
        status, messages = _core.sweep(os.fspath(file), os.fspath(folder), jobs or 0, resume,
                                       force, progress_display(progress))
        if status == 2:
            raise ScenarioError(diagnostics_from_text(messages) or
                                [Diagnostic(None, None, None, None, "the sweep does not start")])
        if status != 0:
            if not (folder / "runs.csv").exists():
                raise RuntimeError(messages.strip())
            warnings.warn(messages.strip(), RuntimeWarning, stacklevel=2)
        return SweepResult(folder, keep=out is not None)
