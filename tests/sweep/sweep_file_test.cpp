// SPDX-License-Identifier: Apache-2.0
// Reading sweep files into axes and levels; the malformed files of
// tests/data/bad_sweeps are covered end to end by tests/cli/validate_test.cpp.
#include "pocsim/sweep/sweep_file.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <string>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

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

TEST(SweepFile, AVariantCanNameAShippedVariantFile) {
  // The shipped flight variants build on the 2022 baseline: a level that
  // names one takes its `set:` keys (not its scenario name), found at their
  // lines in that file; `set:` beside it adds or overrides keys.
  const std::string text =
      "sweep:\n  name: t\n  scenario: ../mali_2022/baseline.yaml\n"
      "axes:\n  - name: flights\n    variants:\n"
      "      - {file: ../mali_2022/flights/none.yaml}\n"
      "      - name: slow\n        file: ../mali_2022/flights/72h.yaml\n"
      "        set: {flights.delay_law: fixed}\n";
  const SweepLoadResult r = load_sweep_text(text, "t.yaml", test::source_path("scenarios/sweeps"));
  std::string errors;
  for (const auto& d : r.diagnostics.items()) errors += d.to_string() + "\n";
  ASSERT_TRUE(r.sweep) << errors;
  const Axis& axis = r.sweep->axes.at(0);
  ASSERT_EQ(axis.levels.size(), 2u);
  EXPECT_EQ(axis.levels[0].label, "none") << "named after the file when it has no name";
  ASSERT_EQ(axis.levels[0].settings.size(), 1u);
  EXPECT_EQ(axis.levels[0].settings[0].key_path, "flights.authorisation_required");
  EXPECT_EQ(axis.levels[0].settings[0].value, "false");
  EXPECT_NE(axis.levels[0].settings[0].where.file.find("flights/none.yaml"), std::string::npos);
  EXPECT_GT(axis.levels[0].settings[0].where.line, 1);
  EXPECT_EQ(axis.levels[1].label, "slow");
  std::map<std::string, std::string> slow;
  for (const Setting& s : axis.levels[1].settings) slow[s.key_path] = s.value;
  EXPECT_EQ(slow.at("flights.delay_hours"), "72");
  EXPECT_EQ(slow.at("flights.delay_law"), "fixed");
  EXPECT_EQ(slow.count("scenario.name"), 0u);
}

TEST(SweepFile, AVariantFileMustExistAndBuildOnTheSweepsScenario) {
  // The teaching flight-delay scenario is not the baseline the variant
  // files change; a missing file says where a relative path was looked for.
  const std::string text =
      "sweep:\n  name: t\n  scenario: ../teaching/flight_delay.yaml\n"
      "axes:\n  - name: flights\n    variants:\n"
      "      - {file: ../mali_2022/flights/72h.yaml}\n"
      "      - {file: ../mali_2022/flights/84h.yaml}\n";
  const SweepLoadResult r = load_sweep_text(text, "t.yaml", test::source_path("scenarios/sweeps"));
  EXPECT_FALSE(r.sweep);
  std::string errors;
  for (const auto& d : r.diagnostics.items()) errors += d.to_string() + "\n";
  EXPECT_NE(errors.find("72h.yaml:"), std::string::npos) << errors;
  EXPECT_NE(errors.find("base: this variant file builds on"), std::string::npos) << errors;
  EXPECT_NE(errors.find("cannot open the variant file"), std::string::npos) << errors;
  EXPECT_NE(errors.find("(relative to the folder of t.yaml: "), std::string::npos) << errors;
}

std::string errors_of(const std::string& text) {
  const SweepLoadResult r = load_sweep_text(text, "t.yaml", test::source_path("scenarios/sweeps"));
  EXPECT_FALSE(r.sweep);
  std::string errors;
  for (const auto& d : r.diagnostics.items()) errors += d.to_string() + "\n";
  return errors;
}

TEST(SweepFile, PlannedRunsAreCountedForEveryDesign) {
  EXPECT_EQ(planned_run_count(load("  replications: 3\naxes:\n"
                                   "  - key: flights.delay_hours\n    values: [0, 24, 72]\n"
                                   "  - key: flights.refusal_probability\n    values: [0, 0.5]\n")),
            3u * 2u * 3u);
  const std::string sample =
      "  replications: 2\nsample:\n  method: METHOD\n  points: 8\n  parameters:\n"
      "    - {key: flights.delay_hours, min: 0, max: 72}\n"
      "    - {key: flights.refusal_probability, min: 0, max: 1}\n"
      "    - {key: response.decision_hours, min: 1, max: 4}\n";
  auto with = [&](const std::string& method) {
    return std::string(sample).replace(sample.find("METHOD"), 6, method);
  };
  EXPECT_EQ(planned_run_count(load(with("latin_hypercube"))), 8u * 2u);
  EXPECT_EQ(planned_run_count(load(with("saltelli"))), 8u * (3u + 2u) * 2u) << "n (d + 2) points";
  SweepFile huge;
  huge.replications = 1'000'000;
  huge.axes.resize(4);
  for (Axis& axis : huge.axes) axis.levels.resize(100'000);
  EXPECT_EQ(planned_run_count(huge), std::numeric_limits<std::uint64_t>::max())
      << "10^26 runs saturate rather than wrap";
}

TEST(SweepFile, MoreRunsThanTheLimitAreRefusedWithTheirCount) {
  // 1,000 x 1,000 x 2 variants (an axis has at most 1,000 levels) and one
  // replication: twice the limit.
  std::string axes =
      "axes:\n  - key: flights.delay_hours\n    range: {from: 0, to: 999, step: 1}\n"
      "  - key: flights.refusal_probability\n"
      "    range: {from: 0, to: 0.999, step: 0.001}\n"
      "  - key: response.helicopters\n    values: [4, 5]\n";
  const std::string head = "sweep:\n  name: t\n  scenario: ../teaching/flight_delay.yaml\n";
  const std::string errors = errors_of(head + axes);
  EXPECT_NE(errors.find("t.yaml:5:3: error: axes: the sweep plans 2,000,000 runs (2,000,000 "
                        "variants x 1 run each), above the limit of 1,000,000"),
            std::string::npos)
      << errors;
  const std::string two = "axes:\n  - key: flights.delay_hours\n    values: [0, 24]\n";
  const std::string replicated = errors_of(head + "  replications: 500001\n" + two);
  EXPECT_NE(replicated.find("plans 1,000,002 runs (2 variants x 500,001 runs each)"),
            std::string::npos)
      << replicated;
  // At the limit, the file reads.
  EXPECT_TRUE(load_sweep_text(head + "  replications: 500000\n" + two, "t.yaml",
                              test::source_path("scenarios/sweeps"))
                  .sweep);
}

// Each level of an axis is checked by loading the base scenario (3 ms for
// the 2022 baseline), so an axis holds at most 1,000 levels, like any list.
TEST(SweepFile, AnAxisHoldsAtMostAThousandLevels) {
  const std::string head = "sweep:\n  name: t\n  scenario: ../teaching/flight_delay.yaml\n";
  const std::string range = errors_of(
      head + "axes:\n  - key: flights.delay_hours\n    range: {from: 0, to: 1000, step: 1}\n");
  EXPECT_NE(range.find("t.yaml:6:38: error: axes.1.range.step: the range has 1,001 values, more "
                       "than the 1000 allowed"),
            std::string::npos)
      << range;
  std::string values = "[0";
  for (int v = 1; v <= 1000; ++v) values += ", " + std::to_string(v);
  const std::string list =
      errors_of(head + "axes:\n  - key: flights.delay_hours\n    values: " + values + "]\n");
  EXPECT_NE(list.find("t.yaml:6:13: error: axes.1.values: the list of values has 1001 items, "
                      "more than the 1000 allowed"),
            std::string::npos)
      << list;
  EXPECT_EQ(load("axes:\n  - key: flights.delay_hours\n    range: {from: 0, to: 9, step: 1}\n")
                .axes.at(0)
                .levels.size(),
            10u);
}

TEST(SweepFile, ABaseSeedWhoseReplicatesWouldWrapIsRefused) {
  // Replicate r runs with seed + r: from the base scenario's 2^64 - 2, a
  // third replicate would run with seed 0, the seed of another request.
  const std::string base = test::source_path("scenarios/teaching/flight_delay.yaml");
  const std::string sweep =
      "sweep:\n  name: t\n  scenario: SCENARIO\n  replications: 3\n"
      "set: {flights.delay_hours: 0}\naxes:\n"
      "  - key: flights.refusal_probability\n    values: [0, 0.5]\n";
  test::TempDir dir;
  std::ofstream(dir.file("seeded.yaml"))
      << "base: " << base << "\nset: {scenario.seed: 18446744073709551614}\n";
  std::string text = sweep;
  text.replace(text.find("SCENARIO"), 8, dir.file("seeded.yaml"));
  const std::string errors = errors_of(text);
  EXPECT_NE(errors.find("t.yaml:3:13: error: sweep.scenario: the base scenario's seed "
                        "18446744073709551614 with 3 runs would need seeds up to "
                        "18446744073709551614 + 2, past 18446744073709551615"),
            std::string::npos)
      << errors;
  // Two replicates fit exactly; sweep.seed takes over from the base's.
  text.replace(text.find("replications: 3"), 15, "replications: 2");
  EXPECT_TRUE(load_sweep_text(text, "t.yaml", ".").sweep);
  text.replace(text.find("replications: 2"), 15, "replications: 3\n  seed: 7");
  const SweepLoadResult seeded = load_sweep_text(text, "t.yaml", ".");
  ASSERT_TRUE(seeded.sweep);
  EXPECT_EQ(seeded.sweep->seed, 7u);
}

TEST(SweepFile, LooksLikeSweepOnlyWithATopLevelSweepSection) {
  EXPECT_TRUE(looks_like_sweep("# c\nsweep:\n  name: x\n"));
  EXPECT_FALSE(looks_like_sweep("scenario:\n  sweep: 1\n"));
}

}  // namespace
}  // namespace pocsim::sweep
