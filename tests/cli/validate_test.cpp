// SPDX-License-Identifier: Apache-2.0
// `pocsim validate` and `pocsim run` on malformed input: every mistake is
// reported as `FILE:LINE:COL: error: KEY.PATH: message`, with exit code 2,
// and a refused run leaves nothing behind. The malformed scenarios live in
// tests/data/bad_scenarios; each states the errors it must produce in
// `# expect: [FILE:]LINE KEY.PATH [| TEXT]` comment lines at its top, so that
// the expectations do not come from the program's own output. TEXT, when
// given, is part of the message; in it {file} stands for the file as given
// to pocsim and {dir} for its folder, absolute.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "support/diagnostic_line.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pocsim::test {
namespace {

namespace fs = std::filesystem;

struct Expectation {
  std::string file;  // file name the error is in; empty for the scenario itself
  int line = 0;
  std::string key_path;
  std::string message_part;  // empty: any message
};

using Diagnostic = DiagnosticLine;

std::string bad_scenario_dir() { return source_path("tests/data/bad_scenarios"); }
std::string bad_sweep_dir() { return source_path("tests/data/bad_sweeps"); }
std::string bad_calibration_dir() { return source_path("tests/data/bad_calibrations"); }

std::vector<std::string> yaml_files(const std::string& folder) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(folder, ec))
    if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> bad_scenarios() { return yaml_files(bad_scenario_dir()); }
std::vector<std::string> bad_sweeps() { return yaml_files(bad_sweep_dir()); }
std::vector<std::string> bad_calibrations() { return yaml_files(bad_calibration_dir()); }

// Malformed scenarios, sweep and calibration files go through the same
// tests: `validate` takes them all, and the command that would use one
// (`run`, `sweep` or `calibrate`) refuses.
std::vector<std::string> bad_inputs() {
  std::vector<std::string> files = bad_scenarios();
  for (const auto& more : {bad_sweeps(), bad_calibrations()})
    files.insert(files.end(), more.begin(), more.end());
  return files;
}

bool is_sweep(const std::string& file) { return fs::path(file).parent_path() == bad_sweep_dir(); }
bool is_calibration(const std::string& file) {
  return fs::path(file).parent_path() == bad_calibration_dir();
}

// The command that would use the file.
std::string command_for(const std::string& file) {
  return is_sweep(file) ? "sweep" : is_calibration(file) ? "calibrate" : "run";
}

std::string trimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

std::string replaced_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// The `# expect:` lines of the comment block at the top of a file. A key
// path may hold spaces (a faction's name): it runs to " | " or the end.
std::vector<Expectation> read_expectations(const std::string& path) {
  std::vector<Expectation> out;
  std::ifstream in(path);
  const std::string tag = "# expect:";
  const std::string dir = fs::absolute(fs::path(path).parent_path()).lexically_normal().string();
  for (std::string line; std::getline(in, line) && line.starts_with("#");) {
    if (!line.starts_with(tag)) continue;
    const std::string fields = trimmed(line.substr(tag.size()));
    std::string where = fields.substr(0, fields.find(' '));
    const std::string rest = fields.size() > where.size() ? fields.substr(where.size() + 1) : "";
    const std::size_t bar = rest.find(" | ");
    Expectation e;
    e.key_path = trimmed(rest.substr(0, bar));
    if (bar != std::string::npos)
      e.message_part =
          replaced_all(replaced_all(rest.substr(bar + 3), "{file}", path), "{dir}", dir);
    if (const std::size_t colon = where.rfind(':'); colon != std::string::npos) {
      e.file = where.substr(0, colon);
      where = where.substr(colon + 1);
    }
    e.line = std::stoi(where);
    out.push_back(e);
  }
  return out;
}

std::vector<std::string> nonempty_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

std::optional<Diagnostic> parse_diagnostic(const std::string& line) {
  return parse_diagnostic_line(line);
}

// Text a crash, an uncaught exception or a sanitizer leaves on stderr.
void expect_no_crash_text(const std::string& err) {
  for (const char* text : {"terminate", "Aborted", "Segmentation", "Sanitizer",
                           "runtime error:", "what():", "core dumped"})
    EXPECT_EQ(err.find(text), std::string::npos) << "stderr mentions '" << text << "':\n" << err;
}

bool names_file(const Diagnostic& d, const std::string& scenario, const Expectation& e) {
  return e.file.empty() ? d.file == scenario : fs::path(d.file).filename() == e.file;
}

class BadScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(BadScenario, ValidateReportsEveryExpectedErrorAndExitsTwo) {
  const std::string file = GetParam();
  const std::vector<Expectation> expected = read_expectations(file);
  ASSERT_FALSE(expected.empty()) << file << " has no '# expect: LINE KEY.PATH' line at its top";

  const ProcessResult r = run_pocsim({"validate", file});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out.find(": ok"), std::string::npos) << r.out;
  expect_no_crash_text(r.err);

  std::vector<Diagnostic> found;
  for (const std::string& line : nonempty_lines(r.err)) {
    // An excerpt (the line quoted, a caret under it) follows its error.
    if (line.starts_with(" ") && !found.empty()) continue;
    const std::optional<Diagnostic> d = parse_diagnostic(line);
    ASSERT_TRUE(d) << "not FILE:LINE:COL: error: KEY.PATH: message:\n" << line;
    EXPECT_GE(d->line, 1) << line;
    EXPECT_GE(d->column, 1) << line;
    // Each error names the scenario or the data file it points at.
    const bool known_file =
        d->file == file || std::any_of(expected.begin(), expected.end(), [&](const auto& e) {
          return !e.file.empty() && names_file(*d, file, e);
        });
    EXPECT_TRUE(known_file) << "error names neither " << file << " nor an expected file:\n" << line;
    found.push_back(*d);
  }
  // One kind of mistake per file: no error beside the expected ones.
  ASSERT_EQ(found.size(), expected.size()) << r.err;
  EXPECT_TRUE(names_file(found[0], file, expected[0]) && found[0].line == expected[0].line &&
              found[0].key_path == expected[0].key_path)
      << "first error should be at line " << expected[0].line << " on " << expected[0].key_path
      << ":\n"
      << r.err;
  for (const Expectation& e : expected) {
    const bool seen = std::any_of(found.begin(), found.end(), [&](const Diagnostic& d) {
      return names_file(d, file, e) && d.line == e.line && d.key_path == e.key_path &&
             d.message.find(e.message_part) != std::string::npos;
    });
    EXPECT_TRUE(seen) << "no error at " << (e.file.empty() ? "" : e.file + ":") << e.line << " on "
                      << e.key_path << " saying '" << e.message_part << "':\n"
                      << r.err;
  }
}

TEST_P(BadScenario, RunRefusesAndCreatesNoOutputFolder) {
  const std::string file = GetParam();
  TempDir tmp;
  const std::string out = tmp.file("out");
  const ProcessResult r = run_pocsim({command_for(file), file, "--out", out, "--quiet"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  expect_no_crash_text(r.err);
  EXPECT_FALSE(fs::exists(out)) << "a refused run created " << out;
  // `run`, `sweep` and `calibrate` go through the same checks as `validate`.
  EXPECT_EQ(r.err, run_pocsim({"validate", file}).err);
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  const std::string command = command_for(info.param);
  std::string name = (command == "run" ? "" : command + "_") + fs::path(info.param).stem().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, BadScenario, ::testing::ValuesIn(bad_inputs()), test_name);

TEST(BadScenarios, AtLeastTwentyKindsOfMistake) {
  EXPECT_GE(bad_scenarios().size(), 20u) << "in " << bad_scenario_dir();
}

TEST(BadSweeps, AtLeastTenKindsOfMistake) {
  EXPECT_GE(bad_sweeps().size(), 10u) << "in " << bad_sweep_dir();
}

TEST(BadCalibrations, AtLeastTenKindsOfMistake) {
  EXPECT_GE(bad_calibrations().size(), 10u) << "in " << bad_calibration_dir();
}

TEST(Validate, ShippedSweepsAreValid) {
  for (const char* name : {"demo", "flight_delay_x_withdrawal", "policy_sobol", "flight_delay_posterior",
                           "withdrawal_posterior", "calibration_sobol"}) {
    const ProcessResult r =
        run_pocsim({"validate", source_path("scenarios/sweeps/" + std::string(name) + ".yaml")});
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
  }
}

TEST(BadScenarios, SeveralErrorsFileHasAtLeastThreeExpectations) {
  EXPECT_GE(read_expectations(bad_scenario_dir() + "/several_errors.yaml").size(), 3u);
}

// --- the good scenario and several files ----------------------------------

std::string baseline() { return source_path("scenarios/mali_2022/baseline.yaml"); }

TEST(Validate, BaselineIsValid) {
  const ProcessResult r = run_pocsim({"validate", baseline()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("baseline.yaml: ok"), std::string::npos) << r.out;
}

TEST(Validate, ChecksEveryFileGivenAndReportsAllOfTheirErrors) {
  const std::string bad1 = bad_scenario_dir() + "/bad_enum.yaml";
  const std::string bad2 = bad_scenario_dir() + "/unknown_key.yaml";
  const ProcessResult r = run_pocsim({"validate", bad1, baseline(), bad2});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("baseline.yaml: ok"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find(bad1 + ":7:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(bad2 + ":7:"), std::string::npos) << r.err;
}

TEST(Validate, MissingScenarioFileIsBadInput) {
  TempDir tmp;
  const std::string missing = tmp.file("no_such.yaml");
  const ProcessResult r = run_pocsim({"validate", missing});
  EXPECT_EQ(r.exit_code, 2);
  ASSERT_TRUE(parse_diagnostic(nonempty_lines(r.err).at(0))) << r.err;
  EXPECT_EQ(parse_diagnostic(nonempty_lines(r.err)[0])->file, missing);
}

// --- --set ------------------------------------------------------------------
// `validate` takes no overrides; `show` and `run` do, through the same loader.

struct SetCase {
  std::string set;
  std::string key_path;  // reported key path
  std::string message;   // part of the message
};

void expect_set_error(const ProcessResult& r, const SetCase& c) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  expect_no_crash_text(r.err);
  const std::vector<std::string> lines = nonempty_lines(r.err);
  ASSERT_EQ(lines.size(), 1u) << r.err;
  const std::optional<Diagnostic> d = parse_diagnostic(lines[0]);
  ASSERT_TRUE(d) << lines[0];
  // The error points at the override, not at the scenario file.
  EXPECT_EQ(d->file, "<--set " + c.set + ">");
  EXPECT_EQ(d->key_path, c.key_path);
  EXPECT_NE(d->message.find(c.message), std::string::npos) << d->message;
}

TEST(SetOverride, BadValueIsRejectedWithTheRange) {
  const SetCase c{"civilians.flee_probability=2", "civilians.flee_probability",
                  "must be between 0.0 and 1.0, got 2"};
  expect_set_error(run_pocsim({"show", baseline(), "--set", c.set}), c);
}

TEST(SetOverride, ValueOfTheWrongTypeIsRejected) {
  const SetCase c{"factions.MINUSMA.units=many", "factions.MINUSMA.units",
                  "expected a whole number"};
  expect_set_error(run_pocsim({"show", baseline(), "--set", c.set}), c);
}

TEST(SetOverride, UnknownKeySuggestsTheClosestOne) {
  const SetCase c{"civilians.flee_probabilty=0.3", "civilians.flee_probabilty",
                  "did you mean 'flee_probability'?"};
  expect_set_error(run_pocsim({"show", baseline(), "--set", c.set}), c);
}

TEST(SetOverride, UnknownElementNameIsRejected) {
  const SetCase c{"factions.MINUSMAX.units=3", "factions.MINUSMAX", "no element 'MINUSMAX'"};
  expect_set_error(run_pocsim({"show", baseline(), "--set", c.set}), c);
}

TEST(SetOverride, IndexPastTheEndIsRejected) {
  const SetCase c{"factions.99.units=3", "factions.99",
                  "no element '99' in factions, which has 12"};
  expect_set_error(run_pocsim({"show", baseline(), "--set", c.set}), c);
}

// Paths in errors name list elements as --set does: by name, or by position from 1.
TEST(SetOverride, ErrorPathNamesTheFactionAsWritten) {
  const SetCase c{"factions.UK LRRG.units=-1", "factions.UK LRRG.units", "must be"};
  expect_set_error(run_pocsim({"show", baseline(), "--set", c.set}), c);
}

TEST(SetOverride, PositionsCountFromOne) {
  // The twelfth faction of the baseline is Sweden; a 13th there is not.
  const ProcessResult r = run_pocsim({"show", baseline(), "--set", "factions.12.units=41"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("units: 41"), std::string::npos);
  const SetCase c{"factions.0.units=3", "factions",
                  "an element is named by its name or its position from 1"};
  expect_set_error(run_pocsim({"show", baseline(), "--set", c.set}), c);
}

// A misspelt faction gets a "did you mean", its case, accents, '_' and '-'
// folded before the names are compared.
TEST(SetOverride, MisspeltFactionSuggestsTheClosestName) {
  for (const auto& [written, meant] : std::vector<std::pair<std::string, std::string>>{
           {"Barkane", "Barkhane"}, {"takuba", "Takuba"}, {"UK_LRRG", "UK LRRG"}}) {
    const SetCase c{"factions." + written + ".withdrawal_date=2022-06-01", "factions." + written,
                    "no element '" + written + "' in factions; did you mean '" + meant + "'?"};
    expect_set_error(run_pocsim({"show", baseline(), "--set", c.set}), c);
  }
}

TEST(SetOverride, FactionWithNothingCloseListsTheFactions) {
  const SetCase c{"factions.Atlantis.units=3", "factions.Atlantis",
                  "no element 'Atlantis' in factions; the factions are: MINUSMA, FAMa, Wagner, "
                  "JNIM, IS Sahel, CMA, Platform, Barkhane, Takuba, Germany, UK LRRG, Sweden"};
  expect_set_error(run_pocsim({"show", baseline(), "--set", c.set}), c);
}

TEST(SetOverride, MisspeltFactionInAReferenceSuggestsTheName) {
  const SetCase c{"factions.JNIM.hostile_to=[barkhane]", "factions.JNIM.hostile_to.1",
                  "unknown faction 'barkhane'; did you mean 'Barkhane'?"};
  expect_set_error(run_pocsim({"show", baseline(), "--set", c.set}), c);
}

// --- syntax errors show their line -------------------------------------------

TEST(SyntaxError, ShowsTheLineWithACaretUnderTheColumn) {
  const std::string file = bad_scenario_dir() + "/indentation_slip_in_faction.yaml";
  const ProcessResult r = run_pocsim({"validate", file});
  EXPECT_EQ(r.exit_code, 2);
  const std::vector<std::string> lines = nonempty_lines(r.err);
  ASSERT_EQ(lines.size(), 3u) << r.err;
  const std::optional<Diagnostic> d = parse_diagnostic(lines[0]);
  ASSERT_TRUE(d) << lines[0];
  EXPECT_EQ(d->line, 9);
  EXPECT_EQ(d->column, 4);  // after the three spaces
  // Line 9 of the file is "   bases: [Douentza]".
  EXPECT_EQ(lines[1], "     9 |    bases: [Douentza]");
  EXPECT_EQ(lines[2], "       |    ^");
}

TEST(SetOverride, WithoutEqualsSignIsAUsageError) {
  const SetCase c{"civilians.flee_probability", "(command line)", "expected --set KEY.PATH=VALUE"};
  expect_set_error(run_pocsim({"show", baseline(), "--set", c.set}), c);
}

TEST(SetOverride, GoodValueIsApplied) {
  const ProcessResult r = run_pocsim({"show", baseline(), "--set", "factions.Wagner.units=42"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("units: 42"), std::string::npos);
}

TEST(SetOverride, RunWithBadValueWritesNothing) {
  TempDir tmp;
  const std::string out = tmp.file("out");
  const SetCase c{"scenario.tick_hours=5", "scenario.tick_hours", "must divide 24"};
  expect_set_error(run_pocsim({"run", baseline(), "--out", out, "--quiet", "--set", c.set}), c);
  EXPECT_FALSE(fs::exists(out));
}

TEST(SetOverride, RunWithMalformedSetWritesNothing) {
  TempDir tmp;
  const std::string out = tmp.file("out");
  const ProcessResult r = run_pocsim({"run", baseline(), "--out", out, "--set", "=3"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

// --- help -------------------------------------------------------------------

class SubcommandHelp : public ::testing::TestWithParam<std::string> {};

TEST_P(SubcommandHelp, ExitsZeroAndDescribesTheCommand) {
  const ProcessResult r = run_pocsim({GetParam(), "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(GetParam()), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--help"), std::string::npos) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Commands, SubcommandHelp, ::testing::Values("run", "validate", "show"));

}  // namespace
}  // namespace pocsim::test
