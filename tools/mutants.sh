#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Mutation testing: plants the one-line bugs listed in tests/mutants/ one at a
# time and reports which the tests kill. See tools/mutants.py --help and
# docs/testing.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/install-deps.sh"
exec /usr/bin/python3 "$root/tools/mutants.py" "$@"
