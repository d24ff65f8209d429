#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Fuzzes pocsim's readers of user input with libFuzzer (tests/fuzz/,
# docs/testing.md "Fuzzing").
#
#   tools/fuzz.sh READER SECONDS   fuzz one reader for SECONDS
#   tools/fuzz.sh all SECONDS      every reader for SECONDS each, two at a time
#   tools/fuzz.sh --list           the readers
#
# The readers: scenario (a scenario's text, with `base:` variants), sweep,
# targets, calibration, set (`--set KEY=VALUE` lines on a teaching scenario),
# places, outline and boundaries (the regions' and districts' GeoJSON).
#
# Builds the targets with Debian's clang-14 under AddressSanitizer and
# UndefinedBehaviorSanitizer (-DPOCSIM_FUZZ=ON, -O1 as tools/sanitize.sh) in
# $POCSIM_FUZZ_BUILD (default build-fuzz). Each reader starts from every
# shipped file of its kind, the bad-input corpora of tests/data and its
# findings in tests/data/fuzz/READER/, and keeps what it learns in
# BUILD/corpus/READER, where the next run resumes. A finding is a crash, a
# sanitizer's report, an input refused without a placed error
# (tests/fuzz/readers.hpp), a hang, a leak or more than 512 MB: libFuzzer
# keeps the input in BUILD/findings/READER/ and
# the run fails. Fix it and copy the input to tests/data/fuzz/READER/, which
# the suite replays (tests/fuzz/readers_test.cpp). Each reader's log is
# BUILD/logs/READER.log; one line a reader sums it up.
#
# A hang is more than 10 s on one input here, which is about 1 s of a
# Release build: the sanitizers and libFuzzer's coverage make the readers
# about ten times slower (the shipped sweeps: 0.34-1.08 s here, 0.03-0.11 s
# in Release). ASan's quarantine of freed memory is cut from 256 to 64 MB,
# so that the 512 MB limit measures the reader rather than ASan.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${POCSIM_FUZZ_BUILD:-$root/build-fuzz}
readers=(scenario sweep targets calibration set places outline boundaries)

usage() { sed -n '5,7s/^# //p' "$0" >&2; exit 2; }
[ "${1:-}" = "--list" ] && { printf '%s\n' "${readers[@]}"; exit 0; }
[ $# -eq 2 ] || usage
target=$1 seconds=$2
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: SECONDS must be a whole number above 0, got '$seconds'" >&2; exit 2; }
if [ "$target" = all ]; then
  chosen=("${readers[@]}")
elif [[ " ${readers[*]} " == *" $target "* ]]; then
  chosen=("$target")
else
  echo "fuzz.sh: no reader '$target'; the readers are: ${readers[*]}" >&2
  exit 2
fi

# Every file of the reader's kind that the project ships or tests with.
seeds_of() {
  local s=$root/scenarios d=$root/tests/data
  case "$1" in
    scenario) ls "$s"/classic/*.yaml "$s"/mali_20*/*.yaml "$s"/mali_2022/*/*.yaml "$s"/teaching/*.yaml \
                "$d"/bad_scenarios/*.yaml "$d"/seeds/*.yaml | grep -v -e targets -e calibration ;;
    sweep) ls "$s"/sweeps/*.yaml "$d"/bad_sweeps/*.yaml ;;
    targets) ls "$s"/*/targets.yaml "$s"/teaching/calibration_targets.yaml "$d"/bad_targets.yaml \
               "$d"/check_targets.yaml ;;
    calibration) ls "$s"/*/calibration.yaml "$d"/bad_calibrations/*.yaml ;;
    set) ;;  # only its own seeds, tests/data/fuzz/set/
    places) ls "$s"/data/mali_places.yaml "$d"/broken_places.yaml ;;
    outline) ls "$s"/data/mali_outline.geojson "$s"/data/boundaries/mali_adm0_ocha.geojson \
               "$d"/bad_regions/*.geojson ;;
    boundaries) ls "$s"/data/boundaries/*.geojson "$d"/bad_regions/*.geojson ;;
  esac
  ls "$root"/tests/data/fuzz/"$1"/* 2>/dev/null || true
}

"$root/tools/install-deps.sh" fuzz
if [ ! -f "$build/build.ninja" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" -DPOCSIM_FUZZ=ON -DPOCSIM_BUILD_TESTS=OFF \
    -DPOCSIM_BUILD_BENCH=OFF -DPOCSIM_PYTHON=OFF -DPOCSIM_MPI=OFF -DPOCSIM_UNITY_BUILD=ON >/dev/null
fi
cmake --build "$build" --target pocsim_fuzz_targets --parallel "$(nproc)"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=64}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-/usr/bin/llvm-symbolizer-14}

# One reader: seeds copied fresh (the shipped files change), the corpus kept.
fuzz_one() {
  local reader=$1 seeds=$build/seeds/$1 corpus=$build/corpus/$1 findings=$build/findings/$1
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus" "$findings" "$build/logs"
  seeds_of "$reader" | while read -r f; do cp "$f" "$seeds/"; done
  local status=0 started=$SECONDS
  "$build/tests/fuzz/fuzz_$reader" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=512 \
    -malloc_limit_mb=512 -print_final_stats=1 -artifact_prefix="$findings/" \
    "$corpus" "$seeds" >"$build/logs/$reader.log" 2>&1 || status=$?
  summarise "$reader" "$status" $((SECONDS - started))
  return "$status"
}

# "fuzz: READER: N runs in S s (R/s), coverage C edges, F features, corpus K
# inputs, peak M MB: no finding" from libFuzzer's last lines and the time
# the target ran (arguments: reader, exit status, seconds).
summarise() {
  local log=$build/logs/$1.log
  local runs rate rss cov ft corp
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
  read -r cov ft corp < <(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1 |
    awk '{print $2, $4, $6}') || true
  local verdict="no finding"
  [ "$2" -eq 0 ] || verdict="FINDING (exit $2): see $log and $build/findings/$1/"
  echo "fuzz: $1: ${runs:-?} runs in $3 s (${rate:-?}/s), coverage ${cov:-?} edges," \
    "${ft:-?} features, corpus ${corp:-?} inputs, peak ${rss:-?} MB: $verdict"
}

# Two at a time: each target is one process on one core.
failed=0
running=0
for reader in "${chosen[@]}"; do
  if [ "$running" -ge 2 ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
  fuzz_one "$reader" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
exit "$failed"
