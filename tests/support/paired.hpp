// SPDX-License-Identifier: Apache-2.0
#pragma once
// Paired comparisons over seeds (common random numbers): the mean of the
// differences b - a in standard errors of that mean, the paired t statistic
// with n - 1 degrees of freedom. When there is no effect, above 3 is a
// one-sided false alarm of P(t_{n-1} > 3): 0.37% with 20 seeds, 0.27% with
// 30 (docs/testing.md lists the power of each test that uses it). Infinite
// when every pair differs by the same amount, NaN when every pair is equal.
//
// With POCSIM_TEST_PAIRED_LOG set to a file name, each call appends a line
// "suite.test,call,n,mean,sd,t" to that file (call counts the calls within
// the test from 0), so that tools/test_power.py can put each design's power
// in the outcome's own units.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace pocsim::test {

inline double paired_z(const std::vector<double>& a, const std::vector<double>& b) {
  const auto n = static_cast<double>(a.size());
  double sum = 0.0, sum2 = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double d = b[i] - a[i];
    sum += d;
    sum2 += d * d;
  }
  const double mean = sum / n;
  const double sd = std::sqrt(std::max(0.0, (sum2 - n * mean * mean) / (n - 1.0)));
  const double z = sd > 0.0      ? mean / (sd / std::sqrt(n))
                   : mean == 0.0 ? NAN
                                 : std::copysign(INFINITY, mean);
  if (const char* log = std::getenv("POCSIM_TEST_PAIRED_LOG")) {
    static std::string last_test;
    static int call = 0;
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string test =
        info ? std::string(info->test_suite_name()) + "." + info->name() : std::string("?");
    call = test == last_test ? call + 1 : 0;
    last_test = test;
    std::ofstream(log, std::ios::app)
        << test << "," << call << "," << a.size() << "," << mean << "," << sd << "," << z << "\n";
  }
  return z;
}

}  // namespace pocsim::test
