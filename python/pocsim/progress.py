# SPDX-License-Identifier: Apache-2.0
"""The progress of a sweep: a bar in Jupyter, a line on a terminal, nothing elsewhere."""
from __future__ import annotations

import sys
import time
from typing import Callable, Optional

Progress = Callable[[int, int], None]


def _in_jupyter() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def _bar(done: int, total: int, unit: str, started: float, width: int = 30) -> str:
    share = done / total if total else 0.0
    filled = int(round(share * width))
    text = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {unit}"
    elapsed = time.monotonic() - started
    if 0 < done < total:
        text += f", about {elapsed / done * (total - done):.0f} s left"
    return text


class TerminalProgress:
    """Redraws one line of stderr, as ``pocsim sweep`` does."""

    def __init__(self, what: str = "pocsim.sweep", unit: str = "runs"):
        self.what, self.unit, self.started, self.shown = what, unit, time.monotonic(), None

    def __call__(self, done: int, total: int) -> None:
        if total == 0 or (done, total) == self.shown:
            return
        self.shown = (done, total)
        sys.stderr.write(f"\r{self.what}: {_bar(done, total, self.unit, self.started)}   ")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


class JupyterProgress:
    """One output line of the cell, updated in place."""

    def __init__(self, what: str = "pocsim.sweep", unit: str = "runs"):
        from IPython.display import display
        self.what, self.unit, self.started, self.shown = what, unit, time.monotonic(), None
        self.handle = display(f"{what}: starting", display_id=True)

    def __call__(self, done: int, total: int) -> None:
        if total == 0 or (done, total) == self.shown:
            return
        self.shown = (done, total)
        self.handle.update(f"{self.what}: {_bar(done, total, self.unit, self.started)}")


def progress_display(progress: object, what: str = "pocsim.sweep",
                     unit: str = "runs") -> Optional[Progress]:
    """What ``progress=`` asks for: a callable as given; True, a bar where someone sees it."""
    if callable(progress):
        return progress
    if not progress:
        return None
    if _in_jupyter():
        return JupyterProgress(what, unit)
    if sys.stderr is not None and sys.stderr.isatty():
        return TerminalProgress(what, unit)
    return None
