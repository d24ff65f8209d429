// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a sweep reports per variant and outcome (summary.csv) and per variant
// against the reference variant (differences.csv). The values of one variant
// are indexed by replicate; a failed run leaves a NaN, which is skipped here
// rather than counted, so `n` says how many runs each figure rests on.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace pocsim::sweep {

struct OutcomeSummary {
  std::size_t n = 0;  // values that are not NaN
  double mean = 0.0;
  double sd = 0.0;      // divisor n - 1; NaN for n < 2
  double ci_low = 0.0;  // mean -+ t_{(1+level)/2, n-1} sd / sqrt(n); NaN for n < 2
  double ci_high = 0.0;
  double p5 = 0.0;   // quantiles by linear interpolation (type 7), see
  double p50 = 0.0;  // calibration::quantile; NaN for n = 0
  double p95 = 0.0;
};

// Mean, sd, t confidence interval at `level` and 5/50/95% quantiles of one
// outcome over a variant's replicates, NaN values skipped. The interval
// treats the replicates as independent draws: they are, within one variant,
// since each replicate has its own seed. Throws std::invalid_argument unless
// 0 < level < 1.
OutcomeSummary summarise_outcome(std::span<const double> values, double level = 0.95);

// Where an outcome's values can lie, which its interval respects.
enum class OutcomeRange : std::uint8_t {
  any,           // a symmetric t interval
  non_negative,  // counts, hours: never below zero
  share,         // shares: within [0, 1]
};

// As summarise_outcome, for a non-negative outcome (a count, hours): the
// interval is the t interval of the log of the mean by the delta method,
// mean * exp(-+ t sd / (sqrt(n) mean)), so that it never goes below zero, as
// a symmetric one does when a few replicates hold most of a count. [0, 0]
// when every value is 0.
OutcomeSummary summarise_non_negative(std::span<const double> values, double level = 0.95);

// As summarise_outcome, for a share: the t interval of the logit of the mean
// by the delta method, logit(m) -+ t sd / (sqrt(n) m (1 - m)), taken back to
// [0, 1]. [m, m] when the mean is 0 or 1 (every value is).
OutcomeSummary summarise_share(std::span<const double> values, double level = 0.95);

// The summary whose interval respects the outcome's range.
OutcomeSummary summarise_in_range(std::span<const double> values, OutcomeRange range,
                                  double level = 0.95);

struct PairedDifference {
  std::size_t n = 0;  // replicates where both runs have a value
  double mean = 0.0;  // mean of variant - reference
  double sd = 0.0;    // sd of the differences
  double ci_low = 0.0;
  double ci_high = 0.0;
  // Two-sided paired t test of a zero mean difference: NaN when undefined
  // (n < 2, or every difference 0), 0 when every difference is the same
  // number other than 0.
  double p_value = 0.0;
};

// The difference variant - reference of one outcome over shared replicates:
// `variant[r]` and `reference[r]` come from runs with the same seed (common
// random numbers), so the t interval is built on the per-replicate
// differences; whatever noise the two runs share cancels and the interval is
// narrower than one comparing two independent samples. A pair is skipped when
// either value is NaN. Throws std::invalid_argument when the spans differ in
// length or unless 0 < level < 1.
PairedDifference paired_difference(std::span<const double> variant,
                                   std::span<const double> reference, double level = 0.95);

// The t interval and two-sided t test of a zero mean of differences already
// taken (NaN skipped), as paired_difference reports them: for differences
// that are means themselves, such as the per-draw mean differences of a
// sweep over a posterior.
PairedDifference mean_difference(std::span<const double> differences, double level = 0.95);

// Benjamini-Hochberg adjusted p-values (the false discovery rate of the
// family of tests), in the order given; NaN entries are not tests and stay
// NaN. Adjusted p_(i) = min over j >= i of p_(j) m / j, capped at 1.
std::vector<double> benjamini_hochberg(std::span<const double> p_values);

}  // namespace pocsim::sweep
