# SPDX-License-Identifier: Apache-2.0
"""The report built quietly, for the report's tests: (page text, plotting failures)."""
import contextlib
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pocsim_report import build  # noqa: E402


def report(directory):
    """build_report, quietly; (page text, plotting failures)."""
    with contextlib.redirect_stderr(io.StringIO()):
        path, failures = build.build_report(directory)
    with open(path, encoding="utf-8") as f:
        return f.read(), failures
