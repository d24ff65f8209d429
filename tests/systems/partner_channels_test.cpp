// SPDX-License-Identifier: Apache-2.0
// Each partner channel alone moves its own intermediate outcome, in the
// expected direction and by a stated share, on the teaching scenarios that
// isolate it: 30 paired seeds with the channel open against the same seeds
// with it shut (docs/model.md, Partners' channels; docs/testing.md).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "support/levers.hpp"
#include "support/paired.hpp"

namespace pocsim {

namespace {

constexpr int seeds = 30;

struct Channel {
  const char* name;
  const char* scenario;  // under scenarios/
  const char* shut;      // the override that closes the channel
  const char* outcome;   // JSON pointer into summary.json
  int direction;         // +1: the outcome rises when the channel shuts; -1: it falls
  double min_share;      // the paired mean change is at least this share of the open mean
};

// Each channel's intermediate outcome, the one it acts through first.
const Channel channels[] = {
    {"operations", "teaching/partner_operations.yaml", "factions.Barkhane.hunt_radius_km=0",
     "/partners/enemies_killed", -1, 0.2},
    {"operations", "teaching/partner_operations.yaml", "factions.Barkhane.hunt_radius_km=0",
     "/partners/operation_days", -1, 0.99},
    {"operations", "teaching/partner_operations.yaml", "factions.Barkhane.hunt_radius_km=0",
     "/focus/jihadist_held_mean", +1, 0.02},
    {"presence", "teaching/partner_operations.yaml", "response.partner_deterrence.jihadist=0",
     "/focus/protection/incidents", +1, 0.1},
    {"isr_warning", "teaching/partner_operations.yaml", "combat.isr_warning=0",
     "/peacekeeper_deaths/combat", +1, 0.2},
    {"isr_clearance", "teaching/partner_operations.yaml", "ied.isr_clearance=0",
     "/peacekeeper_deaths/ied", +1, 0.3},
    {"isr_detection", "teaching/partners.yaml", "factions.Barkhane.isr_regions=[]",
     "/protection/detection_hours/mean", +1, 0.2},
    {"air", "teaching/partners.yaml", "factions.Barkhane.helicopters=0",
     "/partners/helicopters_mean", -1, 0.2},
    {"air", "teaching/partners.yaml", "factions.Barkhane.helicopters=0", "/protection/reached", -1,
     0.1},
    {"logistics", "teaching/partners.yaml", "factions.Barkhane.logistics_support=0",
     "/partners/helicopters_mean", -1, 0.2},
    {"logistics", "teaching/partners.yaml", "factions.Barkhane.logistics_support=0",
     "/protection/reached", -1, 0.1},
    {"escalation_deterrence", "teaching/accord.yaml", "factions.Barkhane.escalation_deterrence=0",
     "/accord/tension_end", +1, 0.2},
};

void PrintTo(const Channel& c, std::ostream* os) { *os << c.name << ": " << c.shut; }

class PartnerChannels : public ::testing::TestWithParam<Channel> {
 protected:
  // The open runs of each scenario, shared by its channels.
  static const std::vector<nlohmann::json>& open(const std::string& scenario) {
    static std::map<std::string, std::vector<nlohmann::json>> runs;
    auto [it, fresh] = runs.try_emplace(scenario);
    if (fresh) it->second = test::summaries_over_seeds(scenario, {}, seeds);
    return it->second;
  }
};

double mean_of(const std::vector<double>& v) {
  double sum = 0.0;
  for (double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

}  // namespace

// More than 3 standard errors in the expected direction (one-sided false
// alarm 0.27% with 30 seeds), and a change of at least min_share of the
// outcome with the channel open, so that a channel cut to a trickle fails.
TEST_P(PartnerChannels, ShuttingTheChannelMovesItsOwnOutcome) {
  const Channel& c = GetParam();
  const auto with = test::figure(open(c.scenario), c.outcome);
  const auto without =
      test::figure(test::summaries_over_seeds(c.scenario, {c.shut}, seeds), c.outcome);
  const double z = test::paired_z(with, without);
  const double change = mean_of(without) - mean_of(with);
  EXPECT_GT(c.direction * z, 3.0) << c.name << ": " << c.outcome << " when " << c.shut;
  EXPECT_GE(c.direction * change, c.min_share * std::abs(mean_of(with)))
      << c.name << ": " << c.outcome << " open " << mean_of(with) << ", shut " << mean_of(without);
}

INSTANTIATE_TEST_SUITE_P(EachChannel, PartnerChannels, ::testing::ValuesIn(channels),
                         [](const ::testing::TestParamInfo<Channel>& param) {
                           return std::string(param.param.name) + "_" + std::to_string(param.index);
                         });

}  // namespace pocsim
