#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes DIR/report.html and its PNG plots (DIR/plots/) for a pocsim run or
sweep directory. `pocsim report DIR` runs it; it can also run alone:

    /usr/bin/python3 analysis/report.py out/first_run

Exit status: 0 written (a plot that failed shows as such, with a warning on
stderr), 1 failure, 2 DIR is not a run or sweep directory.
"""
import os
import sys

sys.dont_write_bytecode = True  # leave the source tree as it was
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    from pocsim_report.build import build_report
    from pocsim_report.inputs import directory_kind
except ImportError as e:
    print(f"report.py: error: {sys.executable} cannot import what the report needs ({e}); "
          "use a Python with pandas, matplotlib and numpy, e.g. Debian's /usr/bin/python3 "
          "(tools/install-deps.sh installs them)", file=sys.stderr)
    sys.exit(1)


def main(argv):
    if len(argv) != 2:
        print("usage: report.py DIR", file=sys.stderr)
        return 2
    directory = argv[1]
    if not os.path.isdir(directory):
        print(f"{directory}: error: no such directory", file=sys.stderr)
        return 2
    if directory_kind(directory) is None:
        print(f"{directory}: error: neither a run directory (summary.json) nor a sweep "
              "directory (manifest.json and plan.csv)", file=sys.stderr)
        return 2
    build_report(directory)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
