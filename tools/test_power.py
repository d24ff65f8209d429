#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The power and false-alarm rate of every statistical test in tests/.

Prints the tables of docs/testing.md ("Statistical tests and their power",
"Equivalence tests") as Markdown, so that they can be redone after a test
changes. Needs Debian's python3-scipy (and numpy).

Usage (from the repository root):
  /usr/bin/python3 tools/test_power.py                      # designs only
  POCSIM_TEST_PAIRED_LOG=/tmp/paired.csv \\
      build/tests/pocsim_tests --gtest_filter='*Teaching*:Combat.*:Partners.*:...'
  /usr/bin/python3 tools/test_power.py --paired-log /tmp/paired.csv

With --paired-log (the file that tests/support/paired.hpp appends to when
POCSIM_TEST_PAIRED_LOG is set) each paired test's smallest detectable effect
is also given in the outcome's own units: the standardized effect times the
standard deviation of the paired differences that the test's own runs showed.

Conventions. A paired test computes t = mean(d) / (sd(d) / sqrt(n)) over n
seeds and requires t > 3 (or < -3). Under no effect t follows Student's t
with n - 1 degrees of freedom, so its false-alarm rate is P(t_{n-1} > 3).
For a true standardized effect delta = E(d) / sd(d), t follows the noncentral
t with n - 1 degrees of freedom and noncentrality delta * sqrt(n); the design's
80%-power effect is the delta with P(t > 3) = 0.8.
"""
import argparse
import csv
import math
import os
import sys

import numpy as np
from scipy import optimize, stats

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
POWER = 0.8

# Every call of test::paired_z in tests/, in the order the test makes them:
# (test, call, seeds, figure compared, the difference b - a, the sign required).
PAIRED = [
    ("Combat.AreaFireKillsMoreCiviliansInTheCrossfireOverSeeds", 0, 30,
     "civilians killed in crossfire", "area - aimed fire", +1),
    ("RecruitmentTeaching.StateAbuseFillsTheJihadistsRanks", 0, 20,
     "JNIM recruits", "FAMa abuse 0.1 - 0.02", +1),
    ("DisplacementTeaching.ALowerRiskThresholdDisplacesMorePeople", 0, 20,
     "displaced at the peak", "flee_risk file's - 0.003", +1),
    ("FlightAuthorisation.LongerDelaysCostLivesAndSlowArrivals", 0, 30,
     "deaths in reachable incidents", "24 h - 0 h", +1),
    ("FlightAuthorisation.LongerDelaysCostLivesAndSlowArrivals", 1, 30,
     "deaths in reachable incidents", "72 h - 24 h", +1),
    ("FlightAuthorisation.LongerDelaysCostLivesAndSlowArrivals", 2, 30,
     "deaths in reachable incidents", "168 h - 72 h", +1),
    ("PresenceDeterrenceTeaching.PatrolsDeterJihadistRaids", 0, 20,
     "violent episodes", "no deterrence - deterrence", +1),
    ("PresenceDeterrenceTeaching.PatrolsDeterJihadistRaids", 1, 20,
     "civilians killed by JNIM", "no deterrence - deterrence", +1),
    ("PhoneReportsTeaching.CallsShortenDetectionAndSaveLives", 0, 20,
     "mean detection hours", "no calls - calls", +1),
    ("PhoneReportsTeaching.CallsShortenDetectionAndSaveLives", 1, 20,
     "deaths in reachable incidents", "no calls - calls", +1),
    ("Investigations.RefusalsBlockInvestigators", 0, 30,
     "investigations blocked", "refusal 0.5 - 0", +1),
    ("Investigations.RefusalsBlockInvestigators", 1, 30,
     "investigations done", "refusal 0.5 - 0", -1),
    ("Medevac.TheExemptionShortensTheWaitAndSavesTheWounded", 0, 30,
     "mean medevac wait (h)", "exempt - not exempt", -1),
    ("Medevac.TheExemptionShortensTheWaitAndSavesTheWounded", 1, 30,
     "peacekeepers dead of wounds", "exempt - not exempt", -1),
    ("AccordTeaching.WithoutThePartnersDeterrenceTensionRisesAndTheAccordCollapses", 0, 20,
     "accord tension at the end", "Barkhane leaves - stays", +1),
    ("Partners.WithdrawingAllPartnersRaisesDetectionLatencyAndDeaths", 0, 30,
     "mean detection hours", "withdrawn - present", +1),
    ("Partners.WithdrawingAllPartnersRaisesDetectionLatencyAndDeaths", 1, 30,
     "deaths in reachable incidents", "withdrawn - present", +1),
    ("Partners.EachChannelContributes", 0, 30,
     "deaths in reachable incidents", "no ISR - present", +1),
    ("Partners.EachChannelContributes", 1, 30,
     "deaths in reachable incidents", "no helicopters - present", +1),
    ("Partners.EachChannelContributes", 2, 30,
     "deaths in reachable incidents", "no logistics - present", +1),
    ("Partners.EachChannelContributes", 3, 30,
     "mean detection hours", "no ISR - present", +1),
    ("IedTeaching.RiskRisingWhereJihadistsHoldTheGroundMeansMoreStrikes", 0, 20,
     "IED attacks", "factor 20 - 1", +1),
    ("IedTeaching.RiskRisingWhereJihadistsHoldTheGroundMeansMoreStrikes", 1, 20,
     "peacekeepers killed by IEDs", "factor 20 - 1", +1),
    ("MouraReplay.TollEmergesAndTheAuthorisationRequirementKeepsPeacekeepersAway", 0, 30,
     "civilians killed by the operation", "replay - no authorisation", +1),
]

# Count checks: (test, what is counted, seeds, kind, k): kind ">=" passes when
# at least k of the seeds show it, "<=" when at most k do.
COUNTS = [
    ("MouraReplay.TollEmerges...", "peacekeepers reach Moura within the 5 days (replay)",
     30, "<=", 3),
    ("MouraReplay.TollEmerges...", "arrival within 24 h (no authorisation)", 30, ">=", 27),
    ("OgossagouReplay.ResponseTimeEmerges...", "an arrival in the replay", 20, ">=", 20),
    ("OgossagouReplay.ResponseTimeEmerges...", "later first arrival under the 2022 regime",
     20, ">=", 18),
    ("AccordTeaching.WithoutThePartners...", "collapse with Barkhane staying", 20, "<=", 2),
    ("AccordTeaching.WithoutThePartners...", "collapse with Barkhane leaving", 20, ">=", 18),
    ("Accord.HoldsThrough2022WithPartners...", "holds with partners / collapses without",
     3, ">=", 3),
]


def paired_false_alarm(n, threshold=3.0):
    return stats.t.sf(threshold, n - 1)


def paired_effect_80(n, threshold=3.0, power=POWER):
    """Smallest delta with P(t_{n-1, ncp = delta sqrt(n)} > threshold) = power."""
    f = lambda d: stats.nct.sf(threshold, n - 1, d * math.sqrt(n)) - power
    return optimize.brentq(f, 1e-6, 20.0)


def read_paired_log(path):
    observed = {}
    with open(path) as f:
        for row in csv.reader(f):
            if len(row) != 6:
                continue
            test, call, n, mean, sd, t = row
            observed[(test, int(call))] = (int(n), float(mean), float(sd), float(t))
    return observed


def fmt(x, digits=3):
    if x is None:
        return "n/a"
    if isinstance(x, float) and not math.isfinite(x):
        return "-inf" if x < 0 else "inf"
    if x == 0:
        return "0"
    mag = abs(x)
    if mag >= 100:
        return "%.0f" % x
    return "%.*g" % (digits, x)


def paired_table(observed):
    print("| Test | Figure (difference b - a) | Seeds, design | False alarm | "
          "80%-power effect (sd of differences) | sd of differences | "
          "80%-power effect (figure's units) | observed mean difference | observed t |")
    print("|---|---|---|---|---|---|---|---|---|")
    for test, call, n, figure, diff, sign in PAIRED:
        d80 = paired_effect_80(n)
        fa = paired_false_alarm(n)
        sd = units = t = mean = None
        if (test, call) in observed:
            n_obs, mean, sd, t = observed[(test, call)]
            if n_obs != n:
                print("warning: %s call %d ran %d seeds, catalogue says %d" %
                      (test, call, n_obs, n), file=sys.stderr)
            units = d80 * sd
        design = "%d paired, t %s" % (n, "> 3" if sign > 0 else "< -3")
        print("| `%s` | %s (%s) | %s | %.2f%% | %.2f | %s | %s | %s | %s |" %
              (test, figure, diff, design, 100 * fa, d80, fmt(sd), fmt(units), fmt(mean),
               fmt(t)))


def binomial_rate(n, kind, k, pass_probability):
    """Per-seed rate p at which the count check passes with the probability given."""
    if kind == ">=":
        f = lambda p: stats.binom.sf(k - 1, n, p) - pass_probability
    else:
        f = lambda p: stats.binom.cdf(k, n, p) - pass_probability
    return optimize.brentq(f, 1e-9, 1 - 1e-9)


def counts_table():
    print("| Test | Counted per seed | Check | Passes with 80% at a per-seed rate of | "
          "Fails with 80% (caught) at a rate of |")
    print("|---|---|---|---|---|")
    for test, what, n, kind, k in COUNTS:
        ok = binomial_rate(n, kind, k, POWER)
        caught = binomial_rate(n, kind, k, 1 - POWER)
        word = "at least" if kind == ">=" else "at most"
        print("| `%s` | %s | %s %d of %d | %s %.3f | %s %.3f |" %
              (test, what, word, k, n, ">=" if kind == ">=" else "<=", ok,
               "<=" if kind == ">=" else ">=", caught))


# Tolerance checks of estimators and samplers: an estimate from N draws must
# lie within k standard errors of a known value. False alarm 2 (1 - Phi(k)),
# or 1 - Phi(k) for one side; a deviation of (k + z_0.8) se is caught with
# 80% power (z_0.8 = 0.8416; the other tail is negligible). Each is also an
# equivalence test: passing (|estimate - value| < k se) is exactly TOST at
# alpha = 0.05 with the margin (k + z_0.95) se, z_0.95 = 1.645, so a pass
# shows the true value within that margin.
# (test, estimate, N, k, se (a number, or a formula as text), two_sided)
TOLERANCES = [
    ("UniformBelow.IsExactWhereMultiplyShiftIsBiased", "share of multiples of 3",
     "300,000 draws", 0.005 / math.sqrt(1 / 3 * 2 / 3 / 300000),
     math.sqrt(1 / 3 * 2 / 3 / 300000), True),
    ("UniformBelow.IsExactWhereMultiplyShiftIsBiased", "extra words per draw (1/3)",
     "300,000 draws", 0.01 / math.sqrt((0.25 / 0.75 ** 2) / 300000),
     math.sqrt((0.25 / 0.75 ** 2) / 300000), True),
    ("Samplers.PoissonHasItsMeanAndVariance", "mean (4 laws)", "100,000 draws", 5.0,
     "sqrt(lambda / N)", True),
    ("Samplers.PoissonHasItsMeanAndVariance", "variance / mean within 5% (lambda 0.3, the "
     "loosest)", "100,000 draws", 0.05 / math.sqrt((1 / 0.3 + 2) / 100000),
     math.sqrt((1 / 0.3 + 2) / 100000), True),
    ("Samplers.BinomialHasItsMeanAndVariance", "mean (4 laws)", "100,000 draws", 5.0,
     "sqrt(n p q / N)", True),
    ("Samplers.BinomialHasItsMeanAndVariance", "variance ratio within 5% (25, 0.01, the "
     "loosest)", "100,000 draws",
     0.05 / math.sqrt((2 + (1 - 6 * 0.01 * 0.99) / (25 * 0.01 * 0.99)) / 100000),
     math.sqrt((2 + (1 - 6 * 0.01 * 0.99) / (25 * 0.01 * 0.99)) / 100000), True),
    ("Samplers.GeometricHasItsMean", "mean 6", "100,000 draws", 5.0, "sqrt(30 / N)", True),
    ("EpsteinModel.JailTermsAreUniformUpToTheMaximum", "count of each of 4 terms",
     "> 200 arrests", 5.0, "sqrt(N / 4 * 3 / 4)", True),
    ("Statistics.IntervalCoversTheTrueMeanNinetyFivePercentOfTheTime", "coverage 0.95 (n 4, 20)",
     "20,000 samples", 0.006 / math.sqrt(0.95 * 0.05 / 20000), math.sqrt(0.95 * 0.05 / 20000),
     True),
    ("OutcomeSummary.IntervalCoversTheMeanOfNormalOutcomes", "coverage 0.95", "2,000 sweeps",
     3.0, math.sqrt(0.95 * 0.05 / 2000), True),
    ("OutcomeSummary.IntervalCoversTheMeanOfSkewedOutcomes", "coverage, Poisson 0.95",
     "2,000 sweeps", 3.0, math.sqrt(0.95 * 0.05 / 2000), True),
    ("OutcomeSummary.IntervalCoversTheMeanOfSkewedOutcomes", "coverage, exponential in "
     "[0.927 - 3 se, 0.95 + 3 se]", "2,000 sweeps", 3.0, math.sqrt(0.927 * 0.073 / 2000), False),
    ("PairedDifference.CommonRandomNumbersNarrowTheIntervalAndCoverTheDifference",
     "coverage 0.95", "2,000 sweeps", 3.0, math.sqrt(0.95 * 0.05 / 2000), True),
    ("LatinHypercube.DimensionsAreNotPairedUp", "correlation 0 (6 pairs)", "2,000 points", 4.0,
     1 / math.sqrt(1999), True),
    ("SaltelliDesign.BaseMatricesAreIndependentUniformsFixedByTheSeed", "column means 1/2 (6)",
     "4,000 rows", 4.0, math.sqrt(1 / 12 / 4000), True),
    ("SaltelliDesign.BaseMatricesAreIndependentUniformsFixedByTheSeed",
     "A-B correlations 0 (3)", "4,000 rows", 4.0, 1 / math.sqrt(4000), True),
    ("SobolIndices.BootstrapIntervalsCoverIshigamiIndices", "coverage of 6 indices in "
     "[0.92 - 3 se, 0.95 + 3 se]", "200 designs", 3.0, math.sqrt(0.95 * 0.05 / 200), False),
]


def tolerance_table():
    z80 = stats.norm.ppf(POWER)
    z95 = stats.norm.ppf(0.95)
    print("| Test | Estimate | Draws | Tolerance (se) | se | False alarm per check | "
          "Deviation caught with 80% power | Equivalence margin a pass shows (alpha 0.05) |")
    print("|---|---|---|---|---|---|---|---|")
    for test, what, draws, k, se, two_sided in TOLERANCES:
        fa = (2 if two_sided else 1) * stats.norm.sf(k)
        if isinstance(se, float):
            margin = "+-%.2g" % ((k + z95) * se)
            se = "%.2g" % se
        else:  # a formula: the margin in its units
            margin = "+-%.1f se" % (k + z95)
        print("| `%s` | %s | %s | %.1f | %s | %s | %.1f se | %s |" %
              (test, what, draws, k, se, "%.1e" % fa, k + z80, margin))


# Chi-square goodness of fit: (test, cells - 1, critical value, draws).
CHI_SQUARE = [
    ("CounterRng.UniformPassesChiSquareOnAgentsAndSteps", 99, 148.2, 200000),
    ("EpsteinModel.RandomSequentialMoveIsUniformOverTheEmptyCellsOfTheVision", 111,
     111 + 6 * 14.9, 22400),
]


def chi_square_table():
    print("| Test | df | Critical value | Draws N | False alarm | 80%-power noncentrality "
          "lambda | Cohen's w = sqrt(lambda / N) |")
    print("|---|---|---|---|---|---|---|")
    for test, df, crit, n in CHI_SQUARE:
        fa = stats.chi2.sf(crit, df)
        lam = optimize.brentq(lambda l: stats.ncx2.sf(crit, df, l) - POWER, 1e-6, 1e4)
        print("| `%s` | %d | %.1f | %d | %.1e | %.1f | %.4f |" %
              (test, df, crit, n, fa, lam, math.sqrt(lam / n)))


# The Mesa comparison (tests/classic/epstein_mesa_test.cpp).
MESA_SEEDS = 30
POCSIM_SEEDS = 500
MARGIN_SD = 0.75
ALPHA = 0.05
SIMULATIONS = 20000


def read_mesa(set_name):
    path = os.path.join(REPO, "tests", "data", "mesa_epstein_%s.csv" % set_name)
    rows = [r for r in csv.reader(l for l in open(path) if not l.startswith("#"))][1:]
    return {m: np.array([float(r[3 + i]) for r in rows])
            for i, m in enumerate(("active", "quiet", "jailed"))}


def tost_declared(shift, margin, ratio, n_mesa, n_pocsim, alpha, rng, sims):
    """Share of simulated comparisons (normal run means, Mesa's sd 1) declared
    equivalent within +-margin when pocsim's mean is `shift` above Mesa's and
    its sd `ratio` times Mesa's."""
    a = rng.standard_normal((sims, n_mesa))
    b = shift + ratio * rng.standard_normal((sims, n_pocsim))
    va, vb = a.var(1, ddof=1) / n_mesa, b.var(1, ddof=1) / n_pocsim
    d, se = b.mean(1) - a.mean(1), np.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (n_mesa - 1) + vb ** 2 / (n_pocsim - 1))
    t = stats.t.ppf(1 - alpha, df)
    return float(np.mean((d - t * se > -margin) & (d + t * se < margin)))


def margin_for_power(ratio, n_mesa, n_pocsim, alpha, power, sims):
    f = lambda m: tost_declared(0.0, m, ratio, n_mesa, n_pocsim, alpha,
                                np.random.default_rng(1), sims) - power
    return optimize.brentq(f, 0.05, 3.0, xtol=1e-3)


def mesa_table(sims):
    print("Design: %d Mesa reference seeds (fixed), %d pocsim seeds, Welch TOST at alpha = %g "
          "per side, margin +-%.2f Mesa sd." % (MESA_SEEDS, POCSIM_SEEDS, ALPHA, MARGIN_SD))
    print()
    print("| pocsim sd / Mesa sd | P(declared equivalent), true difference 0 | "
          "P(declared), difference on the margin | smallest margin with 80% power (Mesa sd) |")
    print("|---|---|---|---|")
    for ratio in (1.0, 1.5, 2.3):
        rng = np.random.default_rng(1)
        p0 = tost_declared(0.0, MARGIN_SD, ratio, MESA_SEEDS, POCSIM_SEEDS, ALPHA, rng, sims)
        pm = tost_declared(MARGIN_SD, MARGIN_SD, ratio, MESA_SEEDS, POCSIM_SEEDS, ALPHA, rng,
                           sims)
        m80 = margin_for_power(ratio, MESA_SEEDS, POCSIM_SEEDS, ALPHA, POWER, sims)
        print("| %.1f | %.3f | %.3f | %.2f |" % (ratio, p0, pm, m80))
    print()
    print("| Set | Figure | Mesa mean | Mesa sd | Margin (citizens) | Margin / Mesa mean |")
    print("|---|---|---|---|---|---|")
    for set_name in ("model", "app"):
        for metric, v in read_mesa(set_name).items():
            sd = v.std(ddof=1)
            print("| %s | %s | %s | %s | %s | %.0f%% |" %
                  (set_name, metric, fmt(v.mean()), fmt(sd), fmt(MARGIN_SD * sd),
                   100 * MARGIN_SD * sd / v.mean()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paired-log", help="file written with POCSIM_TEST_PAIRED_LOG")
    parser.add_argument("--simulations", type=int, default=SIMULATIONS,
                        help="simulated comparisons per power figure of the Mesa test")
    args = parser.parse_args()
    observed = read_paired_log(args.paired_log) if args.paired_log else {}
    print("### Paired tests over seeds\n")
    paired_table(observed)
    print("\n### Count checks over seeds\n")
    counts_table()
    print("\n### Tolerance checks of samplers and estimators\n")
    tolerance_table()
    print("\n### Chi-square goodness of fit\n")
    chi_square_table()
    print("\n### Equivalence: pocsim's Epstein model and Mesa's\n")
    mesa_table(args.simulations)


if __name__ == "__main__":
    main()
