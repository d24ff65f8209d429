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

using Json = nlohmann::ordered_json;

const Outcomes& teaching_run() {
  static const Outcomes outcomes = [] {
    Simulation sim(
        test::load_shipped("teaching/partner_operations.yaml", {"scenario.duration_days=30"}));
    sim.run();
    return collect_outcomes(sim.result());
  }();
  return outcomes;
}

// Every number of a JSON document by dotted path, in the document's order.
void flatten(const Json& node, const std::string& path,
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
  flatten(Json::parse(summary_json(o)), "", written);
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
  EXPECT_EQ(total, n("civilian_deaths.by_region.Gao") + n("civilian_deaths.by_region.Ménaka"));
  double by_kind = 0.0;
  for (const char* kind : {"peacekeepers", "state_forces", "mercenaries", "jihadist", "signatory",
                           "partner", "crossfire"})
    by_kind += n(std::string("focus.civilian_deaths.by_perpetrator_kind.") + kind);
  EXPECT_EQ(by_kind, total);
  EXPECT_GT(n("focus.civilian_deaths.by_perpetrator_kind.crossfire"), 0.0);
  for (const char* figure : {"incidents", "civilian_deaths", "detected", "reached"})
    EXPECT_EQ(n(std::string("focus.protection.") + figure),
              n(std::string("protection.by_region.Gao.") + figure) +
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
  EXPECT_EQ(column_sum("civilian_deaths"), *o.number("civilian_deaths.total"));
  EXPECT_EQ(column_sum("incidents"), *o.number("protection.incidents"));
  EXPECT_EQ(o.series.dates.size(), 30 * o.series.region_names.size());
}

}  // namespace pocsim
