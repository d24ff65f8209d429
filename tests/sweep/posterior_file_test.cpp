// SPDX-License-Identifier: Apache-2.0
// Reading posterior.csv: the contract of `pocsim calibrate`'s output, every
// mistake at its line and column. The malformed files that a sweep names are
// in tests/data/bad_sweeps (tests/cli/validate_test.cpp).
#include "pocsim/sweep/posterior_file.hpp"

#include <gtest/gtest.h>

namespace pocsim::sweep {
namespace {

std::optional<Posterior> parse(const std::string& text, Diagnostics& d) {
  return parse_posterior(text, "p.csv", "parameters.posterior", d);
}

TEST(PosteriorFile, ReadsKeysParticlesAndNormalisesTheWeights) {
  Diagnostics d;
  // Weights printed with few digits sum to 1 only within them (0.9999 here).
  const auto p = parse("particle,weight,a.b,c.d\n0,0.3333,1,0.5\n2,0.6666,2.5,7\n", d);
  ASSERT_TRUE(p) << d.items().front().to_string();
  EXPECT_EQ(p->keys, (std::vector<std::string>{"a.b", "c.d"}));
  ASSERT_EQ(p->particles.size(), 2u);
  EXPECT_EQ(p->particles[1].id, 2u);
  EXPECT_DOUBLE_EQ(p->particles[0].weight + p->particles[1].weight, 1.0);
  EXPECT_DOUBLE_EQ(p->particles[0].weight, 0.3333 / 0.9999);
  EXPECT_EQ(p->particles[1].values[0].text, "2.5") << "the value as printed, for --set";
  EXPECT_EQ(p->particles[1].values[1].where.line, 3);
  EXPECT_EQ(p->particles[1].values[1].where.column, 14);  // "2,0.6666,2.5," is 13 characters
  EXPECT_EQ(p->key_places[1].column, 21);                 // "particle,weight,a.b," is 20
}

TEST(PosteriorFile, AcceptsCrlfAndATrailingLineBreakOnly) {
  Diagnostics d;
  EXPECT_TRUE(parse("particle,weight,a\r\n0,1,3\r\n", d));
  EXPECT_TRUE(d.empty());
  EXPECT_FALSE(parse("particle,weight,a\n0,0.5,3\n\n1,0.5,4\n", d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].where.line, 3);
}

TEST(PosteriorFile, ReportsEachBadCellAtItsPlace) {
  Diagnostics d;
  EXPECT_FALSE(parse("particle,weight,a\n1,0.5,x\n1,0.5,2\n", d));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d.items()[0].where.line, 2);
  EXPECT_EQ(d.items()[0].where.column, 7);
  EXPECT_NE(d.items()[0].message.find("'a' must be a number"), std::string::npos);
  EXPECT_EQ(d.items()[1].where.line, 3);
  EXPECT_EQ(d.items()[1].where.column, 1);
  EXPECT_NE(d.items()[1].message.find("increasing"), std::string::npos);
  EXPECT_EQ(d.items()[1].key_path, "parameters.posterior");
}

TEST(PosteriorFile, RefusesABadHeaderNoRowsAndWeightsThatDoNotSumToOne) {
  for (const char* text :
       {"", "weight,particle,a\n0,1,2\n", "particle,weight\n0,1\n",
        "particle,weight,a,a\n0,1,2,3\n", "particle,weight,a\n",
        "particle,weight,a\n0,0.5,1\n1,0.49,2\n", "particle,weight,a\n0,0,1\n"}) {
    Diagnostics d;
    EXPECT_FALSE(parse(text, d)) << text;
    EXPECT_FALSE(d.empty()) << text;
  }
  Diagnostics d;
  EXPECT_TRUE(parse("particle,weight,a\n0,0.5,1\n1,0.4995,2\n", d))
      << "within the tolerance of printed digits";
}

TEST(PosteriorFile, HashTellsChangedBytesApart) {
  EXPECT_EQ(bytes_hash("particle,weight,a\n0,1,2\n"), bytes_hash("particle,weight,a\n0,1,2\n"));
  EXPECT_NE(bytes_hash("particle,weight,a\n0,1,2\n"), bytes_hash("particle,weight,a\n0,1,3\n"));
  EXPECT_EQ(bytes_hash(""), "cbf29ce484222325") << "FNV-1a's offset basis";
  EXPECT_EQ(bytes_hash("a"), "af63dc4c8601ec8c") << "FNV-1a 64 of 'a' (published test vector)";
}

}  // namespace
}  // namespace pocsim::sweep
