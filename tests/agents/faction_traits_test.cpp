// SPDX-License-Identifier: Apache-2.0
// The table of faction kinds (agents/faction_traits.hpp): each column holds
// exactly the kinds the systems asked about before the table replaced their
// own predicates.
#include "pocsim/agents/faction_traits.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

namespace pocsim {
namespace {

using scenario::FactionKind;

std::set<FactionKind> kinds_where(bool FactionKindTraits::*column) {
  std::set<FactionKind> kinds;
  for (std::size_t k = 0; k < scenario::faction_kind_count; ++k)
    if (faction_kind_traits[k].*column) kinds.insert(static_cast<FactionKind>(k));
  return kinds;
}

TEST(FactionTraits, EachColumnHoldsTheKindsTheModelNames) {
  using K = FactionKind;
  EXPECT_EQ(kinds_where(&FactionKindTraits::state_side),
            (std::set<K>{K::state_forces, K::mercenaries}));
  EXPECT_EQ(kinds_where(&FactionKindTraits::foreign), (std::set<K>{K::peacekeepers, K::partner}));
  EXPECT_EQ(kinds_where(&FactionKindTraits::responds), (std::set<K>{K::peacekeepers}));
  EXPECT_EQ(kinds_where(&FactionKindTraits::signs_accord), (std::set<K>{K::signatory}));
  EXPECT_EQ(kinds_where(&FactionKindTraits::lays_ieds), (std::set<K>{K::jihadist}));
  EXPECT_EQ(kinds_where(&FactionKindTraits::recruits), (std::set<K>{K::jihadist}));
  EXPECT_EQ(kinds_where(&FactionKindTraits::hunted), (std::set<K>{K::jihadist}));
  EXPECT_EQ(kinds_where(&FactionKindTraits::patrols_exposed_to_ieds),
            (std::set<K>{K::peacekeepers, K::state_forces, K::mercenaries, K::partner}));
}

TEST(FactionTraits, AccessorReadsTheKindsRow) {
  static_assert(faction_traits(FactionKind::mercenaries).state_side);
  static_assert(!faction_traits(FactionKind::signatory).state_side);
  EXPECT_EQ(&faction_traits(FactionKind::partner), &faction_kind_traits.back());
}

}  // namespace
}  // namespace pocsim
