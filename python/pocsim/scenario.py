# SPDX-License-Identifier: Apache-2.0
"""Loading a scenario: pocsim.load, pocsim.show and the Scenario they give."""
from __future__ import annotations

import os
from typing import Iterable, Mapping, Optional, Union

import yaml

from . import _core
from .errors import Diagnostic, ScenarioError

Overrides = Union[Mapping[str, object], Iterable[str], None]


def _value_text(value: object) -> str:
    """A Python value as the YAML text that --set KEY=TEXT would carry: strings as they are,
    anything else (numbers, None, dates, lists, mappings, numpy scalars) as YAML writes it."""
    if isinstance(value, str):
        return value
    if hasattr(value, "item") and callable(value.item):  # a numpy scalar: its Python value
        value = value.item()
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True)
    return text.removesuffix("...\n").strip()  # a lone scalar ends its document with "..."


def override_texts(overrides: Overrides) -> list[str]:
    """``KEY.PATH=VALUE`` texts, as --set takes them, from a mapping or from such texts."""
    if overrides is None:
        return []
    if isinstance(overrides, Mapping):
        return [f"{key}={_value_text(value)}" for key, value in overrides.items()]
    if isinstance(overrides, str):
        return [overrides]
    return list(overrides)


class Scenario:
    """A validated scenario, every key resolved (defaults filled in, paths absolute).

    Made by :func:`pocsim.load`; :func:`pocsim.run` runs it.
    """

    def __init__(self, core: _core.Scenario, path: str, overrides: list[str]):
        self._core = core
        self.path = path            # the file it was loaded from
        self.overrides = overrides  # the KEY.PATH=VALUE texts applied to it

    @property
    def name(self) -> str:
        return self._core.name

    @property
    def seed(self) -> int:
        return self._core.seed

    @property
    def days(self) -> int:
        return self._core.days

    def to_yaml(self, comments: bool = True) -> str:
        """The resolved scenario as ``pocsim show`` prints it (without its first comment line)."""
        return self._core.to_yaml(comments)

    def to_dict(self) -> dict:
        """The resolved scenario as nested dicts and lists, every key present."""
        return yaml.safe_load(self._core.to_yaml(False))

    def __repr__(self) -> str:
        return f"<pocsim.Scenario {self.name!r} from {self.path!r}, seed {self.seed}>"


def load(path: Union[str, os.PathLike], set: Overrides = None) -> Scenario:  # noqa: A002
    """Reads and checks a scenario file, as ``pocsim run`` and ``pocsim validate`` do.

    ``set`` overrides keys before any check, like ``--set``: a mapping
    ``{"flights.delay_hours": 72}`` or texts ``["flights.delay_hours=72"]``.
    Raises ScenarioError with every error.
    """
    texts = override_texts(set)
    core, errors = _core.load(os.fspath(path), texts)
    if core is None:
        raise ScenarioError([Diagnostic(*e) for e in errors] or
                            [Diagnostic(os.fspath(path), 1, 1, "(file)", "the scenario does not load")])
    return Scenario(core, os.fspath(path), texts)


def show(path: Union[str, os.PathLike], set: Overrides = None) -> str:  # noqa: A002
    """The resolved scenario's YAML, every key with its default and meaning."""
    return load(path, set).to_yaml()
