# SPDX-License-Identifier: Apache-2.0
"""The machine a result was measured on, and the build it measured.

Times are compared only between results of the same machine id; instruction
counts only between results of the same instruction configuration (compiler
and the vector path the engine picks at start), since the code executed
depends on both and on nothing else of the machine.
"""
import os
import platform
import re
import subprocess
from pathlib import Path


def _cpu_info():
    """The first CPU's model name and flags, as /proc/cpuinfo lists them."""
    model, flags = None, set()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            key, _, value = line.partition(":")
            key = key.strip()
            if key == "model name" and model is None:
                model = value.strip()
            elif key == "flags" and not flags:
                flags = set(value.split())
    except OSError:
        pass
    return model or platform.machine() or "unknown", flags


def simd_path():
    """The path the engine's dispatch (rng_batch.cpp, vector_clones.hpp)
    takes here: AVX2 where the CPU has it, else the SSE2 baseline of x86-64."""
    return "avx2" if "avx2" in _cpu_info()[1] else "sse2"


def machine_context():
    model, _ = _cpu_info()
    cores = os.cpu_count() or 1
    slug = re.sub(r"[^a-z0-9]+", "-", model.lower()).strip("-") or "unknown"
    return {
        "id": f"{slug}-{cores}c",
        "cpu": model,
        "cores": cores,
        "simd": simd_path(),
        "system": f"{platform.system()} {platform.release()}",
    }


def compiler_of(build_dir):
    """'GNU 12.2.0' from the compiler CMake found for the build."""
    for found in sorted(Path(build_dir, "CMakeFiles").glob("*/CMakeCXXCompiler.cmake")):
        text = found.read_text()
        ident = re.search(r'set\(CMAKE_CXX_COMPILER_ID "([^"]*)"\)', text)
        version = re.search(r'set\(CMAKE_CXX_COMPILER_VERSION "([^"]*)"\)', text)
        if ident and version:
            return f"{ident.group(1)} {version.group(1)}"
    return "unknown"


def valgrind_version():
    try:
        return subprocess.run(["valgrind", "--version"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def links_mpi(binary):
    """Whether the binary loads OpenMPI at start (a build with POCSIM_MPI):
    part of what an instruction count is comparable with."""
    try:
        done = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return False
    return "libmpi" in done.stdout


def engine_is_pic(build_dir):
    """Whether the build compiles the engine with -fPIC (a build with the
    Python module), read off ninja's command for one engine source."""
    try:
        done = subprocess.run(["ninja", "-C", str(build_dir), "-t", "commands", "cli/pocsim"],
                              capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return False
    engine = next((line for line in done.stdout.splitlines() if "/engine/src/" in line), "")
    return "-fPIC" in engine.split()


def instruction_config(build_dir, pocsim):
    """What instruction counts are compared under: the compiler, the vector
    path, whether the engine is position-independent code and whether
    OpenMPI is linked (docs/performance.md)."""
    return {"compiler": compiler_of(build_dir), "simd": simd_path(), "mpi": links_mpi(pocsim),
            "pic": engine_is_pic(build_dir), "valgrind": valgrind_version()}
