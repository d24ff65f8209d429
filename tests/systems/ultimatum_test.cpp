// SPDX-License-Identifier: Apache-2.0
// Ultimatums (engine/src/systems/ultimatum.cpp): from factions[].
// ultimatums_from, a share ultimatum_share of the faction's violent episodes
// are orders to leave instead: no one is killed, and the village's people
// flee. Measured on scenarios/teaching/abductions.yaml (JNIM raiding in
// Mopti for 30 days from 1 March 2022, FAMa operating in Segou) over 30
// paired seeds, against the file as written (no ultimatums).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/levers.hpp"
#include "support/paired.hpp"

namespace pocsim {

namespace {

constexpr int ultimatum_seeds = 30;

std::vector<nlohmann::json> with_ultimatums(const std::string& from, double share) {
  return test::summaries_over_seeds("teaching/abductions.yaml",
                                    {"factions.JNIM.ultimatums_from=" + from,
                                     "factions.JNIM.ultimatum_share=" + std::to_string(share)},
                                    ultimatum_seeds);
}

}  // namespace

// A share of 0.3 from the first day: about 0.3 of the episodes JNIM would
// start are ultimatums (hundreds over 30 seeds: a binomial standard error
// about 0.02, so within 0.06), and FAMa, which gives none, is not counted.
TEST(Ultimatum, TheStatedShareOfEpisodesAreOrdersToLeave) {
  const auto runs = with_ultimatums("2022-03-01", 0.3);
  const double ultimatums = test::total(test::figure(runs, "/incidents/ultimatums"));
  const double jnim_episodes =
      test::total(test::figure(runs, "/protection/by_perpetrator_kind/jihadist/incidents"));
  ASSERT_GT(ultimatums + jnim_episodes, 500.0) << "enough episodes to measure a share";
  EXPECT_NEAR(ultimatums / (ultimatums + jnim_episodes), 0.3, 0.06);
}

// Ultimatums save lives and uproot people: at a share of 0.5 from the first
// day, JNIM kills fewer (the sum over 30 seeds between 0.3 and 0.8 of the
// file's, a paired t above 3) and the peak of the displaced is higher (paired
// t above 3).
TEST(Ultimatum, FewerAreKilledAndMoreFlee) {
  const auto base = test::summaries_over_seeds("teaching/abductions.yaml", {}, ultimatum_seeds);
  const auto warned = with_ultimatums("2022-03-01", 0.5);
  const auto killed_base = test::figure(base, "/civilian_deaths/by_faction/JNIM");
  const auto killed_warned = test::figure(warned, "/civilian_deaths/by_faction/JNIM");
  const double ratio = test::total(killed_warned) / test::total(killed_base);
  EXPECT_GT(ratio, 0.3);
  EXPECT_LT(ratio, 0.8);
  EXPECT_GT(test::paired_z(killed_warned, killed_base), 3.0);
  EXPECT_GT(test::paired_z(test::figure(base, "/population/displaced_peak"),
                           test::figure(warned, "/population/displaced_peak")),
            3.0);
}

// The date is when the tactic starts: from the middle of the month, between
// a third and two thirds of the ultimatums given from the first day; from a
// date after the run, none, and every figure of the file as written is
// unchanged (the draws are keyed by unit and tick and used only here).
TEST(Ultimatum, StartOnTheirDate) {
  const double from_start =
      test::total(test::figure(with_ultimatums("2022-03-01", 0.5), "/incidents/ultimatums"));
  const double from_middle =
      test::total(test::figure(with_ultimatums("2022-03-16", 0.5), "/incidents/ultimatums"));
  ASSERT_GT(from_start, 200.0);
  EXPECT_GT(from_middle / from_start, 1.0 / 3.0);
  EXPECT_LT(from_middle / from_start, 2.0 / 3.0);

  const auto base = test::summaries_over_seeds("teaching/abductions.yaml", {}, ultimatum_seeds);
  const auto after = with_ultimatums("2022-05-01", 0.5);
  EXPECT_EQ(test::total(test::figure(after, "/incidents/ultimatums")), 0.0);
  for (std::size_t k = 0; k < base.size(); ++k) {
    nlohmann::json b = base[k], a = after[k];
    EXPECT_EQ(a, b) << "seed " << k + 1 << ": a date after the run changes nothing";
  }
}

}  // namespace pocsim
