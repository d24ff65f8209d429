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

# The `pocsim` of the README's test build (tools/test.sh: Release with MPI),
# so that CI can count the binary it has already built and compare it with
# the history like with like: linking OpenMPI alone costs a process about
# 9 million instructions at start. Tests and the Python module are not
# measured.
CMAKE_OPTIONS = ["-DCMAKE_BUILD_TYPE=Release", "-DPOCSIM_BUILD_TESTS=OFF",
                 "-DPOCSIM_BUILD_BENCH=ON", "-DPOCSIM_PYTHON=OFF", "-DPOCSIM_MPI=ON"]


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
    configure = ["cmake", "-S", str(source), "-B", str(build_dir), "-G", "Ninja", *CMAKE_OPTIONS]
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
