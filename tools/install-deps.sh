#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian packages pocsim needs, only those that are missing.
# Runs apt-get as root (directly, or through sudo when available).
#
#   install-deps.sh            what the default build, the tests and the demo need
#   install-deps.sh mpi        also OpenMPI, for the MPI build (-DPOCSIM_MPI=ON)
#                              and its tests under mpirun
#   install-deps.sh slurm      also Slurm and MUNGE, for the test that starts a
#                              one-node cluster (tests/slurm/)
#   install-deps.sh web        also ChromeDriver and Selenium, for the tests that
#                              drive `pocsim serve`'s page in Chromium (tests/web/)
#   install-deps.sh fuzz       also clang-14 with libFuzzer and its symbolizer,
#                              for the fuzz targets (tools/fuzz.sh)
#   install-deps.sh bench      also valgrind (callgrind), Google Benchmark's
#                              compare.py and OpenMPI (the build it measures is
#                              the test build's), for the benchmark history
#                              (tools/bench-track.sh)
# tools/test.sh asks for all three groups.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libeigen3-dev libtbb-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev librandom123-dev zlib1g-dev
  libgtest-dev libbenchmark-dev
  # `pocsim serve` (cli/serve_command.cpp): a header-only HTTP server
  libcpp-httplib-dev
  python3 python3-pandas python3-matplotlib python3-yaml
  # the commit of --version; the .deb's dependencies (dpkg-shlibdeps); CITATION.cff's test
  git dpkg-dev python3-jsonschema
  # the report test renders report.html in a headless browser
  chromium
  # `import pocsim` (python/, docs/python.md): the module, its tests, the notebook run headless
  # (scipy: the notebook's t quantile, as the report's over_time.py uses it)
  pybind11-dev python3-dev python3-pytest python3-nbclient python3-ipykernel python3-scipy
)
for group in "$@"; do
  case "$group" in
    mpi) packages+=(libopenmpi-dev openmpi-bin) ;;
    slurm) packages+=(slurm-wlm munge) ;;
    web) packages+=(chromium chromium-driver python3-selenium) ;;
    fuzz) packages+=(clang-14 libclang-rt-14-dev llvm-14) ;;
    bench) packages+=(valgrind libbenchmark-tools libopenmpi-dev openmpi-bin) ;;
    *) echo "install-deps.sh: unknown group '$group' (known: mpi, slurm, web, fuzz, bench)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "pocsim: installing missing Debian packages: ${missing[*]}" >&2
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >&2
