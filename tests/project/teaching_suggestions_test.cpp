// SPDX-License-Identifier: Apache-2.0
// The teaching scenarios work as written: every change a header suggests
// (its `# try:` lines, tests/support/teaching_suggestions.hpp) is shown as a
// command a student can copy, loads, and moves each outcome it names in the
// promised direction, over paired seeds against the file as written.
//
// The statistics, per expected outcome (docs/testing.md lists them with
// their power and the numbers each suggestion gives):
//   - up / down: the paired t statistic of the differences (changed - as
//     written) over 20 seeds beyond 3 in the promised direction (one-sided;
//     with no effect P(t_19 > 3) = 0.37%; an effect of 0.87 sd of the
//     differences is found with 80% power), and an effect a student can see:
//     the mean moves by at least 5% of the larger of the two means.
//   - same: the paired two one-sided tests (tests/support/equivalence.hpp) at
//     alpha 0.05: the 90% interval of the mean difference within +-10% of
//     the mean as written, or no difference in any seed. With no true
//     difference it declares "same" with 80% power while the sd of the
//     differences stays below 1.46 times the margin (margin / (t_0.95,19 +
//     t_0.90,19) * sqrt(20)).
// Every seed is fixed, so the test passes or fails the same way every time;
// a header whose promise is wrong fails it.
// POCSIM_TEST_SUGGESTIONS_LOG=1 prints every comparison, passed or not.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pocsim/calibration/statistics.hpp"
#include "pocsim/output/outcomes.hpp"
#include "pocsim/simulation.hpp"
#include "support/equivalence.hpp"
#include "support/paired.hpp"
#include "support/process.hpp"
#include "support/scenarios.hpp"
#include "support/teaching_suggestions.hpp"

namespace pocsim {
namespace {

constexpr int suggestion_seeds = 20;
constexpr double suggestion_t = 3.0;                // one-sided, P(t_19 > 3) = 0.37%
constexpr double suggestion_visible_change = 0.05;  // of the larger mean
constexpr double suggestion_same_margin = 0.10;     // of the mean as written
constexpr double suggestion_same_alpha = 0.05;

namespace fs = std::filesystem;

// The teaching scenarios' names (first_run for scenarios/teaching/first_run.yaml),
// not the teaching calibration's files (calibration.yaml and its targets).
std::vector<std::string> teaching_scenario_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(test::source_path("scenarios/teaching")))
    if (entry.path().extension() == ".yaml" &&
        !entry.path().stem().string().starts_with("calibration"))
      names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

test::TeachingHeader header_of(const std::string& name) {
  return test::read_teaching_header(test::source_path("scenarios/teaching/" + name + ".yaml"),
                                    "scenarios/teaching/" + name + ".yaml");
}

// The named outcomes of scenarios/teaching/NAME.yaml with `overrides`, for
// seeds 1..suggestion_seeds; an outcome the summary does not have is missing
// from the map. The world is built once.
std::map<std::string, std::vector<double>> suggestion_outcomes(
    const std::string& name, const std::vector<std::string>& overrides,
    const std::set<std::string>& outcomes) {
  const std::string file = "teaching/" + name + ".yaml";
  const auto world =
      std::make_shared<const world::World>(world::build_world(test::load_shipped(file, overrides)));
  std::map<std::string, std::vector<double>> values;
  for (int seed = 1; seed <= suggestion_seeds; ++seed) {
    std::vector<std::string> o = overrides;
    o.push_back("scenario.seed=" + std::to_string(seed));
    Simulation sim(test::load_shipped(file, o), world);
    sim.run();
    const Outcomes run = collect_outcomes(sim.result());
    for (const std::string& outcome : outcomes)
      if (const double* v = run.number(outcome)) values[outcome].push_back(*v);
  }
  return values;
}

std::string joined_overrides(const std::vector<std::string>& overrides) {
  std::string text;
  for (const std::string& o : overrides) text += " --set " + o;
  return text;
}

// Whether the change moved the outcome as promised; `why` says what was seen.
bool as_promised(const std::vector<double>& written, const std::vector<double>& changed,
                 test::Direction direction, std::string& why) {
  const double mean_a = calibration::mean(written), mean_b = calibration::mean(changed);
  std::vector<double> d(written.size());
  int up = 0, down = 0;
  for (std::size_t i = 0; i < d.size(); ++i) {
    d[i] = changed[i] - written[i];
    up += d[i] > 0.0 ? 1 : 0;
    down += d[i] < 0.0 ? 1 : 0;
  }
  const double sd = calibration::sample_sd(d);
  std::ostringstream seen;
  seen << "mean as written " << mean_a << ", changed " << mean_b << "; difference "
       << mean_b - mean_a << " (sd " << sd << ", effect size d_z ";
  if (sd > 0.0)
    seen << (mean_b - mean_a) / sd;
  else
    seen << "undefined, no spread";
  seen << "); up in " << up << " seeds, down in " << down << " of " << d.size();
  if (direction == test::Direction::same) {
    if (up == 0 && down == 0) {
      why = seen.str() + ": the same in every seed";
      return true;
    }
    const double margin = suggestion_same_margin * std::abs(mean_a);
    if (!(margin > 0.0)) {
      why = seen.str() + ": the mean as written is 0, so no relative margin";
      return false;
    }
    const test::Equivalence e = test::paired_tost(written, changed, margin, suggestion_same_alpha);
    why = seen.str() + "; " + test::describe(e);
    return e.equivalent;
  }
  const double sign = direction == test::Direction::up ? 1.0 : -1.0;
  const double t = test::paired_z(written, changed);
  const double relative = (mean_b - mean_a) / std::max(std::abs(mean_a), std::abs(mean_b));
  seen << "; paired t " << t << " (needs " << sign * suggestion_t << "), change " << relative * 100
       << "% of the larger mean (needs " << sign * suggestion_visible_change * 100 << "%)";
  why = seen.str();
  return sign * t > suggestion_t && sign * relative >= suggestion_visible_change;
}

TEST(TeachingTryLine, ReadsTheChangesAndTheirPromises) {
  test::Suggestion s;
  std::string error;
  ASSERT_TRUE(test::parse_try_line(
      R"( --set factions.FAMa.abuse_rate=0.02 --set "factions.IS Sahel.units=2"  )"
      R"(expect: civilian_deaths.by_faction.FAMa down, civilian_deaths.by_faction.IS Sahel same,)"
      R"( accord.collapsed up)",
      s, error))
      << error;
  EXPECT_EQ(s.overrides, (std::vector<std::string>{"factions.FAMa.abuse_rate=0.02",
                                                   "factions.IS Sahel.units=2"}));
  ASSERT_EQ(s.expectations.size(), 3u);
  EXPECT_EQ(s.expectations[0].outcome, "civilian_deaths.by_faction.FAMa");
  EXPECT_EQ(s.expectations[0].direction, test::Direction::down);
  EXPECT_EQ(s.expectations[1].outcome, "civilian_deaths.by_faction.IS Sahel");
  EXPECT_EQ(s.expectations[1].direction, test::Direction::same);
  EXPECT_EQ(s.expectations[2].direction, test::Direction::up);
}

TEST(TeachingTryLine, RefusesALineItCannotRead) {
  for (const char* bad : {
           " --set a.b=1",                       // no expect:
           " expect: x up",                      // no change
           " --set a.b expect: x up",            // no KEY=VALUE
           " --set a.b=1 --out d expect: x up",  // not a --set
           " --set a.b=1 expect: x sideways",    // no direction
           " --set a.b=1 expect: up",            // no outcome
           " --set a.b=1 expect:",               // nothing expected
           " --set \"a.b=1 expect: x up",        // unclosed quote
       }) {
    test::Suggestion s;
    std::string error;
    EXPECT_FALSE(test::parse_try_line(bad, s, error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

class TeachingSuggestions : public ::testing::TestWithParam<std::string> {};

// Each file's header suggests at least one change, every `try:` line reads,
// every change a command shows has its `try:` line and every `try:` line its
// command, and every change loads.
TEST_P(TeachingSuggestions, AreWrittenAsTryLinesWithTheirCommands) {
  const std::string& name = GetParam();
  const test::TeachingHeader header = header_of(name);
  for (const std::string& error : header.errors) ADD_FAILURE() << name << ".yaml:" << error;
  EXPECT_FALSE(header.suggestions.empty()) << name << ".yaml suggests no change as a try: line";
  const auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  std::set<std::vector<std::string>> tried, shown;
  for (const test::Suggestion& s : header.suggestions) tried.insert(sorted(s.overrides));
  for (const auto& sets : header.commands) shown.insert(sorted(sets));
  for (const auto& sets : shown)
    EXPECT_TRUE(tried.count(sets)) << name << ".yaml shows a command with" << joined_overrides(sets)
                                   << " but no try: line for it";
  for (const test::Suggestion& s : header.suggestions) {
    EXPECT_TRUE(shown.count(sorted(s.overrides)))
        << name << ".yaml:" << s.line << ": no command shows" << joined_overrides(s.overrides);
    EXPECT_NO_THROW(test::load_shipped("teaching/" + name + ".yaml", s.overrides))
        << name << ".yaml:" << s.line;
  }
}

// Every suggested change, run over paired seeds against the file as written,
// moves each outcome it names as its header promises.
TEST_P(TeachingSuggestions, DoWhatTheirHeaderPromises) {
  const std::string& name = GetParam();
  const test::TeachingHeader header = header_of(name);
  ASSERT_TRUE(header.errors.empty()) << "see AreWrittenAsTryLinesWithTheirCommands";
  std::set<std::string> outcomes;
  for (const test::Suggestion& s : header.suggestions)
    for (const test::Expectation& e : s.expectations) outcomes.insert(e.outcome);
  const auto written = suggestion_outcomes(name, {}, outcomes);
  for (const test::Suggestion& s : header.suggestions) {
    const auto changed = suggestion_outcomes(name, s.overrides, outcomes);
    for (const test::Expectation& e : s.expectations) {
      const std::string where = name + ".yaml:" + std::to_string(s.line) +
                                ": try:" + joined_overrides(s.overrides) +
                                "  expect: " + e.outcome + " " + test::to_string(e.direction);
      if (!written.count(e.outcome) || !changed.count(e.outcome)) {
        ADD_FAILURE() << where << ": summary.json has no number named " << e.outcome
                      << " (pocsim show --outcomes lists them)";
        continue;
      }
      std::string why;
      EXPECT_TRUE(as_promised(written.at(e.outcome), changed.at(e.outcome), e.direction, why))
          << where << "\n  " << why;
      if (std::getenv("POCSIM_TEST_SUGGESTIONS_LOG")) std::cout << where << "\n  " << why << "\n";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(EveryTeachingScenario, TeachingSuggestions,
                         ::testing::ValuesIn(teaching_scenario_names()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           return param.param;
                         });

}  // namespace
}  // namespace pocsim
