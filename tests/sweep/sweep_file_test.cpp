// SPDX-License-Identifier: Apache-2.0
// Reading sweep files into axes and levels; the malformed files of
// tests/data/bad_sweeps are covered end to end by tests/cli/validate_test.cpp.
#include "pocsim/sweep/sweep_file.hpp"

#include <gtest/gtest.h>

#include "support/process.hpp"

namespace pocsim::sweep {
namespace {

SweepFile load(const std::string& body) {
  const std::string text = "sweep:\n  name: t\n  scenario: " +
                           test::source_path("scenarios/teaching/flight_delay.yaml") + "\n" + body;
  const SweepLoadResult r = load_sweep_text(text, "t.yaml", ".");
  std::string errors;
  for (const auto& d : r.diagnostics.items()) errors += d.to_string() + "\n";
  EXPECT_TRUE(r.sweep) << errors;
  return r.sweep ? *r.sweep : SweepFile{};
}

TEST(SweepFile, ValuesRangeZipAndVariantsBecomeLevels) {
  const SweepFile s = load(
      "  replications: 3\n"
      "axes:\n"
      "  - key: flights.delay_hours\n"
      "    values: [0, 24]\n"
      "  - name: refusal\n"
      "    key: flights.refusal_probability\n"
      "    range: {from: 0.1, to: 0.3, step: 0.1}\n"
      "  - name: pair\n"
      "    zip:\n"
      "      - {key: response.decision_hours, values: [1, 2]}\n"
      "      - {key: response.respond_probability, values: [0.5, 0.9]}\n"
      "  - name: policy\n"
      "    variants:\n"
      "      - {name: free, set: {flights.authorisation_required: false}}\n"
      "      - {name: strict, set: {flights.authorisation_required: true, "
      "flights.delay_law: fixed}}\n");
  ASSERT_EQ(s.axes.size(), 4u);
  EXPECT_EQ(s.replications, 3u);
  EXPECT_EQ(s.axes[0].name, "flights.delay_hours") << "an axis over one key is named after it";
  ASSERT_EQ(s.axes[1].levels.size(), 3u) << "the range includes its end";
  EXPECT_EQ(s.axes[1].levels[2].label, "0.3");
  EXPECT_EQ(s.axes[1].levels[2].settings[0].value, "0.3");
  ASSERT_EQ(s.axes[2].levels.size(), 2u);
  EXPECT_EQ(s.axes[2].levels[1].label, "2/0.9");
  EXPECT_EQ(s.axes[2].levels[1].settings.size(), 2u);
  EXPECT_EQ(s.axes[3].levels[1].settings.size(), 2u);
  EXPECT_EQ(s.reference, (std::vector<std::string>{"0", "0.1", "1/0.5", "free"}))
      << "the first level of every axis by default";
}

TEST(SweepFile, SeedDefaultsToTheScenariosAndReferenceNamesLevels) {
  const SweepFile s = load(
      "  reference: {policy: strict}\n"
      "axes:\n"
      "  - name: policy\n"
      "    variants:\n"
      "      - {name: free, set: {flights.authorisation_required: false}}\n"
      "      - {name: strict, set: {}}\n");
  EXPECT_EQ(s.seed, 1u) << "flight_delay.yaml's own seed";
  EXPECT_EQ(s.replications, 1u);
  EXPECT_EQ(s.reference, (std::vector<std::string>{"strict"}));
}

TEST(SweepFile, SampledDesignReadsParameters) {
  const SweepFile s = load(
      "  seed: 99\n"
      "sample:\n"
      "  method: saltelli\n"
      "  points: 16\n"
      "  parameters:\n"
      "    - {key: flights.delay_hours, min: 0, max: 168}\n"
      "    - {key: response.helicopters, min: 1, max: 8, integer: true}\n");
  EXPECT_EQ(s.design, Design::saltelli);
  EXPECT_EQ(s.points, 16u);
  EXPECT_EQ(s.seed, 99u);
  ASSERT_EQ(s.parameters.size(), 2u);
  EXPECT_TRUE(s.parameters[1].integer);
  EXPECT_EQ(s.sobol_outcomes, (std::vector<std::string>{"civilian_deaths.total"}));
  EXPECT_FALSE(s.keep_samples) << "sampled designs keep no run folders";
}

TEST(SweepFile, LooksLikeSweepOnlyWithATopLevelSweepSection) {
  EXPECT_TRUE(looks_like_sweep("# c\nsweep:\n  name: x\n"));
  EXPECT_FALSE(looks_like_sweep("scenario:\n  sweep: 1\n"));
}

}  // namespace
}  // namespace pocsim::sweep
