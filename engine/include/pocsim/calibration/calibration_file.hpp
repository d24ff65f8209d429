// SPDX-License-Identifier: Apache-2.0
#pragma once
// A calibration file: a scenario, the targets its outcomes should meet, the
// free parameters with their priors, and the method that finds the values
// consistent with the targets (docs/calibration.md, "pocsim calibrate").
// Read and checked like a sweep file, with the sweep file's readers: every
// error at once, at its line; each parameter's prior range is checked
// against the scenario before anything runs.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pocsim/calibration/abc_smc.hpp"
#include "pocsim/calibration/history_matching.hpp"
#include "pocsim/calibration/prior.hpp"
#include "pocsim/calibration/targets.hpp"
#include "pocsim/scenario/diagnostics.hpp"
#include "pocsim/sweep/sweep_file.hpp"

namespace pocsim::calibration {

enum class Method { abc_smc, history_matching };
inline constexpr const char* method_names[] = {"abc_smc", "history_matching"};

struct CalibrationFile {
  // The runs as a sweep would make them: name, file and text, scenario,
  // replications, seed (run k of the calibration runs with seed + k) and
  // the common `set:`; no axes, since the methods choose the points.
  sweep::SweepFile runs;
  std::filesystem::path targets_file;
  std::string targets_text;  // the targets file's bytes, kept in the manifest
  // The targets that apply to the scenario, as `pocsim check` decides.
  std::vector<Target> targets;
  std::vector<Prior> priors;
  Method method = Method::abc_smc;
  AbcSmcSettings abc_smc;
  HistoryMatchingSettings history_matching;
};

struct CalibrationLoadResult {
  std::optional<CalibrationFile> calibration;  // set only when there are no diagnostics
  Diagnostics diagnostics;
};

CalibrationLoadResult load_calibration(const std::filesystem::path& file);

// True when the text has a top-level `calibration:` section, so that
// `pocsim validate` can tell calibration files from the others.
bool looks_like_calibration(const std::string& text);

}  // namespace pocsim::calibration
