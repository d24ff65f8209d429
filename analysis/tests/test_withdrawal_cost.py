# SPDX-License-Identifier: Apache-2.0
"""Tests of the report's section "What the withdrawals cost", on small
synthetic sweep folders written here; tests/cli/report_test.cpp runs them.

    /usr/bin/python3 -m unittest discover -s analysis/tests
"""
import json
import os
import sys
import tempfile
import unittest

ANALYSIS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ANALYSIS)

from pocsim_report import inputs, withdrawal_cost  # noqa: E402
from quiet_report import report  # noqa: E402

# A 2 × 2 grid as demo.yaml's: flight policy × withdrawals, reference
# (none, none). Variant 2 changes only the flights, so its partners' operation
# days do not move; variants 1 and 3 withdraw the partners.
VARIANTS = [("0", "none", "none"), ("1", "none", "all"), ("2", "24h", "none"),
            ("3", "24h", "all")]
REFERENCE = "0"
SEEDS = 4
OUTCOMES = [outcome for _, outcome, _, _ in withdrawal_cost.OUTCOMES]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def reference_mean(outcome):
    """A made-up reference mean per outcome (shares below 1, the rest larger)."""
    return 0.25 if outcome.endswith(("_held_mean", "_contested_mean", "tension_end")) else \
        10.0 * (OUTCOMES.index(outcome) + 1)


def difference(variant_id, outcome):
    """The made-up paired difference (mean, ci_low, ci_high) of a variant."""
    withdraws = variant_id in ("1", "3")
    if outcome == withdrawal_cost.OPERATION_DAYS:
        return (-0.2 * reference_mean(outcome),) * 3 if withdraws else (0.0, 0.0, 0.0)
    step = 0.1 * reference_mean(outcome) * (1 if withdraws else 0.5)
    return step, step - 0.05 * reference_mean(outcome), step + 0.05 * reference_mean(outcome)


def label(flight, withdrawal):
    return f"flight_delay={flight} withdrawal={withdrawal}"


def write_sweep(directory, outcomes=OUTCOMES, regions_in_runs=True, sample_regions=None):
    """A finished grid sweep folder with the tables the report reads; only
    `outcomes` appear in summary.csv and differences.csv."""
    write(os.path.join(directory, "manifest.json"), json.dumps({
        "sweep": "synthetic", "design": "grid", "axes": ["flight_delay", "withdrawal"],
        "parameters": [], "reference_variant": REFERENCE, "finished": "2026-01-01T00:00:00Z",
        "runs_planned": len(VARIANTS) * SEEDS, "runs_done": len(VARIANTS) * SEEDS}))
    plan = ["run_id,variant_id,variant,replicate,seed,flight_delay,withdrawal"]
    runs = ["run_id,variant_id,variant,replicate,seed,flight_delay,withdrawal,status,error,"
            + ("focus.regions," if regions_in_runs else "") + ",".join(outcomes)]
    run_id = 0
    for variant_id, flight, withdrawal in VARIANTS:
        for replicate in range(SEEDS):
            head = (f"{run_id},{variant_id},{label(flight, withdrawal)},{replicate},"
                    f"{100 + replicate},{flight},{withdrawal}")
            plan.append(head)
            values = [str(reference_mean(o) + difference(variant_id, o)[0]
                          if variant_id != REFERENCE else reference_mean(o)) for o in outcomes]
            runs.append(f"{head},ok,," + ("Gao+Ménaka," if regions_in_runs else "")
                        + ",".join(values))
            run_id += 1
    write(os.path.join(directory, "plan.csv"), "\n".join(plan) + "\n")
    write(os.path.join(directory, "runs.csv"), "\n".join(runs) + "\n")
    summary = ["variant_id,variant,outcome,n,mean,sd,ci_low,ci_high,p5,p50,p95"]
    differences = ["variant_id,variant,reference_variant_id,outcome,n,mean,sd,ci_low,ci_high"]
    for variant_id, flight, withdrawal in VARIANTS:
        for outcome in outcomes:
            mean = reference_mean(outcome)
            if variant_id != REFERENCE:
                d_mean, d_low, d_high = difference(variant_id, outcome)
                mean += d_mean
                sd = 0 if d_low == d_high else 1
                differences.append(f"{variant_id},{label(flight, withdrawal)},{REFERENCE},"
                                   f"{outcome},{SEEDS},{d_mean},{sd},{d_low},{d_high}")
            summary.append(f"{variant_id},{label(flight, withdrawal)},{outcome},{SEEDS},{mean},"
                           f"1,{mean - 1},{mean + 1},{mean},{mean},{mean}")
    write(os.path.join(directory, "summary.csv"), "\n".join(summary) + "\n")
    write(os.path.join(directory, "differences.csv"), "\n".join(differences) + "\n")
    if sample_regions is not None:
        write(os.path.join(directory, "samples", REFERENCE, "summary.json"),
              json.dumps({"focus": {"regions": sample_regions}}))


class WithdrawalCost(unittest.TestCase):
    def test_the_section_compares_the_withdrawal_at_the_reference_flight_policy(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d)
            sweep = inputs.SweepDir(d)
            shown, reference, others = withdrawal_cost.withdrawal_variants(sweep)
            self.assertEqual((shown, reference, others), (["1"], REFERENCE, ["3"]))
            table = withdrawal_cost.cost_table(sweep)
            self.assertEqual(list(table["outcome"]), OUTCOMES)
            row = table.set_index("outcome").loc["focus.civilian_deaths.total"]
            outcome = "focus.civilian_deaths.total"
            self.assertAlmostEqual(row["reference_mean"], reference_mean(outcome))
            self.assertAlmostEqual(row["pct"], 100 * difference("1", outcome)[0]
                                   / reference_mean(outcome))
            self.assertEqual(row["label"], "civilian deaths in Gao and Ménaka")

            page, failures = report(d)
            self.assertEqual(failures, 0)
            self.assertIn("<h2>What the withdrawals cost</h2>", page)
            self.assertIn('<figure id="withdrawal_cost"><img src="data:image/png;base64,', page)
            self.assertTrue(os.path.getsize(os.path.join(d, "plots", "withdrawal_cost.png")) > 0)
            self.assertIn("civilian deaths in Gao and Ménaka", page)
            self.assertIn("1 other variant(s) also change the partners", page)
            self.assertIn("accord.tension_end", page)  # the table names each key

    def test_several_withdrawal_levels_share_the_figure(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d)
            sweep = inputs.SweepDir(d)
            sweep.axes = ["withdrawal"]  # as if the flight policy were not an axis
            shown, _, _ = withdrawal_cost.withdrawal_variants(sweep)
            self.assertEqual(shown, ["1", "3"])
            table = withdrawal_cost.cost_table(sweep)
            figure = withdrawal_cost.figure(sweep, table, "reference")
            self.assertEqual(len(figure.axes), 4)  # headline and channels, each with its numbers
            legend = figure.axes[0].get_legend()
            self.assertEqual([t.get_text() for t in legend.get_texts()],
                             [label("none", "all"), label("24h", "all")])

    def test_the_regions_come_from_a_sample_run_when_runs_csv_lacks_them(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d, regions_in_runs=False, sample_regions="Gao+Ménaka+Kidal")
            self.assertEqual(withdrawal_cost.focus_name(inputs.SweepDir(d)),
                             "Gao, Ménaka and Kidal")
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d, regions_in_runs=False)
            self.assertEqual(withdrawal_cost.focus_name(inputs.SweepDir(d)), "the focus regions")

    def test_missing_outcomes_leave_the_section_out(self):
        older = [o for o in OUTCOMES if not o.startswith(("partners.", "focus."))]
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d, outcomes=older, regions_in_runs=False)
            self.assertTrue(withdrawal_cost.cost_table(inputs.SweepDir(d)).empty)
            page, failures = report(d)
            self.assertEqual(failures, 0)
            self.assertNotIn("What the withdrawals cost", page)
            self.assertFalse(os.path.exists(os.path.join(d, "plots", "withdrawal_cost.png")))
            self.assertIn('<figure id="differences"><img src="data:image/png;base64,', page)

    def test_a_sweep_that_keeps_the_partners_has_no_section(self):
        with tempfile.TemporaryDirectory() as d:
            write_sweep(d)
            path = os.path.join(d, "differences.csv")
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
            kept = [line for line in lines
                    if withdrawal_cost.OPERATION_DAYS not in line or line.startswith("2,")]
            write(path, "\n".join(kept) + "\n")  # only the flight variant has the outcome
            page, failures = report(d)
            self.assertEqual(failures, 0)
            self.assertNotIn("What the withdrawals cost", page)

    def test_numbers_in_the_outcomes_units(self):
        row = {"unit": "share", "reference_mean": 0.068, "mean": 0.015, "ci_low": 0.014,
               "ci_high": 0.016, "sd": 0.001, "pct": 22.0}
        self.assertEqual(withdrawal_cost.reference_text(row), "6.8%")
        self.assertEqual(withdrawal_cost.difference_text(row), "+1.5 pts [+1.4, +1.6]")
        row = {"unit": "count", "reference_mean": 6118.0, "mean": -1357.0, "ci_low": -1357.0,
               "ci_high": -1357.0, "sd": 0.0, "pct": -22.2}
        self.assertEqual(withdrawal_cost.difference_text(row), "-1,357 (same in every pair)")
        self.assertEqual(withdrawal_cost.percent_text(row), "-22%")
        row = {"unit": "hours", "reference_mean": 13.25, "mean": 0.0, "ci_low": -0.74,
               "ci_high": 0.74, "sd": 2.0, "pct": 0.0}
        self.assertEqual(withdrawal_cost.difference_text(row), "0.0 h [-0.7, +0.7]")
        self.assertEqual(withdrawal_cost.percent_text(row), "0%")


if __name__ == "__main__":
    unittest.main()
