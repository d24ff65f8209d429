// SPDX-License-Identifier: Apache-2.0
// Partner withdrawals act through their channels (ISR, air support,
// logistics), tested over many seeds on scenarios/teaching/partners.yaml.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "pocsim/calibration/statistics.hpp"
#include "pocsim/output/run_files.hpp"
#include "pocsim/simulation.hpp"
#include "support/levers.hpp"
#include "support/paired.hpp"
#include "support/scenarios.hpp"

namespace pocsim {

namespace {

struct Outcome {
  double deaths_in_reachable = 0.0;
  double mean_detection_hours = 0.0;
};

class Partners : public ::testing::Test {
 protected:
  static constexpr int seeds = 30;

  static void SetUpTestSuite() {
    world_ = new std::shared_ptr<const world::World>(std::make_shared<const world::World>(
        world::build_world(test::load_shipped("teaching/partners.yaml"))));
  }
  static void TearDownTestSuite() { delete world_; }

  static std::vector<Outcome> run(const std::vector<std::string>& overrides) {
    std::vector<Outcome> out;
    for (int seed = 1; seed <= seeds; ++seed) {
      std::vector<std::string> o = overrides;
      o.push_back("scenario.seed=" + std::to_string(seed));
      Simulation sim(test::load_shipped("teaching/partners.yaml", o), *world_);
      sim.run();
      const auto p = nlohmann::json::parse(summary_json(sim.result()))["protection"];
      out.push_back({p["civilian_deaths_in_reachable_incidents"].get<double>(),
                     p["detection_hours"]["mean"].get<double>()});
    }
    return out;
  }

  // Paired mean difference (b - a) of a figure, in standard errors.
  template <class Field>
  static double paired_z(const std::vector<Outcome>& a, const std::vector<Outcome>& b, Field f) {
    std::vector<double> fa, fb;
    for (int i = 0; i < seeds; ++i) {
      fa.push_back(f(a[i]));
      fb.push_back(f(b[i]));
    }
    return test::paired_z(fa, fb);
  }

  static std::shared_ptr<const world::World>* world_;
};
std::shared_ptr<const world::World>* Partners::world_ = nullptr;

auto deaths = [](const Outcome& o) { return o.deaths_in_reachable; };
auto detection = [](const Outcome& o) { return o.mean_detection_hours; };

}  // namespace

// Withdrawing every partner raises both the time to learn of an incident and
// the deaths; more than 3 standard errors (one-sided false alarm 0.27% with
// 30 seeds; docs/testing.md).
TEST_F(Partners, WithdrawingAllPartnersRaisesDetectionLatencyAndDeaths) {
  const auto present = run({});
  const auto withdrawn = run({"factions.Barkhane.withdrawal_date=2022-03-01"});
  EXPECT_GT(paired_z(present, withdrawn, detection), 3.0);
  EXPECT_GT(paired_z(present, withdrawn, deaths), 3.0);
}

// Each channel contributes: removing any one of them alone raises deaths.
TEST_F(Partners, EachChannelContributes) {
  const auto present = run({});
  for (const char* removal : {"factions.Barkhane.isr_regions=[]", "factions.Barkhane.helicopters=0",
                              "factions.Barkhane.logistics_support=0"}) {
    const auto without = run({removal});
    EXPECT_GT(paired_z(present, without, deaths), 3.0) << removal;
  }
  // Only the ISR channel carries detection.
  EXPECT_GT(paired_z(present, run({"factions.Barkhane.isr_regions=[]"}), detection), 3.0);
}

}  // namespace pocsim

namespace pocsim {

// The withdrawals as they happened, on the full 2022 baseline: Takuba leaves
// on 30 June, Barkhane on 15 August, the UK's LRRG on 15 December, against
// every partner staying all year, over 30 paired seeds. Civilian deaths in
// Gao and Ménaka, where the partners patrolled, deterred raids and watched
// the roads, must rise, the 95% interval of the paired mean difference
// (Student's t) above zero; and by a plausible amount (docs/model.md,
// Partners' channels): between 1% and 50% of the toll there with every
// partner staying. A year of the baseline is too long for the sanitizer
// build, which leaves out the suite FullBaselineYear.
TEST(FullBaselineYear, HistoricalWithdrawalsCostLivesInGaoAndMenaka) {
  const int seeds = 30;
  const auto stay = test::summaries_over_seeds(
      "mali_2022/baseline.yaml",
      {"factions.Barkhane.withdrawal_date=null", "factions.Takuba.withdrawal_date=null",
       "factions.UK LRRG.withdrawal_date=null"},
      seeds);
  const auto historical = test::summaries_over_seeds("mali_2022/baseline.yaml", {}, seeds);
  auto north = [&](const std::vector<nlohmann::json>& runs) {
    const auto gao = test::figure(runs, "/civilian_deaths/by_region/Gao");
    const auto menaka = test::figure(runs, "/civilian_deaths/by_region/Ménaka");
    std::vector<double> sum;
    for (int s = 0; s < seeds; ++s) sum.push_back(gao[s] + menaka[s]);
    return sum;
  };
  std::vector<double> difference;
  for (int s = 0; s < seeds; ++s) difference.push_back(north(historical)[s] - north(stay)[s]);
  const calibration::MeanEstimate d = calibration::estimate_mean(difference, 0.95);
  const calibration::MeanEstimate base = calibration::estimate_mean(north(stay), 0.95);
  EXPECT_GT(d.low, 0.0) << "paired mean difference " << d.mean << " [" << d.low << ", " << d.high
                        << "]";
  EXPECT_GT(d.mean, 0.01 * base.mean);
  EXPECT_LT(d.mean, 0.50 * base.mean);
  // The focus block of summary.json sums the same two regions.
  EXPECT_EQ(test::figure(historical, "/focus/civilian_deaths/total"), north(historical));
  // Through which channels: fewer operations and fewer jihadist fighters
  // killed by partners, more of the land held by jihadists, more jihadist
  // violence there, fewer helicopters, more tension; each beyond 3 standard
  // errors of the paired difference.
  auto z = [&](const char* pointer) {
    return test::paired_z(test::figure(stay, pointer), test::figure(historical, pointer));
  };
  EXPECT_LT(z("/partners/operation_days"), -3.0);
  EXPECT_LT(z("/partners/enemies_killed"), -3.0);
  EXPECT_GT(z("/focus/jihadist_held_mean"), 3.0);
  EXPECT_GT(z("/focus/civilian_deaths/by_perpetrator_kind/jihadist"), 3.0);
  EXPECT_LT(z("/partners/helicopters_mean"), -3.0);
  EXPECT_GT(z("/accord/tension_end"), 3.0);
}

}  // namespace pocsim
