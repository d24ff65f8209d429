// SPDX-License-Identifier: Apache-2.0
#pragma once
// The changes a teaching scenario's header suggests, in the machine-readable
// form its `# try:` lines give them:
//   # try: --set KEY=VALUE [--set KEY=VALUE ...]  expect: OUTCOME up|down|same[, OUTCOME ...]
// where OUTCOME is a summary.json name as `pocsim show --outcomes` lists it
// (civilian_deaths.by_faction.FAMa) and the direction is that of its mean
// over seeds with the change, against the file as written. A value with
// spaces or brackets may be quoted as in a shell ("factions.IS Sahel.units=2").
// The header also shows each change as the command a student copies
// (`pocsim run scenarios/teaching/FILE --out DIR --set ...`); those commands
// are read too, so that a test can check that each command has its `try:`
// line and each `try:` line its command.
#include <string>
#include <vector>

namespace pocsim::test {

enum class Direction { up, down, same };

struct Expectation {
  std::string outcome;
  Direction direction = Direction::same;
};

struct Suggestion {
  int line = 0;                        // 1-based, in its file
  std::vector<std::string> overrides;  // KEY=VALUE, in the order written
  std::vector<Expectation> expectations;
};

struct TeachingHeader {
  std::vector<Suggestion> suggestions;
  // The --set values of each `pocsim run` command of the comments that
  // names a change (commands without --set, the run as written, are left out).
  std::vector<std::vector<std::string>> commands;
  // "LINE: message" for each `try:` line or command that cannot be read.
  std::vector<std::string> errors;
};

// Reads one `try:` line's text after "try:"; on failure returns nothing and
// sets `error`.
bool parse_try_line(const std::string& text, Suggestion& out, std::string& error);

// Reads the `try:` lines and the `pocsim run` commands of every comment line
// of a scenario file. `relative` is the file's path as a command names it
// (scenarios/teaching/first_run.yaml); a command naming another file is an
// error.
TeachingHeader read_teaching_header(const std::string& path, const std::string& relative);

std::string to_string(Direction direction);

}  // namespace pocsim::test
