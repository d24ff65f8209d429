// SPDX-License-Identifier: Apache-2.0
#pragma once
// Equivalence tests: the claim "a and b are the same" as a test that can
// fail for lack of evidence, not only for evidence of a difference. Two one-
// sided tests (TOST, Schuirmann 1987): the difference of means b - a is
// declared within (-margin, +margin) when both one-sided nulls,
// difference <= -margin and difference >= +margin, are rejected at level
// alpha; equivalently, when the two-sided (1 - 2 alpha) confidence interval
// of the difference lies inside the margin. The chance of declaring
// equivalence when the true difference sits on a margin is at most alpha.
// The t quantiles are calibration::student_t_quantile's.
#include <string>
#include <vector>

namespace pocsim::test {

struct Equivalence {
  double difference = 0.0;  // mean(b) - mean(a)
  double se = 0.0;          // its standard error
  double df = 0.0;          // degrees of freedom of the t reference
  double t_critical = 0.0;  // t_{1 - alpha, df}
  double low = 0.0;         // difference - t_critical * se
  double high = 0.0;        // difference + t_critical * se
  double margin = 0.0;
  bool equivalent = false;  // -margin < low and high < margin
};

// Welch's TOST for two independent samples (unequal variances, Welch-
// Satterthwaite degrees of freedom). Each sample needs two values or more.
Equivalence welch_tost(const std::vector<double>& a, const std::vector<double>& b, double margin,
                       double alpha);

// The paired version (common random numbers: a[i] and b[i] share seed i): a
// one-sample TOST on the differences b[i] - a[i], with n - 1 degrees of
// freedom. Needs two pairs or more, of equal counts.
Equivalence paired_tost(const std::vector<double>& a, const std::vector<double>& b, double margin,
                        double alpha);

// One line for a failure message: difference, interval, margin.
std::string describe(const Equivalence& e);

}  // namespace pocsim::test
