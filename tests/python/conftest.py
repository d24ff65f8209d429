# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures of the Python module's tests. CTest runs them (tests/CMakeLists.txt)
with PYTHONPATH at the built module and POCSIM_BINARY at the built command, whose
outputs the module's must equal; by hand, PYTHONPATH=build/python is enough:

    PYTHONPATH=build/python /usr/bin/python3 -m pytest tests/python
"""
import os
import subprocess
from pathlib import Path

import pytest

SOURCE_DIR = Path(__file__).resolve().parents[2]


def source(relative: str) -> Path:
    return SOURCE_DIR / relative


@pytest.fixture(scope="session")
def pocsim_binary() -> str:
    """POCSIM_BINARY, or the command of the build the module comes from (BUILD/python/pocsim
    and BUILD/cli/pocsim): outputs name their build, so both must come from the same one."""
    binary = os.environ.get("POCSIM_BINARY")
    if not binary:
        import pocsim
        binary = str(Path(pocsim.__file__).resolve().parents[2] / "cli" / "pocsim")
    if not os.access(binary, os.X_OK):
        pytest.fail(f"no pocsim command at {binary}; set POCSIM_BINARY")
    return binary


@pytest.fixture(scope="session")
def cli(pocsim_binary):
    """Runs `pocsim ARGS...`, returning the finished process (stdout, stderr as text)."""
    def run(*args, check=True):
        done = subprocess.run([pocsim_binary, *map(str, args)], capture_output=True, text=True,
                              timeout=600)
        if check and done.returncode != 0:
            raise AssertionError(f"pocsim {' '.join(map(str, args))}: {done.stderr}")
        return done
    return run
