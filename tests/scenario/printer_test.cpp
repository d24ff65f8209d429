// SPDX-License-Identifier: Apache-2.0
#include "pocsim/scenario/printer.hpp"

#include <gtest/gtest.h>

#include <set>

#include "support/process.hpp"

namespace pocsim::scenario {

TEST(KeyReference, ListsEveryKeyOnceWithItsDocumentation) {
  const std::vector<KeyInfo> keys = key_reference();
  std::set<std::string> paths;
  for (const KeyInfo& k : keys) {
    EXPECT_TRUE(paths.insert(k.path).second) << "listed twice: " << k.path;
    EXPECT_FALSE(k.doc.empty()) << k.path << " has no documentation";
  }
  EXPECT_TRUE(paths.count("civilians.people_per_agent"));
  EXPECT_TRUE(paths.count("factions[].withdrawal_date"));
  EXPECT_GT(keys.size(), 50u);
}

// docs/scenario-format.md is the reference students read: it must name every key.
TEST(KeyReference, EveryKeyIsInTheScenarioFormatDocument) {
  const std::string doc = test::read_text(test::source_path("docs/scenario-format.md"));
  ASSERT_FALSE(doc.empty());
  for (const KeyInfo& k : key_reference())
    EXPECT_NE(doc.find("`" + k.path + "`"), std::string::npos) << k.path << " is not documented";
}

TEST(KeyReference, TheScenarioFormatDocumentHoldsTheCurrentTable) {
  const std::string doc = test::read_text(test::source_path("docs/scenario-format.md"));
  EXPECT_NE(doc.find(key_reference_markdown()), std::string::npos)
      << "regenerate the table in docs/scenario-format.md with `pocsim show --keys`";
}

TEST(Printer, NumbersPrintPlainAndReadBack) {
  Scenario s;
  s.civilians.return_risk = 0.0005;
  s.world.cell_km = 10.0;
  const std::string yaml = to_yaml(s, {.absolute_paths = false, .comments = false});
  EXPECT_NE(yaml.find("return_risk: 0.0005"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("cell_km: 10.0"), std::string::npos) << yaml;
  EXPECT_EQ(yaml.find('#'), std::string::npos);
}

}  // namespace pocsim::scenario
