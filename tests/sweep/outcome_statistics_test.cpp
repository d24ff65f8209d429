// SPDX-License-Identifier: Apache-2.0
// The per-variant summary and the paired differences of a sweep: hand-computed
// small samples, and the coverage of the 95% intervals over many simulated
// sweeps whose true mean is known.
#include "pocsim/sweep/outcome_statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <span>
#include <stdexcept>
#include <vector>

#include "pocsim/calibration/statistics.hpp"
#include "pocsim/core/rng.hpp"

namespace pocsim::sweep {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

TEST(OutcomeSummary, SmallSampleByHand) {
  // Failed runs (NaN) anywhere are skipped, not counted.
  const std::vector<double> values{4, nan, 1, 10, 3, 2, nan};
  const OutcomeSummary s = summarise_outcome(values);
  EXPECT_EQ(s.n, 5u);
  EXPECT_DOUBLE_EQ(s.mean, 4.0);
  // Squared deviations 9 + 4 + 1 + 0 + 36 = 50, divisor n - 1 = 4.
  EXPECT_NEAR(s.sd, std::sqrt(12.5), 1e-12);
  const double half = 2.776445 * std::sqrt(12.5) / std::sqrt(5.0);  // t_{0.975, 4}
  EXPECT_NEAR(s.ci_low, 4.0 - half, 1e-5);
  EXPECT_NEAR(s.ci_high, 4.0 + half, 1e-5);
  // Type 7 on 1 2 3 4 10: h = 4p; p5 at h = 0.2, p95 at h = 3.8 (as R's
  // quantile() and numpy.quantile give).
  EXPECT_NEAR(s.p5, 1.2, 1e-12);
  EXPECT_DOUBLE_EQ(s.p50, 3.0);
  EXPECT_NEAR(s.p95, 8.8, 1e-12);
}

TEST(OutcomeSummary, FewValues) {
  const OutcomeSummary one = summarise_outcome(std::vector<double>{nan, 7.0});
  EXPECT_EQ(one.n, 1u);
  EXPECT_DOUBLE_EQ(one.mean, 7.0);
  EXPECT_TRUE(std::isnan(one.sd));
  EXPECT_TRUE(std::isnan(one.ci_low));
  EXPECT_TRUE(std::isnan(one.ci_high));
  EXPECT_DOUBLE_EQ(one.p5, 7.0);
  EXPECT_DOUBLE_EQ(one.p95, 7.0);

  const OutcomeSummary none = summarise_outcome(std::vector<double>{nan, nan});
  EXPECT_EQ(none.n, 0u);
  EXPECT_TRUE(std::isnan(none.mean));
  EXPECT_TRUE(std::isnan(none.p50));
  EXPECT_THROW(summarise_outcome(std::vector<double>{1, 2}, 1.0), std::invalid_argument);
}

TEST(PairedDifference, SmallSampleByHand) {
  // Replicate 1 failed in the variant, replicate 3 in the reference: both
  // pairs go, leaving differences 2, 4, 3.
  const std::vector<double> variant{12, nan, 14, 20, 13};
  const std::vector<double> reference{10, 11, 10, nan, 10};
  const PairedDifference d = paired_difference(variant, reference);
  EXPECT_EQ(d.n, 3u);
  EXPECT_DOUBLE_EQ(d.mean, 3.0);
  EXPECT_DOUBLE_EQ(d.sd, 1.0);
  const double half = 4.302653 / std::sqrt(3.0);  // t_{0.975, 2}
  EXPECT_NEAR(d.ci_low, 3.0 - half, 1e-5);
  EXPECT_NEAR(d.ci_high, 3.0 + half, 1e-5);
  EXPECT_THROW(paired_difference(variant, std::vector<double>{1, 2}), std::invalid_argument);
}

// Synthetic outcomes drawn with CounterRng (Purpose::benchmark is the
// stream kept for test and benchmark data), one stream per sweep.
double normal(const CounterRng& rng, std::uint32_t sweep, std::uint32_t replicate,
              std::uint32_t k) {
  const auto [u1, u2] = rng.uniform2(Purpose::benchmark, sweep, replicate, k);
  return std::sqrt(-2.0 * std::log1p(-u1)) * std::cos(2.0 * M_PI * u2);  // Box-Muller
}

enum class Law { normal, exponential, poisson };

// The share of `sweeps` 95% intervals, each from n replicates plus three
// failed runs, that hold the true mean.
double coverage(Law law, int sweeps, std::uint32_t n,
                OutcomeSummary (*summarise)(std::span<const double>, double) = summarise_outcome) {
  const CounterRng rng(20211201);
  constexpr double normal_mean = 375.0, normal_sd = 40.0;
  constexpr double exponential_mean = 10.0, poisson_mean = 2.0;
  const double truth = law == Law::normal        ? normal_mean
                       : law == Law::exponential ? exponential_mean
                                                 : poisson_mean;
  int covered = 0;
  std::vector<double> values;
  for (int s = 0; s < sweeps; ++s) {
    const auto sweep = static_cast<std::uint32_t>(s);
    values.assign({nan, nan});
    for (std::uint32_t r = 0; r < n; ++r) {
      const double u = rng.uniform(Purpose::benchmark, sweep, r, 1);
      switch (law) {
        case Law::normal:
          values.push_back(normal_mean + normal_sd * normal(rng, sweep, r, 0));
          break;
        case Law::exponential:
          values.push_back(-exponential_mean * std::log1p(-u));
          break;
        case Law::poisson:
          values.push_back(poisson_from_uniform(poisson_mean, u));
          break;
      }
    }
    values.push_back(nan);
    const OutcomeSummary summary = summarise(values, 0.95);
    EXPECT_EQ(summary.n, n);
    if (summarise == summarise_non_negative) {
      EXPECT_GE(summary.ci_low, 0.0);
    }
    covered += summary.ci_low <= truth && truth <= summary.ci_high;
  }
  return static_cast<double>(covered) / sweeps;
}

// 2000 sweeps: one binomial standard error of a 95% coverage is
// sqrt(0.95 * 0.05 / 2000) = 0.0049. A claim of equal coverage is an
// equivalence test: an estimate within 3 se of 0.95 shows the coverage
// within +-(3 + 1.645) se = +-0.023 of it (TOST at alpha 0.05; a false
// alarm 0.27% of the time; docs/testing.md).
constexpr int sweeps = 2000;
const double binomial_se = std::sqrt(0.95 * 0.05 / sweeps);

TEST(OutcomeSummary, IntervalCoversTheMeanOfNormalOutcomes) {
  // Exact for normal data: 0.95 within three standard errors.
  EXPECT_NEAR(coverage(Law::normal, sweeps, 30), 0.95, 3 * binomial_se);
}

TEST(OutcomeSummary, IntervalCoversTheMeanOfSkewedOutcomes) {
  // For skewed data the t interval is only approximate and falls short of
  // 0.95: a sample with a high mean tends to have a high sd too. For the
  // exponential (skewness 2) at n = 30 its coverage is 0.927 (10^6 samples
  // simulated with numpy and scipy's t quantile). We accept anything from
  // that known shortfall to the nominal level, each with three binomial
  // standard errors: 0.927 - 3 SE to 0.95 + 3 SE.
  const double exponential = coverage(Law::exponential, sweeps, 30);
  const double exponential_se = std::sqrt(0.927 * 0.073 / sweeps);
  EXPECT_GE(exponential, 0.927 - 3 * exponential_se);
  EXPECT_LE(exponential, 0.95 + 3 * binomial_se);
  // Counts with mean 2 (skewness 0.71), like deaths in a small region,
  // reach 0.947 by the same simulation: nominal within three SE.
  EXPECT_NEAR(coverage(Law::poisson, sweeps, 30), 0.95, 3 * binomial_se);
}

TEST(OutcomeSummary, CountIntervalByHandStaysAboveZero) {
  // One replicate holds the whole count, as one massacre in a small region
  // does: mean 2, sd 4.472, t_{0.975,4} 2.776. The symmetric interval would
  // be 2 -+ 5.55, below zero; on the log scale it is 2 exp(-+2.776).
  const OutcomeSummary s = summarise_non_negative(std::vector<double>{0, 0, nan, 0, 0, 10});
  EXPECT_EQ(s.n, 5u);
  EXPECT_DOUBLE_EQ(s.mean, 2.0);
  EXPECT_NEAR(s.ci_low, 0.12451888, 1e-7);  // scipy: 2 * exp(-t sd / (sqrt(5) 2))
  EXPECT_NEAR(s.ci_high, 32.1236425, 1e-6);
  EXPECT_LT(summarise_outcome(std::vector<double>{0, 0, 0, 0, 10}).ci_low, 0.0);
  const OutcomeSummary zeros = summarise_non_negative(std::vector<double>{0, 0, 0});
  EXPECT_EQ(zeros.ci_low, 0.0);
  EXPECT_EQ(zeros.ci_high, 0.0);
}

TEST(OutcomeSummary, CountIntervalCoversTheMeanOfSmallCounts) {
  // Poisson counts with mean 2 over 5 replicates, as in the demo sweep: the
  // log-scale interval covers the mean 0.958 of the time (2 x 10^5 samples
  // simulated with numpy and scipy; the symmetric t interval covers 0.939
  // and goes below zero in 32% of samples). Within three binomial standard
  // errors of 0.958, never below zero (checked in coverage()).
  const double covered = coverage(Law::poisson, sweeps, 5, summarise_non_negative);
  EXPECT_NEAR(covered, 0.958, 3 * std::sqrt(0.958 * 0.042 / sweeps));
  // Large counts (n = 30): nominal, as the symmetric interval.
  EXPECT_NEAR(coverage(Law::poisson, sweeps, 30, summarise_non_negative), 0.95, 3 * binomial_se);
}

TEST(OutcomeSummary, ShareIntervalByHandStaysWithinZeroAndOne) {
  // Shares 0, 0, 0, 0.5 (one replicate reached half its incidents within 6
  // h): mean 0.125, sd 0.25, t_{0.975,3} 3.182. Symmetric: 0.125 -+ 0.398,
  // below zero; on the logit scale, expit(logit(0.125) -+ 3.182 * 0.25 /
  // (2 * 0.125 * 0.875)) = 0.00375 to 0.84438 (numpy).
  const OutcomeSummary s = summarise_share(std::vector<double>{0, 0, 0, 0.5});
  EXPECT_NEAR(s.ci_low, 0.0037472, 1e-6);
  EXPECT_NEAR(s.ci_high, 0.8443781, 1e-6);
  EXPECT_LT(summarise_outcome(std::vector<double>{0, 0, 0, 0.5}).ci_low, 0.0);
  const OutcomeSummary all = summarise_share(std::vector<double>{1, 1, 1});
  EXPECT_EQ(all.ci_low, 1.0);
  EXPECT_EQ(all.ci_high, 1.0);
  EXPECT_EQ(summarise_in_range(std::vector<double>{0, 0, 0, 0.5}, OutcomeRange::share).ci_low,
            s.ci_low);
  EXPECT_EQ(summarise_in_range(std::vector<double>{0, 0, 0, 10}, OutcomeRange::non_negative).ci_low,
            summarise_non_negative(std::vector<double>{0, 0, 0, 10}).ci_low);
}

TEST(PairedDifference, PValueByHand) {
  // Differences 2, 4, 3: t = 3 / (1 / sqrt 3) = 5.196 on 2 degrees of
  // freedom, two-sided p = 0.0350987 (scipy.stats.t.sf).
  const PairedDifference d =
      paired_difference(std::vector<double>{12, 14, 13}, std::vector<double>{10, 10, 10});
  EXPECT_NEAR(d.p_value, 0.03509872, 1e-7);
  // The same difference in every pair is certain; no difference is no test.
  EXPECT_EQ(paired_difference(std::vector<double>{3, 4}, std::vector<double>{1, 2}).p_value, 0.0);
  EXPECT_TRUE(
      std::isnan(paired_difference(std::vector<double>{3, 4}, std::vector<double>{3, 4}).p_value));
  EXPECT_TRUE(
      std::isnan(paired_difference(std::vector<double>{3}, std::vector<double>{1}).p_value));
}

TEST(BenjaminiHochberg, ByHand) {
  // Sorted 0.005, 0.01, 0.03, 0.04 over m = 4 tests: 0.02, 0.02, 0.04, 0.04
  // (p m / rank, then the running minimum from the largest down).
  const std::vector<double> adjusted =
      benjamini_hochberg(std::vector<double>{0.01, 0.04, nan, 0.03, 0.005});
  ASSERT_EQ(adjusted.size(), 5u);
  EXPECT_DOUBLE_EQ(adjusted[0], 0.02);
  EXPECT_DOUBLE_EQ(adjusted[1], 0.04);
  EXPECT_TRUE(std::isnan(adjusted[2])) << "a NaN is not a test";
  EXPECT_DOUBLE_EQ(adjusted[3], 0.04);
  EXPECT_DOUBLE_EQ(adjusted[4], 0.02);
  // p m / rank is 0.03 for 0.01 (rank 1) but 0.018 for 0.012 (rank 2): the
  // smaller p may not get the larger adjusted value, so both are 0.018.
  const std::vector<double> running = benjamini_hochberg(std::vector<double>{0.012, 0.2, 0.01});
  EXPECT_DOUBLE_EQ(running[2], 0.018);
  EXPECT_DOUBLE_EQ(running[0], 0.018);
  EXPECT_DOUBLE_EQ(running[1], 0.2);
  EXPECT_DOUBLE_EQ(benjamini_hochberg(std::vector<double>{0.9, 0.8})[0], 0.9)
      << "capped by the largest";
}

TEST(BenjaminiHochberg, AFamilyWithNoEffectRarelyFlagsAnythingAndRealEffectsSurvive) {
  // 100 families of 500 paired outcomes over 5 replicates, as a variant of
  // the demo sweep is compared on ~800. With no effect at all, unadjusted
  // p < 0.05 flags about 25 outcomes per family (5%); Benjamini-Hochberg
  // controls the false discovery rate, which with every null true is the
  // chance of flagging anything at all: 5%, 5.75% in 400 families simulated
  // with numpy and scipy. Over 100 families we accept up to 12 flagged
  // (binomial chance of more: 0.5%). With 25 outcomes of each family
  // shifted by 4 sd of their difference, BH keeps 83% of them (same
  // simulation); we ask for more than 70%.
  const CounterRng rng(2512);
  constexpr std::uint32_t families = 100, outcomes = 500, n = 5, real = 25;
  int families_flagged = 0;
  double unadjusted = 0.0, found = 0.0;
  std::vector<double> variant(n), reference(n), null_p(outcomes), mixed_p(outcomes);
  for (std::uint32_t f = 0; f < families; ++f) {
    for (std::uint32_t o = 0; o < outcomes; ++o) {
      for (std::uint32_t r = 0; r < n; ++r) {
        reference[r] = normal(rng, f, r, 2 * o);
        variant[r] = normal(rng, f, r, 2 * o + 1);
      }
      null_p[o] = paired_difference(variant, reference).p_value;
      unadjusted += null_p[o] < 0.05;
      for (double& v : variant) v += o < real ? 4.0 * std::sqrt(2.0) : 0.0;
      mixed_p[o] = paired_difference(variant, reference).p_value;
    }
    const std::vector<double> null_adjusted = benjamini_hochberg(null_p);
    bool any = false;
    for (double p : null_adjusted) any = any || p < 0.05;
    families_flagged += any;
    const std::vector<double> mixed_adjusted = benjamini_hochberg(mixed_p);
    for (std::uint32_t o = 0; o < real; ++o) found += mixed_adjusted[o] < 0.05;
  }
  EXPECT_NEAR(unadjusted / families, 25.0, 3.0) << "5% of 500 per family, unadjusted";
  EXPECT_LE(families_flagged, 12);
  EXPECT_GT(found / (families * real), 0.7) << "effects of 4 sd mostly survive the adjustment";
}

TEST(PairedDifference, CommonRandomNumbersNarrowTheIntervalAndCoverTheDifference) {
  // Runs sharing a seed share most of their noise: outcome = common(seed)
  // + own noise, with sd 50 and 5, and the variant adds 3. The paired
  // interval holds the true difference 95% of the time and is several times
  // narrower than the interval comparing the two as independent samples.
  const CounterRng rng(44);
  constexpr std::uint32_t n = 30;
  constexpr double difference = 3.0;
  int covered = 0;
  double paired_width = 0.0, unpaired_width = 0.0;
  std::vector<double> variant(n), reference(n);
  for (int s = 0; s < sweeps; ++s) {
    const auto sweep = static_cast<std::uint32_t>(s);
    for (std::uint32_t r = 0; r < n; ++r) {
      const double common = 200.0 + 50.0 * normal(rng, sweep, r, 0);
      reference[r] = common + 5.0 * normal(rng, sweep, r, 1);
      variant[r] = common + difference + 5.0 * normal(rng, sweep, r, 2);
    }
    const PairedDifference d = paired_difference(variant, reference);
    ASSERT_EQ(d.n, n);
    covered += d.ci_low <= difference && difference <= d.ci_high;
    // Unpaired: the t interval of a difference of two independent means
    // with equal sample sizes, df 2n - 2.
    const double sd_v = calibration::sample_sd(variant);
    const double sd_r = calibration::sample_sd(reference);
    const double unpaired = calibration::student_t_quantile(0.975, 2.0 * n - 2.0) *
                            std::sqrt((sd_v * sd_v + sd_r * sd_r) / n);
    const double paired = 0.5 * (d.ci_high - d.ci_low);
    EXPECT_LT(paired, unpaired);
    paired_width += paired;
    unpaired_width += unpaired;
  }
  EXPECT_NEAR(static_cast<double>(covered) / sweeps, 0.95, 3 * binomial_se);
  // sd of a paired difference 5 sqrt(2) = 7.1 against sqrt(2 (50^2 + 5^2)) = 71.
  EXPECT_LT(paired_width, 0.2 * unpaired_width);
}

}  // namespace
}  // namespace pocsim::sweep
