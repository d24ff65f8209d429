// SPDX-License-Identifier: Apache-2.0
// engine/src/scenario/yaml_paths.cpp finds the key path of a line for the
// errors that come before there is a node tree: YAML syntax errors and tabs
// in indentation. Its header is private to the engine, so these tests reach
// it through the loader: the key path of such an error is the path of the
// line, and a tab in indentation is reported before YAML is parsed.
#include <gtest/gtest.h>

#include <string>

#include "pocsim/scenario/loader.hpp"
#include "support/process.hpp"

namespace pocsim::scenario {
namespace {

LoadResult load_in_mali_folder(const std::string& text) {
  return load_scenario_text(text, "paths.yaml", test::source_path("scenarios/mali_2022"));
}

struct Reported {
  int line = 0;
  int column = 0;
  std::string key_path;
  std::string message;
};

// The only error of a text that must have exactly one.
Reported only_error(const std::string& text) {
  const LoadResult r = load_in_mali_folder(text);
  EXPECT_FALSE(r.scenario);
  if (r.diagnostics.size() != 1) {
    ADD_FAILURE() << "expected one error, got " << r.diagnostics.size() << " for:\n" << text;
    return {};
  }
  const Diagnostic& d = r.diagnostics.items()[0];
  return {d.where.line, d.where.column, d.key_path, d.message};
}

bool loads(const std::string& text) { return load_in_mali_folder(text).scenario.has_value(); }

// --- syntax errors: key_path_at_line -------------------------------------------
// `a: b: c` is an "illegal map value" that yaml-cpp reports on its own line.

TEST(SyntaxErrorPath, TopLevelKey) {
  const Reported e = only_error("scenario: 3: 4\n");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.key_path, "scenario");
  EXPECT_NE(e.message.find("YAML syntax error"), std::string::npos) << e.message;
}

TEST(SyntaxErrorPath, NestedKey) {
  const Reported e = only_error("scenario:\n  name: x\n  seed: 3: 4\ncivilians: {}\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key_path, "scenario.seed");
}

// A key indented past a key that has a value is a slip: its path is the one
// it has beside that key, where it belongs.
TEST(SyntaxErrorPath, KeyIndentedTooFarIsPathedBesideTheKeyAbove) {
  const Reported e = only_error("scenario:\n  name: x\n    first: 3\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key_path, "scenario.first");
}

TEST(SyntaxErrorPath, KeyThreeLevelsDown) {
  const Reported e = only_error("world:\n  grid:\n    cell: 3: 4\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key_path, "world.grid.cell");
}

TEST(SyntaxErrorPath, ListItemsAreNamedByTheirName) {
  const Reported e = only_error(
      "factions:\n"           // 1
      "  - name: a\n"         // 2
      "    kind: jihadist\n"  // 3
      "  - name: b\n"         // 4
      "    kind: jihadist\n"  // 5
      "    units: 3: 4\n");   // 6
  EXPECT_EQ(e.line, 6);
  EXPECT_EQ(e.key_path, "factions.b.units");
}

TEST(SyntaxErrorPath, NameOnALaterLineOfTheItemNamesIt) {
  const Reported e = only_error(
      "factions:\n"           // 1
      "  - kind: jihadist\n"  // 2
      "    name: JNIM\n"      // 3
      "    units: 3: 4\n");   // 4
  EXPECT_EQ(e.key_path, "factions.JNIM.units");
}

TEST(SyntaxErrorPath, ItemsWithoutANameAreCountedFromOne) {
  const Reported e = only_error(
      "flights:\n"                   // 1
      "  groundings:\n"              // 2
      "    - from: 2022-01-01\n"     // 3
      "    - from: 2022-02-01\n"     // 4
      "      to: 2022-03-01: 4\n");  // 5
  EXPECT_EQ(e.line, 5);
  EXPECT_EQ(e.key_path, "flights.groundings.2.to");
}

TEST(SyntaxErrorPath, CommentsAndBlankLinesBetweenItemsDoNotCount) {
  const Reported e = only_error(
      "factions:\n"           // 1
      "  - kind: a\n"         // 2
      "\n"                    // 3
      "  # the second one\n"  // 4
      "  - kind: b\n"         // 5
      "    # comment\n"       // 6
      "  - kind: c\n"         // 7
      "    units: x: y\n");   // 8
  EXPECT_EQ(e.line, 8);
  EXPECT_EQ(e.key_path, "factions.3.units");
}

TEST(SyntaxErrorPath, ErrorOnTheItemLineItself) {
  // "b: c" is no name: the item is named by its position.
  const Reported e = only_error("factions:\n  - name: a\n  - name: b: c\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key_path, "factions.2.name");
}

TEST(SyntaxErrorPath, SiblingSectionsDoNotLeakIntoThePath) {
  const Reported e = only_error("scenario:\n  name: x\ncombat:\n  town_defence: 1: 2\n");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.key_path, "combat.town_defence");
}

TEST(SyntaxErrorPath, UnclosedFlowListIsReportedAtItsBracket) {
  const Reported e = only_error("scenario:\n  name: [x\n  seed: 3\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 9);
  EXPECT_EQ(e.key_path, "scenario.name");
  EXPECT_NE(e.message.find("the list opened with '[' on line 2 is not closed"), std::string::npos)
      << e.message;
}

TEST(SyntaxErrorPath, NoEnclosingKeyIsTheDocument) {
  const Reported e = only_error("]\n");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.key_path, "(document)");
}

TEST(SyntaxErrorPath, WindowsLineEndsGiveTheSamePath) {
  const Reported e = only_error("scenario:\r\n  name: x\r\n  seed: 3: 4\r\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key_path, "scenario.seed");
}

// --- syntax errors in plain words (syntax_errors.cpp) ---------------------------
// Each says what to fix and where, rather than what the parser did not find.

TEST(SyntaxErrorWords, KeyIndentedOneSpaceMoreThanTheLineAbove) {
  const Reported e = only_error(
      "factions:\n"            // 1
      "  - name: JNIM\n"       // 2
      "    units: 4\n"         // 3
      "     bases: [Gao]\n");  // 4
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.column, 6);
  EXPECT_EQ(e.key_path, "factions.JNIM.bases");
  EXPECT_NE(e.message.find("line 4 starts after 5 spaces, more than line 3 (4 spaces), so it "
                           "reads as part of that line's value"),
            std::string::npos)
      << e.message;
}

TEST(SyntaxErrorWords, ListItemIndentedOneSpaceLess) {
  const Reported e = only_error(
      "factions:\n"       // 1
      "  - name: JNIM\n"  // 2
      "    bases:\n"      // 3
      "      - Gao\n"     // 4
      "     - Kidal\n");  // 5
  EXPECT_EQ(e.line, 5);
  EXPECT_EQ(e.column, 6);
  EXPECT_NE(e.message.find("not indented alike: line 5 starts after 5 spaces, line 4 after 6"),
            std::string::npos)
      << e.message;
}

// A misindented line's key path is the one it has once indented as its
// siblings are, not the one its wrong indentation would give.
TEST(SyntaxErrorWords, MisindentedItemIsPathedWhereItBelongs) {
  const Reported e = only_error(
      "factions:\n"           // 1
      "  - name: JNIM\n"      // 2
      "    kind: jihadist\n"  // 3
      "   - name: FAMa\n"     // 4: one space too many
      "    kind: state_forces\n");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.key_path, "factions.FAMa.name");
}

TEST(SyntaxErrorWords, KeyOutOfItsItemIsPathedInIt) {
  const Reported e = only_error(
      "factions:\n"       // 1
      "  - name: JNIM\n"  // 2
      "  units: 3\n");    // 3: the item's key, at the dash's column
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key_path, "factions.JNIM.units");
  EXPECT_NE(e.message.find("line 3 starts after 2 spaces, line 2 after 4 spaces"),
            std::string::npos)
      << e.message;
}

TEST(SyntaxErrorWords, MissingSpaceAfterAColonIsReportedOnItsLine) {
  const Reported e = only_error("scenario:\n  name:x\n  seed: 3\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 8);  // after the colon
  EXPECT_EQ(e.key_path, "scenario");
  EXPECT_NE(e.message.find("missing space after ':' on line 2"), std::string::npos) << e.message;
}

TEST(SyntaxErrorWords, SecondColonInAValueAsksForQuotes) {
  const Reported e = only_error("scenario:\n  description: note: x\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_NE(e.message.find("a value that contains ': ' must be written in quotes"),
            std::string::npos)
      << e.message;
}

TEST(SyntaxErrorWords, StrayClosingBracket) {
  const Reported e = only_error("factions:\n  - name: a\n    hostile_to: [b]]\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_NE(e.message.find("closes no bracket"), std::string::npos) << e.message;
}

TEST(SyntaxErrorWords, KeepTheParsersOwnWordsAtTheEnd) {
  const Reported e = only_error("scenario:\n  name: {a: 1\n  seed: 2\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 9);
  EXPECT_NE(e.message.find("the mapping opened with '{' on line 2 is not closed: add '}'"),
            std::string::npos)
      << e.message;
  EXPECT_NE(e.message.find("(the YAML parser said: end of map flow not found)"), std::string::npos)
      << e.message;
}

// --- tabs: first_tab_indent ----------------------------------------------------

TEST(TabIndent, IsReportedAtTheTabWithTheKeyPathOfItsLine) {
  const Reported e = only_error("scenario:\n  name: x\n\tseed: 3\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 1);
  EXPECT_EQ(e.key_path, "scenario.seed");
  EXPECT_NE(e.message.find("tab"), std::string::npos) << e.message;
}

TEST(TabIndent, AfterSpacesIsReportedAtItsColumn) {
  const Reported e = only_error("factions:\n  - name: a\n  \tkind: jihadist\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 3);
}

TEST(TabIndent, OnlyTheFirstIsReported) {
  const Reported e = only_error("scenario:\n\tname: x\n\tseed: 3\n");
  EXPECT_EQ(e.line, 2);
}

TEST(TabIndent, TabsOutsideIndentationAreFine) {
  EXPECT_TRUE(loads("scenario:\n  name:\tx\n  seed: 3\t# tab before a comment\n"));
}

TEST(TabIndent, TabOnlyLineInsideAMappingIsReportedAtItsLine) {
  // yaml-cpp refuses it, though it holds nothing.
  const Reported e = only_error("scenario:\n  name: x\n \t \n  seed: 3\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_NE(e.message.find("tab"), std::string::npos) << e.message;
}

TEST(TabIndent, TabsBeforeACommentAreFine) {
  // YAML allows tabs before a comment, and yaml-cpp reads this file.
  EXPECT_TRUE(loads("scenario:\n\t# a comment\n  name: x\n"));
}

TEST(TabIndent, TabsInBlockScalarTextAreText) {
  const LoadResult r =
      load_in_mali_folder("scenario:\n  description: |\n    one\n    \ttwo\n  name: x\n");
  ASSERT_TRUE(r.scenario);
  EXPECT_EQ(r.scenario->scenario.description, "one\n\ttwo\n");
  EXPECT_EQ(r.scenario->scenario.name, "x");
}

TEST(TabIndent, BlockScalarAsAListItemHoldsTabs) {
  // The text is read, so the error is about its meaning, not about the tab.
  const Reported e = only_error(
      "factions:\n  - name: a\n    kind: jihadist\n    hostile_to:\n      - >-\n"
      "        b\n        \tc\n");
  EXPECT_EQ(e.key_path, "factions.a.hostile_to.1");
  EXPECT_NE(e.message.find("unknown faction"), std::string::npos) << e.message;
}

TEST(TabIndent, IsFoundAgainOnceTheBlockScalarEnds) {
  const Reported e = only_error("scenario:\n  description: |\n    text\n\tseed: 3\n");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.column, 1);
  EXPECT_EQ(e.key_path, "scenario.seed");
}

TEST(TabIndent, PipeInsideAQuotedValueDoesNotStartABlock) {
  const Reported e = only_error("scenario:\n  name: \"a |\"\n\tseed: 3\n");
  EXPECT_EQ(e.line, 3);
}

}  // namespace
}  // namespace pocsim::scenario
