// SPDX-License-Identifier: Apache-2.0
// The targets file: reading it, with every mistake reported at its line and
// key path; and the metrics, evaluated on small hand-written outputs whose
// answers can be worked out by hand.
#include "pocsim/calibration/targets.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "support/process.hpp"

namespace pocsim::calibration {
namespace {

SummaryEntry entry(const std::string& name, OutcomeValue value,
                   OutcomeType type = OutcomeType::count) {
  SummaryEntry e;
  std::string key;
  for (char c : name + ".") {
    if (c != '.') {
      key += c;
      continue;
    }
    e.keys.push_back(key);
    key.clear();
  }
  e.type = type;
  e.value = std::move(value);
  return e;
}

// A tiny run: a few numbers of the summary, and two days and three regions
// of the daily series (a region name with a comma among them).
Outcomes tiny_run() {
  using T = OutcomeType;
  std::vector<SummaryEntry> summary{
      entry("scenario", std::string("tiny"), T::text),
      entry("civilian_deaths.total", std::int64_t{10}),
      entry("civilian_deaths.by_perpetrator_kind.state_forces", std::int64_t{3}),
      entry("civilian_deaths.by_perpetrator_kind.mercenaries", std::int64_t{1}),
      entry("civilian_deaths.by_perpetrator_kind.jihadist", std::int64_t{6}),
      entry("protection.hours_to_first_arrival.mean", Null{}, T::optional_real),
      entry("protection.hours_to_first_arrival.median", 2.5, T::optional_real),
      entry("ied_attacks", std::int64_t{4}),
      entry("peacekeeper_deaths.ied", std::int64_t{0}),
      entry("peacekeeper_deaths.combat", std::int64_t{0}),
  };
  DailySeries series;
  series.columns = {"civilian_deaths", "violence_events", "displaced"};
  series.types.assign(3, T::count);
  series.region_names = {"Mopti", "Ségou", "Kidal, north"};
  series.values.resize(3);
  const double rows[6][3] = {{1, 1, 10}, {0, 2, 0}, {2, 1, 5}, {3, 0, 20}, {1, 1, 4}, {0, 0, 6}};
  for (std::uint32_t day = 0; day < 2; ++day)
    for (std::size_t g = 0; g < 3; ++g) {
      series.dates.push_back(Date::parse("2022-01-01")->plus_days(day));
      series.days.push_back(day);
      series.regions.push_back(series.region_names[g]);
      for (std::size_t c = 0; c < 3; ++c) series.values[c].push_back(rows[day * 3 + g][c]);
    }
  return Outcomes(nullptr, std::move(summary), std::move(series));
}

TargetsFile load_ok(const std::string& text) {
  TargetsLoadResult r = load_targets_text(text, "t.yaml");
  std::string messages;
  for (const Diagnostic& d : r.diagnostics.items()) messages += d.to_string() + "\n";
  EXPECT_TRUE(r.targets.has_value()) << messages;
  return r.targets ? *r.targets : TargetsFile{};
}

// A targets file with one target whose metric is `metric` (flow style).
std::string one_target(const std::string& metric) {
  return "targets:\n  - name: t\n    source: test\n    band: [0, 1]\n    metric: " + metric + "\n";
}

double value_of(const std::string& metric) {
  const TargetsFile file = load_ok(one_target(metric));
  if (file.targets.empty()) return -1.0;
  const Outcomes run = tiny_run();
  Diagnostics mismatches;
  check_target(file.targets[0], run, mismatches);
  EXPECT_TRUE(mismatches.empty()) << mismatches.items()[0].to_string();
  return evaluate(file.targets[0].metric, run);
}

TEST(Metrics, SummaryValuesSumsAndRatios) {
  EXPECT_EQ(value_of("{summary: civilian_deaths.total}"), 10.0);
  EXPECT_EQ(value_of("{summary: protection.hours_to_first_arrival.median}"), 2.5);
  EXPECT_EQ(value_of("{summary_sum: [civilian_deaths.by_perpetrator_kind.state_forces, "
                     "civilian_deaths.by_perpetrator_kind.mercenaries]}"),
            4.0);
  EXPECT_DOUBLE_EQ(value_of("{ratio: {numerator: [civilian_deaths.by_perpetrator_kind.jihadist],"
                            " denominator: civilian_deaths.total}}"),
                   0.6);
}

TEST(Metrics, UndefinedValuesAreNaN) {
  // A ratio with nothing in its denominator, and a statistic of an empty sample.
  EXPECT_TRUE(std::isnan(value_of(
      "{ratio: {numerator: [peacekeeper_deaths.ied], denominator: [peacekeeper_deaths.ied, "
      "peacekeeper_deaths.combat]}}")));
  EXPECT_TRUE(std::isnan(value_of("{summary: protection.hours_to_first_arrival.mean}")));
}

TEST(Metrics, TimeseriesSumsOverDaysAndRegions) {
  EXPECT_EQ(value_of("{timeseries: {column: displaced, date: 2022-01-02}}"), 30.0);
  EXPECT_EQ(value_of("{timeseries: {column: civilian_deaths}}"), 7.0);
  EXPECT_EQ(value_of("{timeseries: {column: civilian_deaths, from: 2022-01-02}}"), 4.0);
  EXPECT_EQ(value_of("{timeseries: {column: civilian_deaths, to: 2022-01-01}}"), 3.0);
  EXPECT_EQ(value_of("{timeseries: {column: civilian_deaths, from: 2022-01-01, to: 2022-01-02, "
                     "regions: [Mopti]}}"),
            4.0);
  EXPECT_EQ(
      value_of("{timeseries: {column: displaced, date: 2022-01-01, regions: \"Kidal, north\"}}"),
      5.0);
}

TEST(Metrics, TimeseriesRatiosShareOfRegions) {
  // violence_events: Mopti 1 + 0, Ségou 2 + 1, Kidal 1 + 0; 5 in all.
  EXPECT_DOUBLE_EQ(
      value_of("{timeseries_ratio: {column: violence_events, numerator_regions: [Mopti, Ségou]}}"),
      0.8);
  EXPECT_DOUBLE_EQ(value_of("{timeseries_ratio: {column: violence_events, numerator_regions: "
                            "[Mopti], denominator_regions: [Mopti, \"Kidal, north\"]}}"),
                   0.5);
  EXPECT_DOUBLE_EQ(value_of("{timeseries_ratio: {column: violence_events, date: 2022-01-01, "
                            "numerator_regions: [Ségou]}}"),
                   0.5);
}

TEST(Metrics, OutcomesGiveTheirNumbersByName) {
  const Outcomes run = tiny_run();
  EXPECT_EQ(run.series.region_names, (std::vector<std::string>{"Mopti", "Ségou", "Kidal, north"}));
  ASSERT_NE(run.number("civilian_deaths.by_perpetrator_kind.jihadist"), nullptr);
  EXPECT_EQ(*run.number("civilian_deaths.by_perpetrator_kind.jihadist"), 6.0);
  EXPECT_EQ(run.number("scenario"), nullptr);  // text, not a number
  EXPECT_TRUE(std::isnan(*run.number("protection.hours_to_first_arrival.mean")));
}

// The `key path @ line` of each diagnostic, and its message.
std::vector<std::pair<std::string, int>> where_of(const Diagnostics& d) {
  std::vector<std::pair<std::string, int>> out;
  for (const Diagnostic& item : d.items()) out.emplace_back(item.key_path, item.where.line);
  return out;
}

TEST(Metrics, MismatchesWithTheOutputsNameTheTargetAndTheKey) {
  const TargetsFile file = load_ok(R"(targets:
  - name: typo
    source: test
    band: [0, 1]
    metric: {summary: civilian_deaths.totl}
  - name: section
    source: test
    band: [0, 1]
    metric: {summary_sum: [ied_attacks, civilian_deaths]}
  - name: columns_and_regions
    source: test
    band: [0, 1]
    metric:
      timeseries_ratio:
        column: violence_event
        from: 2021-12-01
        numerator_regions: [Segou]
)");
  const Outcomes run = tiny_run();
  Diagnostics d;
  for (const Target& t : file.targets) check_target(t, run, d);
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(where_of(d),
            (std::vector<std::pair<std::string, int>>{
                {"targets.typo.metric.summary", 5},
                {"targets.section.metric.summary_sum.2", 9},
                {"targets.columns_and_regions.metric.timeseries_ratio.column", 15},
                {"targets.columns_and_regions.metric.timeseries_ratio.from", 16},
                {"targets.columns_and_regions.metric.timeseries_ratio.numerator_regions.1", 17},
            }));
  const auto& items = d.items();
  EXPECT_NE(items[0].message.find("target 'typo'"), std::string::npos);
  EXPECT_NE(items[0].message.find("did you mean 'civilian_deaths.total'?"), std::string::npos);
  EXPECT_NE(items[1].message.find("is a section of summary.json"), std::string::npos);
  EXPECT_NE(items[2].message.find("did you mean 'violence_events'?"), std::string::npos);
  EXPECT_NE(items[3].message.find("outside the run, which covers 2022-01-01 to 2022-01-02"),
            std::string::npos);
  EXPECT_NE(items[4].message.find("no region 'Segou'"), std::string::npos);
  // A region list with one good and one bad name, and no other mistake.
  Diagnostics region;
  check_target(load_ok(one_target("{timeseries: {column: displaced, regions: [Mopti, Segou]}}"))
                   .targets.at(0),
               run, region);
  ASSERT_EQ(region.size(), 1u);
  EXPECT_EQ(region.items()[0].key_path, "targets.t.metric.timeseries.regions.2");
  EXPECT_NE(region.items()[0].message.find("did you mean 'Ségou'?"), std::string::npos);
}

TEST(TargetsFile, ReadsEveryKey) {
  const TargetsFile file = load_ok(R"(targets:
  - name: killed
    description: civilians killed
    source: a report
    band: [1000, 3000.5]
    applies_to: mali_2022_baseline
    metric: {summary: civilian_deaths.total}
  - name: share
    source: another
    band: [0.35, 0.5]
    applies_to: [a, b]
    metric: {timeseries_ratio: {column: violence_events, numerator_regions: [Mopti]}}
)");
  ASSERT_EQ(file.targets.size(), 2u);
  const Target& t = file.targets[0];
  EXPECT_EQ(t.name, "killed");
  EXPECT_EQ(t.description, "civilians killed");
  EXPECT_EQ(t.source, "a report");
  EXPECT_EQ(t.low, 1000.0);
  EXPECT_EQ(t.high, 3000.5);
  EXPECT_TRUE(t.applies("mali_2022_baseline"));
  EXPECT_FALSE(t.applies("mali_2022_moura"));
  EXPECT_TRUE(t.hit(1000.0) && t.hit(3000.5) && !t.hit(999.9));
  EXPECT_EQ(t.where.line, 2);
  EXPECT_TRUE(std::holds_alternative<SummaryValue>(t.metric));
  EXPECT_EQ(file.targets[1].applies_to, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(std::holds_alternative<TimeseriesRatio>(file.targets[1].metric));
}

// Each malformed file is reported all at once, in line order.
struct Malformed {
  const char* what;
  std::string text;
  std::vector<std::pair<std::string, int>> errors;  // key path, line
  const char* message;                              // a phrase of the first message
};

// Names the case in test listings, rather than dumping its bytes.
void PrintTo(const Malformed& m, std::ostream* out) { *out << m.what; }

class MalformedTargets : public testing::TestWithParam<Malformed> {};

TEST_P(MalformedTargets, ReportsLineAndKeyPath) {
  const Malformed& m = GetParam();
  const TargetsLoadResult r = load_targets_text(m.text, "t.yaml");
  EXPECT_FALSE(r.targets.has_value());
  EXPECT_EQ(where_of(r.diagnostics), m.errors);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_NE(r.diagnostics.items()[0].message.find(m.message), std::string::npos)
      << r.diagnostics.items()[0].to_string();
  EXPECT_TRUE(r.diagnostics.items()[0].to_string().starts_with("t.yaml:"));
}

const std::string good_rest = "    band: [0, 1]\n    metric: {summary: x}\n";

INSTANTIATE_TEST_SUITE_P(
    TargetsFile, MalformedTargets,
    testing::Values(
        Malformed{"unknown_key",
                  "targets:\n  - name: a\n    sorce: b\n" + good_rest,
                  {{"targets.a.source", 2}, {"targets.a.sorce", 3}},
                  "missing required key 'source'"},
        Malformed{"unknown_key_hint",
                  "targets:\n  - name: a\n    source: b\n    bands: [0, 1]\n    metric: {summary: "
                  "x}\n",
                  {{"targets.a.band", 2}, {"targets.a.bands", 4}},
                  "missing required key 'band'"},
        Malformed{"duplicate_key",
                  "targets:\n  - name: a\n    source: b\n    source: c\n" + good_rest,
                  {{"targets.a.source", 4}},
                  "duplicate key 'source' (first given at line 3)"},
        Malformed{"band_not_numbers",
                  "targets:\n  - name: a\n    source: b\n    band: [low, 1]\n    metric: "
                  "{summary: x}\n",
                  {{"targets.a.band.1", 4}},
                  "expected a number, got 'low'"},
        Malformed{"band_reversed",
                  "targets:\n  - name: a\n    source: b\n    band: [2, 1]\n    metric: "
                  "{summary: x}\n",
                  {{"targets.a.band", 4}},
                  "the band's low end 2.0 is above its high end 1.0"},
        Malformed{"band_of_three",
                  "targets:\n  - name: a\n    source: b\n    band: [1, 2, 3]\n    metric: "
                  "{summary: x}\n",
                  {{"targets.a.band", 4}},
                  "expected a band [low, high] of two numbers"},
        Malformed{"unknown_metric_kind",
                  "targets:\n  - name: a\n    source: b\n    band: [0, 1]\n    metric: {sumary: "
                  "x}\n",
                  {{"targets.a.metric.sumary", 5}},
                  "unknown key 'sumary'; did you mean 'summary'?"},
        Malformed{"two_metric_kinds",
                  "targets:\n  - name: a\n    source: b\n    band: [0, 1]\n    metric:\n"
                  "      summary: x\n      summary_sum: [x, y]\n",
                  {{"targets.a.metric.summary_sum", 7}},
                  "a metric has one kind; 'summary_sum' comes on top of 'summary'"},
        Malformed{"empty_metric",
                  "targets:\n  - name: a\n    source: b\n    band: [0, 1]\n    metric: {}\n",
                  {{"targets.a.metric", 5}},
                  "a metric needs one of the keys 'summary'"},
        Malformed{"date_and_window",
                  "targets:\n  - name: a\n    source: b\n    band: [0, 1]\n    metric:\n"
                  "      timeseries:\n        column: displaced\n        date: 2022-06-30\n"
                  "        to: 2022-07-30\n",
                  {{"targets.a.metric.timeseries.date", 8}},
                  "give either one date or a from/to window, not both"},
        Malformed{"bad_date_and_reversed_window",
                  "targets:\n  - name: a\n    source: b\n    band: [0, 1]\n    metric:\n"
                  "      timeseries_ratio:\n        column: x\n        from: 2022-02-30\n"
                  "        numerator_regions: []\n"
                  "  - name: b\n    source: b\n    band: [0, 1]\n    metric:\n"
                  "      timeseries: {column: x, from: 2022-05-01, to: 2022-04-01, extra: 1}\n",
                  {{"targets.a.metric.timeseries_ratio.from", 8},
                   {"targets.a.metric.timeseries_ratio.numerator_regions", 9},
                   {"targets.b.metric.timeseries.to", 14},
                   {"targets.b.metric.timeseries.extra", 14}},
                  "expected a calendar date YYYY-MM-DD, got '2022-02-30'"},
        Malformed{"duplicate_target_name",
                  "targets:\n  - name: a\n    source: b\n" + good_rest +
                      "  - name: a\n    source: b\n" + good_rest,
                  {{"targets.2.name", 6}},
                  "target name 'a' is used twice (first at line 2)"},
        Malformed{"not_a_list",
                  "targets: {name: a}\n",
                  {{"targets", 1}},
                  "expected a list of targets, got a mapping"},
        Malformed{"empty_list", "targets: []\n", {{"targets", 1}}, "got an empty list"},
        Malformed{"unknown_top_level_key",
                  "target:\n  - name: a\n",
                  {{"targets", 1}, {"target", 1}},
                  "missing required key 'targets'"},
        Malformed{"empty_file", "# nothing\n", {{"(document)", 1}}, "the file is empty"},
        Malformed{"tab",
                  "targets:\n  - name: a\n    metric:\n    \tsummary: x\n",
                  {{"targets.a.metric.summary", 4}},
                  "tab character in indentation"},
        Malformed{"syntax_error",
                  "targets:\n  - name: a\n    band: [0, 1\n",
                  {{"targets.a.band", 3}},
                  "the list opened with '[' on line 3 is not closed"}),
    [](const testing::TestParamInfo<Malformed>& p) { return std::string(p.param.what); });

TEST(TargetsFile, ShippedTargetsLoad) {
  for (const char* file :
       {"scenarios/mali_2022/targets.yaml", "scenarios/mali_2021/targets.yaml"}) {
    const TargetsLoadResult r = load_targets(test::source_path(file));
    for (const Diagnostic& d : r.diagnostics.items()) ADD_FAILURE() << d.to_string();
    ASSERT_TRUE(r.targets.has_value()) << file;
    for (const Target& t : r.targets->targets)
      EXPECT_FALSE(t.source.empty()) << file << ": " << t.name;
  }
}

TEST(TargetsFile, MissingFileIsAnError) {
  const TargetsLoadResult r = load_targets("/nonexistent/targets.yaml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].to_string(),
            "/nonexistent/targets.yaml:1:1: error: (file): cannot open the targets file");
}

}  // namespace
}  // namespace pocsim::calibration
