// SPDX-License-Identifier: Apache-2.0
// Each mechanism's settings beside its system: scenario.hpp only composes the
// section headers of scenario/sections/, and every system names the sections
// it reads, and no other. A source reads a section when it says
// `scenario.<key>` (ctx.scenario.ied, ...) or, for the faction section, reads
// a faction's `config.`; a header when it names the section's type.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace pocsim::test {
namespace {

namespace fs = std::filesystem;

const fs::path root = POCSIM_SOURCE_DIR;

std::string text_of(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::set<std::string> matches(const std::string& text, const std::regex& re) {
  std::set<std::string> found;
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it)
    found.insert((*it)[1].str());
  return found;
}

// The sections a file includes, by header name, leaving out the shared enums.
std::set<std::string> included_sections(const std::string& text) {
  auto found = matches(text, std::regex(R"(#include "pocsim/scenario/sections/(\w+)\.hpp")"));
  found.erase("common");
  return found;
}

// Scenario's members and section types, each with its section header.
const std::map<std::string, std::string> header_of_key = {
    {"scenario", "run"},        {"world", "world"},
    {"civilians", "civilians"}, {"recruitment", "recruitment"},
    {"combat", "combat"},       {"control", "control"},
    {"detection", "detection"}, {"flights", "flights"},
    {"response", "response"},   {"ied", "ied"},
    {"medevac", "medevac"},     {"investigations", "investigations"},
    {"accord", "accord"},       {"outputs", "outputs"},
    {"factions", "faction"},    {"operations", "operation"},
    {"seasons", "season"},      {"campaigns", "campaign"}};
const std::map<std::string, std::string> header_of_type = {
    {"RunSection", "run"},
    {"WorldSection", "world"},
    {"CivilianSection", "civilians"},
    {"RecruitmentSection", "recruitment"},
    {"CombatSection", "combat"},
    {"ControlSection", "control"},
    {"DetectionSection", "detection"},
    {"FlightPolicySection", "flights"},
    {"ResponseSection", "response"},
    {"IedSection", "ied"},
    {"MedevacSection", "medevac"},
    {"InvestigationSection", "investigations"},
    {"AccordSection", "accord"},
    {"OutputSection", "outputs"},
    {"FactionSection", "faction"},
    {"OperationSection", "operation"},
    {"SeasonSection", "season"},
    {"CampaignSection", "campaign"}};

TEST(ScenarioSections, ScenarioHeaderOnlyComposes) {
  const std::string text = text_of(root / "engine/include/pocsim/scenario/scenario.hpp");
  EXPECT_LT(std::count(text.begin(), text.end(), '\n'), 150);
  EXPECT_EQ(matches(text, std::regex(R"(struct (\w+))")), std::set<std::string>{"Scenario"});
}

TEST(ScenarioSections, SystemSourcesIncludeExactlyTheSectionsTheyRead) {
  const std::regex key(R"(scenario\.(\w+)\b)");
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(root / "engine/src/systems")) {
    if (entry.path().filename() == "context.cpp") continue;  // builds the context from all
    const std::string text = text_of(entry.path());
    std::set<std::string> read;
    for (const std::string& k : matches(text, key))
      if (header_of_key.contains(k)) read.insert(header_of_key.at(k));
    if (text.find("config.") != std::string::npos) read.insert("faction");
    EXPECT_EQ(included_sections(text), read) << entry.path();
    EXPECT_EQ(text.find("scenario/scenario.hpp"), std::string::npos) << entry.path();
    ++checked;
  }
  EXPECT_GT(checked, 15);
}

TEST(ScenarioSections, SystemHeadersIncludeExactlyTheSectionsTheyName) {
  const std::regex type(R"(scenario::(\w+Section)\b)");
  for (const auto& entry : fs::directory_iterator(root / "engine/include/pocsim/systems")) {
    if (entry.path().filename() == "context.hpp") continue;  // holds the whole Scenario
    const std::string text = text_of(entry.path());
    std::set<std::string> named;
    for (const std::string& t : matches(text, type)) named.insert(header_of_type.at(t));
    EXPECT_EQ(included_sections(text), named) << entry.path();
    EXPECT_EQ(text.find("scenario/scenario.hpp"), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace pocsim::test
