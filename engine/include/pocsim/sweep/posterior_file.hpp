// SPDX-License-Identifier: Apache-2.0
#pragma once
// A posterior.csv, as `pocsim calibrate` writes it and a sweep's
// `parameters: {posterior: PATH, draws: K}` reads it: a header
// `particle,weight,KEY,...` (scenario key paths, as for --set), then one row
// per accepted parameter set in increasing particle number, weights >= 0 that
// sum to 1. Every mistake is reported at its line and column in the CSV.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pocsim/scenario/diagnostics.hpp"

namespace pocsim::sweep {

// A value of one key in one particle, with the cell it came from.
struct PosteriorCell {
  std::string text;  // as written, so that a run sets exactly the printed value
  double value = 0.0;
  SourceLocation where;
};

struct Particle {
  std::uint64_t id = 0;               // the `particle` column
  double weight = 0.0;                // normalised: the weights of a posterior sum to 1 exactly
  std::vector<PosteriorCell> values;  // one per key, in header order
};

struct Posterior {
  std::filesystem::path file;  // as resolved against the sweep file's folder
  std::string hash;            // of the file's bytes: a resume or merge must see the same
  std::vector<std::string> keys;
  std::vector<SourceLocation> key_places;  // the header cell of each key
  std::vector<Particle> particles;
};

// How far the weights may sum from 1 (they are printed with limited digits).
inline constexpr double posterior_weight_tolerance = 1e-3;

// Reads and checks the text of a posterior file named `file`; nothing when
// there are errors, all of which are in `diagnostics` (under the key path
// `sweep_key`, the sweep file's key that names the posterior).
std::optional<Posterior> parse_posterior(const std::string& text, const std::filesystem::path& file,
                                         const std::string& sweep_key, Diagnostics& diagnostics);

// FNV-1a (64-bit) of the bytes, as 16 hex digits: enough to notice that a
// posterior file changed between a sweep and its resume or merge.
std::string bytes_hash(const std::string& bytes);

}  // namespace pocsim::sweep
