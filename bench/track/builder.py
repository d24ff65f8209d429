# SPDX-License-Identifier: Apache-2.0
"""Building a commit in Release for measuring: the `pocsim` command line
(the instruction-count workloads) and, where the commit has it, the
benchmark binary.

A commit other than the working tree is checked out in one worktree under
.bench-track/ and built in one build folder beside it, reused from commit to
commit: ninja then rebuilds only what changed, which makes a backfill over
many commits affordable on two cores.
"""
import shutil
import subprocess
from pathlib import Path

from history import git

# The `pocsim` a user builds (tools/build.sh, tools/test.sh): Release, with
# the Python module's CMake options in force where pybind11 is installed,
# which compile the engine as position-independent code (python/), and with
# MPI as the README's test build has it. CI counts the binary its test build
# has already made, so the history must come from the same compiler flags:
# -fPIC alone changes what the compiler inlines (the Epstein workload by 6%),
# and linking OpenMPI costs a process about 4 million instructions at start.
# Only the `pocsim` and benchmark targets are built.
CMAKE_OPTIONS = ["-DCMAKE_BUILD_TYPE=Release", "-DPOCSIM_BUILD_TESTS=OFF",
                 "-DPOCSIM_BUILD_BENCH=ON", "-DPOCSIM_MPI=ON"]


class BuildFailed(RuntimeError):
    pass


def _run(argv, log_file):
    with open(log_file, "a") as log:
        log.write("$ " + " ".join(argv) + "\n")
        log.flush()
        return subprocess.run(argv, stdout=log, stderr=subprocess.STDOUT).returncode == 0


def checkout(root, commit, state_dir):
    """The source tree of `commit`: a detached worktree at state_dir/src."""
    source = Path(state_dir) / "src"
    if not (source / ".git").exists():
        shutil.rmtree(source, ignore_errors=True)
        git(root, "worktree", "prune")
        git(root, "worktree", "add", "--detach", "-f", str(source), commit)
    else:
        git(source, "checkout", "--detach", "-f", "-q", commit)
        git(source, "clean", "-fdxq")
    return source


def build(source, build_dir, jobs, log_file):
    """Configures and builds; returns (pocsim, pocsim_bench or None).
    A folder configured by another commit that no longer configures is
    started afresh once."""
    build_dir = Path(build_dir)
    # -U: a folder configured before with the Python module off takes the
    # default again
    configure = ["cmake", "-S", str(source), "-B", str(build_dir), "-G", "Ninja", *CMAKE_OPTIONS,
                 "-UPOCSIM_PYTHON"]
    if not _run(configure, log_file):
        shutil.rmtree(build_dir, ignore_errors=True)
        if not _run(configure, log_file):
            raise BuildFailed("cmake could not configure it")
    ninja = ["nice", "ninja", "-C", str(build_dir), f"-j{jobs}"]
    if not _run(ninja + ["pocsim"], log_file):
        raise BuildFailed("the pocsim target did not build")
    bench = build_dir / "bench" / "pocsim_bench"
    if not _run(ninja + ["pocsim_bench"], log_file):
        bench = None
    return build_dir / "cli" / "pocsim", bench


def is_dirty(root):
    return bool(git(root, "status", "--porcelain", "--untracked-files=no"))
