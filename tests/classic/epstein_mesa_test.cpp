// SPDX-License-Identifier: Apache-2.0
// pocsim's Epstein model against Mesa 3.3.1's example, through the per-seed
// run means that bench/compare_mesa/compare.py stored in
// tests/data/mesa_epstein_{model,app}.csv (their headers name the command).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <vector>

#include "pocsim/calibration/statistics.hpp"
#include "pocsim/classic/epstein.hpp"
#include "support/process.hpp"

namespace pocsim::classic {
namespace {

struct Sample {
  std::vector<double> active, quiet, jailed;
};

struct Reference {
  std::uint32_t steps = 0;
  std::map<std::string, Sample> sets;
};

void read_reference(const std::string& set, Reference& ref) {
  std::istringstream in(
      test::read_text(test::source_path("tests/data/mesa_epstein_" + set + ".csv")));
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      EXPECT_EQ(line, "parameter_set,seed,steps,active,quiet,jailed");
      header = false;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string v; std::getline(fields, v, ',');) f.push_back(v);
    if (f.size() != 6) {
      ADD_FAILURE() << "bad reference line: " << line;
      continue;
    }
    ref.steps = static_cast<std::uint32_t>(std::stoul(f[2]));
    Sample& s = ref.sets[f[0]];
    s.active.push_back(std::stod(f[3]));
    s.quiet.push_back(std::stod(f[4]));
    s.jailed.push_back(std::stod(f[5]));
  }
}

// Two-sided p of Welch's t test for equal means.
double welch_p(const std::vector<double>& a, const std::vector<double>& b) {
  const double va = std::pow(calibration::sample_sd(a), 2) / static_cast<double>(a.size());
  const double vb = std::pow(calibration::sample_sd(b), 2) / static_cast<double>(b.size());
  if (va + vb == 0.0) return calibration::mean(a) == calibration::mean(b) ? 1.0 : 0.0;
  const double t = (calibration::mean(a) - calibration::mean(b)) / std::sqrt(va + vb);
  const double df =
      (va + vb) * (va + vb) /
      (va * va / static_cast<double>(a.size() - 1) + vb * vb / static_cast<double>(b.size() - 1));
  return 2.0 * calibration::student_t_cdf(-std::fabs(t), df);
}

// Two-sided p of the two-sample Kolmogorov-Smirnov test, from the
// asymptotic distribution with Stephens' small-sample correction.
double ks_p(std::vector<double> a, std::vector<double> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  double d = 0.0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const double x = std::min(a[i], b[j]);
    while (i < a.size() && a[i] <= x) ++i;
    while (j < b.size() && b[j] <= x) ++j;
    d = std::max(d, std::fabs(static_cast<double>(i) / static_cast<double>(a.size()) -
                              static_cast<double>(j) / static_cast<double>(b.size())));
  }
  const double n =
      static_cast<double>(a.size() * b.size()) / static_cast<double>(a.size() + b.size());
  const double lambda = (std::sqrt(n) + 0.12 + 0.11 / std::sqrt(n)) * d;
  double p = 0.0;
  for (int k = 1; k <= 100; ++k)
    p += 2.0 * (k % 2 == 1 ? 1.0 : -1.0) * std::exp(-2.0 * k * k * lambda * lambda);
  return std::clamp(p, 0.0, 1.0);
}

// Both tests on each of active, quiet and jailed for both parameter sets:
// 12 p-values. Each must exceed 0.001, so if the models agree the test fails
// by chance with probability at most 1.2% (Bonferroni); a real difference
// of half a standard deviation in a mean is caught with 30 seeds a side.
constexpr double p_threshold = 0.001;

TEST(EpsteinAgainstMesa, RunMeansMatchMesasReferenceAtBothParameterSets) {
  Reference ref;
  read_reference("model", ref);
  read_reference("app", ref);
  ASSERT_EQ(ref.sets.size(), 2u);
  ASSERT_GT(ref.steps, 0u);
  for (const auto& [name, mesa] : ref.sets) {
    ASSERT_GE(mesa.active.size(), 30u);
    EpsteinScenario s;  // Mesa's model defaults
    s.steps = ref.steps;
    if (name == "app") {
      s.cops.density = 0.04;
      s.citizens.legitimacy = 0.82;
      s.cops.max_jail_term = 30;
    } else {
      ASSERT_EQ(name, "model");
    }
    Sample ours;
    for (std::size_t seed = 0; seed < mesa.active.size(); ++seed) {
      s.seed = 1000 + seed;  // independent of Mesa's seeds by construction
      EpsteinModel m(s);
      m.run();
      double active = 0, quiet = 0, jailed = 0;
      for (std::size_t i = 1; i < m.history().size(); ++i) {
        active += m.history()[i].active;
        quiet += m.history()[i].quiet;
        jailed += m.history()[i].jailed;
      }
      ours.active.push_back(active / s.steps);
      ours.quiet.push_back(quiet / s.steps);
      ours.jailed.push_back(jailed / s.steps);
    }
    const std::pair<const char*, std::pair<const std::vector<double>*, const std::vector<double>*>>
        metrics[] = {{"active", {&mesa.active, &ours.active}},
                     {"quiet", {&mesa.quiet, &ours.quiet}},
                     {"jailed", {&mesa.jailed, &ours.jailed}}};
    for (const auto& [metric, samples] : metrics) {
      const auto& [a, b] = samples;
      const double welch = welch_p(*a, *b), ks = ks_p(*a, *b);
      EXPECT_GT(welch, p_threshold)
          << name << " " << metric << ": Mesa " << calibration::mean(*a) << " +- "
          << calibration::sample_sd(*a) << ", pocsim " << calibration::mean(*b) << " +- "
          << calibration::sample_sd(*b);
      EXPECT_GT(ks, p_threshold) << name << " " << metric;
      std::cout << name << " " << metric << ": Mesa " << calibration::mean(*a) << " +- "
                << calibration::sample_sd(*a) << ", pocsim " << calibration::mean(*b) << " +- "
                << calibration::sample_sd(*b) << "; Welch p " << welch << ", KS p " << ks << "\n";
    }
  }
}

}  // namespace
}  // namespace pocsim::classic
