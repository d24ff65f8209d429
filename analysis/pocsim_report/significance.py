# SPDX-License-Identifier: Apache-2.0
"""Which paired differences the report calls significant, and the families of
tests behind them.

differences.csv gives, per variant and outcome, `p_value` (two-sided paired
t-test of the mean difference; empty when undefined) and `p_adjusted`
(Benjamini–Hochberg over the family: every outcome of one variant against its
reference that has a p_value). A difference is significant when p_adjusted <
0.05. Sweeps of an older pocsim have neither column: the report then says
that no adjustment is available, and marks intervals that exclude zero,
unadjusted.
"""
import pandas as pd

ALPHA = 0.05
METHOD = "Benjamini–Hochberg"


def p_text(p, star=True):
    """A p-value as a reader wants it (0.034, <0.001, – when there is none),
    with a star when it is below ALPHA."""
    try:
        p = float(p)
    except (TypeError, ValueError):
        return "–"
    if p != p:
        return "–"
    text = "<0.001" if p < 0.001 else f"{p:.3f}"
    return text + (" *" if star and p < ALPHA else "")


def adjusted(differences):
    """Whether differences.csv carries multiple-comparison-adjusted p-values."""
    return "p_adjusted" in differences.columns and "p_value" in differences.columns


def significant(rows, differences):
    """A boolean Series over `rows` (rows of differences.csv): p_adjusted <
    0.05 when the sweep has it, otherwise an interval that excludes zero."""
    if adjusted(differences):
        return (pd.to_numeric(rows["p_adjusted"], errors="coerce") < ALPHA).fillna(False)
    low = pd.to_numeric(rows["ci_low"], errors="coerce")
    high = pd.to_numeric(rows["ci_high"], errors="coerce")
    return ((low > 0) | (high < 0)).fillna(False)


def marking_rule(differences):
    """The rule of significant(), in words for a caption: what a marked
    difference is."""
    if adjusted(differences):
        return (f"significant after {METHOD} adjustment (p_adjusted < {ALPHA:g} in "
                "differences.csv)")
    return ("whose 95% interval excludes zero, NOT adjusted for multiple comparisons "
            "(this differences.csv has no p_adjusted column)")


def families(sweep):
    """One row per compared variant: [variant, reference, outcomes tested,
    significant before adjustment, after adjustment]; empty without the
    p-value columns."""
    d = sweep.differences
    if d.empty or not adjusted(d) or "variant_id" not in d:
        return []
    rows = []
    for variant_id in dict.fromkeys(d["variant_id"]):
        mine = d[d["variant_id"] == variant_id]
        p = pd.to_numeric(mine["p_value"], errors="coerce")
        q = pd.to_numeric(mine["p_adjusted"], errors="coerce")
        tested = int(p.notna().sum())
        reference = str(mine["reference_variant_id"].iloc[0]) if \
            "reference_variant_id" in mine else sweep.reference
        rows.append([sweep.label(variant_id), sweep.label(reference), f"{tested:,}",
                     f"{int((p < ALPHA).sum()):,}", f"{int((q < ALPHA).sum()):,}"])
    return rows


def add_section(sweep, page):
    """The note on the families of tests: what was tested, how many came out
    significant before and after adjustment, and the method."""
    d = sweep.differences
    if d.empty or "outcome" not in d:
        return
    page.heading("How many differences are significant")
    if not adjusted(d):
        n = d["outcome"].nunique()
        page.paragraph(
            f"Adjustment for multiple comparisons is unavailable: this differences.csv has no "
            f"p_value and p_adjusted columns (a sweep of an older pocsim). Each variant is "
            f"compared with the reference on {n:,} outcomes, so some 95% intervals will exclude "
            "zero by chance alone; the marks on this page are unadjusted. Rerun the sweep with "
            "a current pocsim to get adjusted p-values.", "note")
        return
    page.paragraph(
        "Each row is one family of tests: every outcome of one variant against the reference "
        "that has a p-value (a two-sided paired t-test of the mean difference over the shared "
        "seeds; none where every pair differs by the same amount). Within a family the p-values "
        f"are adjusted by the {METHOD} procedure (false discovery rate {ALPHA:.0%}); this page "
        f"calls a difference significant when its adjusted p-value is below {ALPHA:g}.")
    page.table(["variant", "against", "outcomes tested", f"p < {ALPHA:g} before adjustment",
                f"p < {ALPHA:g} after {METHOD}"], families(sweep))
