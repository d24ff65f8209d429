// SPDX-License-Identifier: Apache-2.0
// A run's outcomes (output/outcomes.hpp): the numbers a sweep and a check
// read are those summary.json writes, in its order; the focus block adds up
// to the regions it names.
#include "pocsim/output/outcomes.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "pocsim/output/outcome_list.hpp"
#include "pocsim/output/run_files.hpp"
#include "support/scenarios.hpp"

namespace pocsim {
namespace {

using OrderedJson = nlohmann::ordered_json;

const Outcomes& teaching_run() {
  static const Outcomes outcomes = [] {
    // Ménaka alone in focus, and drones over Gao alone with few other
    // reports: some incidents fall outside the focus, some go undetected.
    Simulation sim(
        test::load_shipped("teaching/partner_operations.yaml",
                           {"scenario.duration_days=30", "outputs.focus_regions=[Ménaka]",
                            "factions.Barkhane.isr_regions=[Gao]", "detection.phone_report_share=0",
                            "detection.second_hand_hours=2000"}));
    sim.run();
    return collect_outcomes(sim.result());
  }();
  return outcomes;
}

// Every number of a JSON document by dotted path, in the document's order.
void flatten(const OrderedJson& node, const std::string& path,
             std::vector<std::pair<std::string, double>>& out) {
  auto join = [&](const std::string& key) { return path.empty() ? key : path + "." + key; };
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) flatten(value, join(key), out);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) flatten(node[i], join(std::to_string(i)), out);
  } else if (node.is_number() || node.is_boolean()) {
    out.emplace_back(path, node.is_boolean() ? (node.get<bool>() ? 1.0 : 0.0) : node.get<double>());
  } else if (node.is_null()) {
    out.emplace_back(path, NAN);
  }
}

}  // namespace

TEST(Outcomes, TheirNumbersAreSummaryJsonsInItsOrder) {
  const Outcomes& o = teaching_run();
  std::vector<std::pair<std::string, double>> written;
  flatten(OrderedJson::parse(summary_json(o)), "", written);
  const auto numbers = o.numbers();
  ASSERT_EQ(numbers.size(), written.size());
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    EXPECT_EQ(numbers[i].first, written[i].first) << i;
    if (std::isnan(written[i].second))
      EXPECT_TRUE(std::isnan(numbers[i].second)) << numbers[i].first;
    else
      EXPECT_EQ(numbers[i].second, written[i].second) << numbers[i].first;
    const double* by_name = o.number(numbers[i].first);
    ASSERT_NE(by_name, nullptr) << numbers[i].first;
  }
}

TEST(Outcomes, TheFocusAddsUpToItsRegions) {
  const Outcomes& o = teaching_run();
  auto n = [&](const std::string& name) {
    const double* v = o.number(name);
    EXPECT_NE(v, nullptr) << name;
    return v ? *v : NAN;
  };
  const double total = n("focus.civilian_deaths.total");
  EXPECT_GT(total, 0.0);
  EXPECT_EQ(total, n("civilian_deaths.by_region.Ménaka"));
  ASSERT_GT(n("protection.by_region.Gao.incidents"), 0.0) << "incidents outside the focus";
  double by_kind = 0.0;
  for (const char* kind : {"peacekeepers", "state_forces", "mercenaries", "jihadist", "signatory",
                           "partner", "crossfire"})
    by_kind += n(std::string("focus.civilian_deaths.by_perpetrator_kind.") + kind);
  EXPECT_EQ(by_kind, total);
  EXPECT_GE(n("focus.civilian_deaths.by_perpetrator_kind.crossfire"), 0.0);
  EXPECT_EQ(n("focus.civilian_deaths.by_perpetrator_kind.jihadist"),
            n("protection.by_region.Ménaka.civilian_deaths"));
  for (const char* figure : {"incidents", "civilian_deaths", "detected", "reached"})
    EXPECT_EQ(n(std::string("focus.protection.") + figure),
              n(std::string("protection.by_region.Ménaka.") + figure))
        << figure;
}

TEST(Outcomes, TheDailySeriesAddsUpToTheSummary) {
  const Outcomes& o = teaching_run();
  auto column_sum = [&](const char* name) {
    const int c = o.series.column_index(name);
    EXPECT_GE(c, 0) << name;
    double sum = 0.0;
    for (double v : o.series.values[static_cast<std::size_t>(c)]) sum += v;
    return sum;
  };
  ASSERT_LT(*o.number("protection.detected"), *o.number("protection.incidents"))
      << "some incidents must go undetected for the columns to differ";
  EXPECT_EQ(column_sum("civilian_deaths"), *o.number("civilian_deaths.total"));
  EXPECT_EQ(column_sum("incidents"), *o.number("protection.incidents"));
  EXPECT_EQ(column_sum("detected"), *o.number("protection.detected"));
  EXPECT_EQ(o.series.dates.size(), 30 * o.series.region_names.size());
}

}  // namespace pocsim

namespace pocsim {

// Two windows that split the run add up to it, outcome by outcome.
TEST(OutcomeWindows, TwoWindowsThatSplitTheRunAddUpToIt) {
  Simulation sim(
      test::load_shipped("teaching/partner_operations.yaml",
                         {"scenario.duration_days=40",
                          "outputs.windows=[{name: early, from: 2022-01-01, to: 2022-03-20}, "
                          "{name: late, from: 2022-03-21, to: 2023-01-01}]"}));
  sim.run();
  const Outcomes o = collect_outcomes(sim.result());
  auto n = [&](const std::string& name) {
    const double* v = o.number(name);
    EXPECT_NE(v, nullptr) << name;
    return v ? *v : NAN;
  };
  // The run starts on 1 March: "early" is clipped to its first 20 days.
  EXPECT_EQ(n("windows.early.days"), 20.0);
  EXPECT_EQ(n("windows.late.days"), 20.0);
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"civilian_deaths.total", "civilian_deaths.total"},
      {"civilian_deaths.by_region.Ménaka", "civilian_deaths.by_region.Ménaka"},
      {"civilian_deaths.by_perpetrator_kind.jihadist",
       "civilian_deaths.by_perpetrator_kind.jihadist"},
      {"civilian_deaths.by_perpetrator_kind.crossfire",
       "civilian_deaths.by_perpetrator_kind.crossfire"},
      {"civilian_deaths.by_faction.IS Sahel", "civilian_deaths.by_faction.IS Sahel"},
      {"combatant_deaths", "combatant_deaths.total"},
      {"peacekeeper_ied_deaths", "peacekeeper_deaths.ied"},
      {"incidents.violence_against_civilians", "incidents.violence_against_civilians"},
      {"incidents.battles", "incidents.battles"},
      {"incidents.explosions", "incidents.explosions"},
      {"protection.incidents", "protection.incidents"},
      {"protection.civilian_deaths", "protection.civilian_deaths"},
      {"protection.reached", "protection.reached"},
  };
  for (const auto& [window, whole] : pairs) {
    EXPECT_EQ(n("windows.early." + window) + n("windows.late." + window), n(whole)) << window;
  }
  EXPECT_GT(n("windows.late.civilian_deaths.total"), 0.0);
  // Deaths by perpetrator add up to the window's total.
  double by_kind = 0.0;
  for (const char* kind : {"peacekeepers", "state_forces", "mercenaries", "jihadist", "signatory",
                           "partner", "crossfire"})
    by_kind += n(std::string("windows.late.civilian_deaths.by_perpetrator_kind.") + kind);
  EXPECT_EQ(by_kind, n("windows.late.civilian_deaths.total"));
  EXPECT_EQ(n("windows.late.displaced_end"), n("population.displaced_end"));
}

}  // namespace pocsim
