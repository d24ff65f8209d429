// SPDX-License-Identifier: Apache-2.0
#pragma once
// The levers of a scenario for the explorer's page: the keys its file (and
// the files it is based on) writes, and the keys its `# try: --set KEY=...`
// suggestions name, each with its value in the resolved scenario and with the
// type, range and meaning of the scenario key reference (printer.hpp). No
// list of levers is kept anywhere else: a key written into a scenario becomes
// a lever of it.
#include <filesystem>
#include <string>
#include <vector>

#include "pocsim/scenario/scenario.hpp"

namespace pocsim::cli {

struct Lever {
  std::string path;   // as --set takes it: factions.MINUSMA.units
  std::string type;   // of the key reference: number, integer, boolean, date, date or null, ...
  std::string value;  // in the resolved scenario; "null" for an absent optional
  std::string default_value;
  std::string range;  // the reference's text, e.g. "[0, 1]"
  double min = 0.0, max = 0.0;
  bool bounded_below = false, bounded_above = false;
  std::string doc;
  bool suggested = false;  // named by a `# try:` line of the file
};

// Scalar keys only (numbers, integers, booleans, dates, and those or null):
// a list or a text (names, file paths) is no lever to move on a page.
std::vector<Lever> scenario_levers(const std::filesystem::path& file,
                                   const scenario::Scenario& resolved);

// True when an override of `key_path` could point the scenario at another
// file: a data file's key, a section that holds one, or a key of such a
// section that the key reference does not know. The explorer refuses these,
// so that no request reads a file outside the shipped scenarios.
bool could_name_a_file(const std::string& key_path);

}  // namespace pocsim::cli
