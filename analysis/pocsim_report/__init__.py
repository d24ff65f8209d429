# SPDX-License-Identifier: Apache-2.0
"""The report of a pocsim run or sweep directory: PNG plots and one HTML page.

Only pandas, matplotlib (Agg) and numpy: the Debian packages that
tools/install-deps.sh installs.
"""
