// SPDX-License-Identifier: Apache-2.0
#include "readers.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <vector>

#include "pocsim/calibration/calibration_file.hpp"
#include "pocsim/calibration/targets.hpp"
#include "pocsim/scenario/loader.hpp"
#include "pocsim/sweep/sweep_file.hpp"
#include "pocsim/world/outline.hpp"
#include "pocsim/world/places.hpp"

namespace pocsim::fuzz {
namespace {

namespace fs = std::filesystem;

// The folder an input is read from. tests/fuzz/CMakeLists.txt lays it out
// like the scenarios folder, so that the paths of the shipped files that
// seed the fuzzer resolve: input/ holds links to the teaching files (a
// calibration's `presence_deterrence.yaml`), its parent links to data/,
// mali_2022/ and the others (`../data/mali_places.yaml`,
// `../mali_2022/baseline.yaml`) and to baseline.yaml (a flights variant's
// `base: ../baseline.yaml`).
fs::path input_folder() { return fs::path(POCSIM_FUZZ_ROOT) / "input"; }

// The readers that take a path get the bytes in a file of their own, one per
// process, so that targets and test processes running side by side do not
// share one.
class InputFile {
 public:
  InputFile(std::string_view bytes, const std::string& extension)
      : path_(input_folder() / ("fuzz-" + std::to_string(::getpid()) + extension)) {
    std::ofstream(path_, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~InputFile() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The contract of every reader: what it accepts comes without an error, and
// what it refuses comes with at least one, each with a file, a line and a
// column from 1, and a message.
std::string broken_contract(bool accepted, const Diagnostics& diagnostics) {
  if (accepted) return diagnostics.empty() ? "" : "accepted the input with errors";
  if (diagnostics.empty()) return "refused the input without an error";
  for (const Diagnostic& d : diagnostics.items())
    if (d.where.file.empty() || d.where.line < 1 || d.where.column < 1 || d.message.empty())
      return "an error without a place or a message: '" + d.to_string() + "'";
  return "";
}

std::string read_scenario(std::string_view bytes) {
  const auto result = scenario::load_scenario_text(std::string(bytes), "fuzz.yaml", input_folder());
  return broken_contract(result.scenario.has_value(), result.diagnostics);
}

std::string read_sweep(std::string_view bytes) {
  const auto result = sweep::load_sweep_text(std::string(bytes), "fuzz_sweep.yaml", input_folder());
  return broken_contract(result.sweep.has_value(), result.diagnostics);
}

std::string read_targets(std::string_view bytes) {
  const auto result = calibration::load_targets_text(std::string(bytes), "fuzz_targets.yaml");
  return broken_contract(result.targets.has_value(), result.diagnostics);
}

std::string read_calibration(std::string_view bytes) {
  const InputFile file(bytes, "-calibration.yaml");
  const auto result = calibration::load_calibration(file.path());
  return broken_contract(result.calibration.has_value(), result.diagnostics);
}

// The teaching scenario every `--set` and every boundaries file is tried on:
// a month on the coarse grid, the cheapest to load.
fs::path teaching_scenario() { return input_folder() / "first_run.yaml"; }

// One `--set KEY.PATH=VALUE` a line, at most 32 of them; a line without '='
// is not an override (the command line refuses it before the loader sees it).
std::string read_settings(std::string_view bytes) {
  std::vector<scenario::Override> overrides;
  while (!bytes.empty() && overrides.size() < 32) {
    const auto end = std::min(bytes.find('\n'), bytes.size());
    if (auto o = scenario::Override::parse(bytes.substr(0, end)))
      overrides.push_back(std::move(*o));
    bytes.remove_prefix(std::min(end + 1, bytes.size()));
  }
  const auto result = scenario::load_scenario(teaching_scenario(), overrides);
  return broken_contract(result.scenario.has_value(), result.diagnostics);
}

std::string read_places(std::string_view bytes) {
  const InputFile file(bytes, "-places.yaml");
  Diagnostics diagnostics;
  const bool accepted = world::load_places(file.path(), diagnostics).has_value();
  return broken_contract(accepted, diagnostics);
}

std::string read_outline(std::string_view bytes) {
  const InputFile file(bytes, "-outline.geojson");
  Diagnostics diagnostics;
  const bool accepted = world::load_outline(file.path(), diagnostics).has_value();
  return broken_contract(accepted, diagnostics);
}

// The regions' and districts' files through the scenario that names them,
// so that the regions' names are matched against the places file's and an
// error about one is placed in the file (feature_property_location).
std::string read_boundaries(std::string_view bytes) {
  const InputFile file(bytes, "-boundaries.geojson");
  const std::string path = file.path().string();
  std::vector<scenario::Override> overrides;
  for (const std::string& setting :
       {"world.regions=" + path, std::string("world.region_name_property=name_fr"),
        "world.districts=" + path, std::string("world.district_name_property=name_fr")})
    overrides.push_back(*scenario::Override::parse(setting));
  const auto result = scenario::load_scenario(teaching_scenario(), overrides);
  return broken_contract(result.scenario.has_value(), result.diagnostics);
}

constexpr std::array all_readers{
    Reader{"scenario", read_scenario}, Reader{"sweep", read_sweep},
    Reader{"targets", read_targets},   Reader{"calibration", read_calibration},
    Reader{"set", read_settings},      Reader{"places", read_places},
    Reader{"outline", read_outline},   Reader{"boundaries", read_boundaries},
};

}  // namespace

std::span<const Reader> readers() { return all_readers; }

Reader reader(std::string_view name) {
  for (const Reader& r : all_readers)
    if (r.name == name) return r;
  return {name, nullptr};
}

}  // namespace pocsim::fuzz
