# SPDX-License-Identifier: Apache-2.0
"""The calibration report's reading: which folders are calibrations, and the
weighted quantile it shares with pocsim's predictive.csv; tests/cli/
report_test.cpp runs them with the others.

    /usr/bin/python3 -m unittest discover -s analysis/tests
"""
import os
import sys
import tempfile
import unittest

ANALYSIS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ANALYSIS)

from pocsim_report import calibration, inputs  # noqa: E402


class WeightedQuantile(unittest.TestCase):
    def test_smallest_value_whose_cumulative_weight_reaches_p(self):
        # Sorted: 1 (weight 0.5), 2 (0.3), 3 (0.2); cumulative 0.5, 0.8, 1.
        values, weights = [3.0, 1.0, 2.0], [0.2, 0.5, 0.3]
        self.assertEqual(calibration.weighted_quantile(values, weights, 0.05), 1.0)
        self.assertEqual(calibration.weighted_quantile(values, weights, 0.5), 1.0)
        self.assertEqual(calibration.weighted_quantile(values, weights, 0.6), 2.0)
        self.assertEqual(calibration.weighted_quantile(values, weights, 0.95), 3.0)

    def test_weights_need_not_sum_to_one(self):
        self.assertEqual(calibration.weighted_quantile([1.0, 2.0], [2.0, 2.0], 0.75), 2.0)


class DirectoryKind(unittest.TestCase):
    def test_manifest_and_posterior_make_a_calibration(self):
        with tempfile.TemporaryDirectory() as folder:
            for name in ("manifest.json", "posterior.csv"):
                with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                    f.write("{}" if name.endswith("json") else "particle,weight\n")
            self.assertEqual(inputs.directory_kind(folder), "calibration")
            os.remove(os.path.join(folder, "posterior.csv"))
            self.assertIsNone(inputs.directory_kind(folder))


if __name__ == "__main__":
    unittest.main()
