// SPDX-License-Identifier: Apache-2.0
#pragma once
// The files of a calibration directory (docs/outputs.md): the manifest,
// written at the start and again at the end; the journal of runs; and, at
// the end, posterior.csv, waves.csv, predictive.csv and runs.csv.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pocsim/calibration/calibration_file.hpp"
#include "pocsim/calibration/observations.hpp"

namespace pocsim::calibration {

// Every name a calibration writes into its directory; --force removes these only.
std::vector<std::string> calibration_file_names();

struct CalibrationManifest {
  std::string name;
  std::string file;           // as named on the command line
  std::string text;           // the calibration file's bytes
  std::string scenario_text;  // the scenario's and targets' bytes: a resume must
  std::string targets_text;   // calibrate the same model against the same facts
  std::string started;
  std::optional<std::string> finished;
  std::size_t simulations = 0;
};

std::string manifest_json(const CalibrationManifest& manifest, const CalibrationFile& calibration);
std::optional<CalibrationManifest> read_calibration_manifest(const std::filesystem::path& folder);

// posterior.csv: particle, weight, then each parameter's model value (whole
// numbers rounded), one row per accepted point.
std::string posterior_csv(const CalibrationFile& calibration, const Posterior& posterior);

// waves.csv: wave, method, threshold, points proposed (simulated) and
// accepted, acceptance rate, the history matching's non-implausible share,
// simulations (points x replications) and their running total.
std::string waves_csv(const CalibrationFile& calibration, const Posterior& posterior);

// predictive.csv: per target, its band, and the posterior predictive mean
// and 5% and 95% quantiles of its replication mean over the accepted points
// (by weight); covered when that 90% interval overlaps the band.
std::string predictive_csv(const CalibrationFile& calibration, const Posterior& posterior);

// The weighted p-quantile: the smallest value whose cumulative weight (in
// increasing order of value) reaches p. NaN values are left out.
double weighted_quantile(const std::vector<double>& values, const std::vector<double>& weights,
                         double p);

}  // namespace pocsim::calibration
