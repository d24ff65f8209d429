# SPDX-License-Identifier: Apache-2.0
"""What progress= asks for: a callable as given, a line on a terminal, nothing where no one sees it."""
import io
import sys

from pocsim.progress import TerminalProgress, progress_display


def test_the_terminal_line_counts_runs_and_ends_when_all_are_done(monkeypatch):
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    show = TerminalProgress()
    show(0, 0)  # before the runs start
    assert stderr.getvalue() == ""
    show(3, 6)
    show(3, 6)  # nothing new: no redraw
    assert stderr.getvalue().count("\r") == 1 and "3/6 runs" in stderr.getvalue()
    show(6, 6)
    assert stderr.getvalue().endswith("\n") and "6/6 runs" in stderr.getvalue()


def test_progress_shows_nowhere_without_a_terminal_or_jupyter(monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # not a terminal
    assert progress_display(True) is None
    assert progress_display(False) is None
    mine = lambda done, total: None  # noqa: E731
    assert progress_display(mine) is mine
