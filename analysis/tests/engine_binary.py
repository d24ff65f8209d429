# SPDX-License-Identifier: Apache-2.0
"""The pocsim binary for the report's tests that run the engine.

POCSIM_BINARY when set (the C++ test Report.PythonUnitTestsPass sets it to
the binary it was built with); otherwise the repository's own build trees.
A test that needs the engine fails, saying how to point it at one, rather
than being skipped: the engine always exists where these tests run."""
import os

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pocsim_binary():
    """The path of a built pocsim; an AssertionError (a test failure) without one."""
    candidates = [os.environ.get("POCSIM_BINARY", "")] + [
        os.path.join(REPOSITORY, tree, "cli", "pocsim") for tree in ("build-test", "build")]
    for path in candidates:
        if path and os.access(path, os.X_OK):
            return path
    raise AssertionError("no pocsim binary: build it (README) or set POCSIM_BINARY to one")
