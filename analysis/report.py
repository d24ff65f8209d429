#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes DIR/report.html and its PNG plots (DIR/plots/) for a pocsim run or
sweep directory. `pocsim report DIR` runs it; it can also run alone:

    /usr/bin/python3 analysis/report.py out/first_run
    /usr/bin/python3 analysis/report.py out/first_run --acled my_acled_export.csv
    /usr/bin/python3 analysis/report.py out/sweeps/demo --acled EXPORT.csv --acled-variant V

Exit status: 0 written (a plot that failed shows as such, with a warning on
stderr), 1 failure, 2 DIR is not a run or sweep directory, or the ACLED
export cannot be read, or --acled-variant names no variant (nothing written).
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True  # leave the source tree as it was
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    from pocsim_report.acled import AcledError
    from pocsim_report.beside_acled import UnknownVariant
    from pocsim_report.build import build_report
    from pocsim_report.inputs import directory_kind
except ImportError as e:
    print(f"report.py: error: {sys.executable} cannot import what the report needs ({e}); "
          "use a Python with pandas, matplotlib and numpy, e.g. Debian's /usr/bin/python3 "
          "(tools/install-deps.sh installs them)", file=sys.stderr)
    sys.exit(1)


def parse(arguments):
    """DIR and the options; a usage error exits with status 2 (argparse)."""
    parser = argparse.ArgumentParser(prog="report.py")
    parser.add_argument("dir", help="a run or sweep directory")
    parser.add_argument("--acled", metavar="EXPORT.csv",
                        help="lay the results beside this ACLED export (section Beside ACLED)")
    parser.add_argument("--acled-variant", metavar="NAME",
                        help="the sweep's variant to lay beside it (default: the reference)")
    options = parser.parse_args(arguments)
    if options.acled_variant is not None and options.acled is None:
        parser.error("--acled-variant needs --acled")
    return options


def main(argv):
    options = parse(argv[1:])
    directory = options.dir
    if not os.path.isdir(directory):
        print(f"{directory}: error: no such directory", file=sys.stderr)
        return 2
    if directory_kind(directory) is None:
        print(f"{directory}: error: neither a run directory (summary.json) nor a sweep "
              "directory (manifest.json and plan.csv) nor a calibration directory "
              "(manifest.json and posterior.csv)", file=sys.stderr)
        return 2
    try:
        build_report(directory, options.acled, options.acled_variant)
    except (AcledError, UnknownVariant) as e:
        print(e, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
