// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading a whole input file (scenario, sweep, targets, places, outline) as text.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "pocsim/scenario/diagnostics.hpp"

namespace pocsim {

// The largest input files pocsim reads, so that no input can make it
// exhaust the machine: a /dev/zero, a FIFO or a 200 MB file is refused at
// once, naming the limit, instead of being read. YAML files (scenarios,
// variants, sweeps, targets, places, calibrations) are a few kilobytes;
// GeoJSON outlines and boundaries reach half a megabyte (OCHA's cercles).
inline constexpr std::uintmax_t yaml_input_limit = std::uintmax_t{4} << 20;      // 4 MiB
inline constexpr std::uintmax_t geojson_input_limit = std::uintmax_t{32} << 20;  // 32 MiB
inline constexpr std::uintmax_t no_input_limit = UINTMAX_MAX;  // pocsim's own files

// Why `file` cannot be read as an input file of at most `max_bytes`, in
// words that follow "cannot read the WHAT file: " ("it is a FIFO, not a
// regular file", "it has 209715200 bytes, more than the 4 MiB allowed");
// empty when it can. Only regular files are read, after symbolic links.
std::string input_file_problem(const std::filesystem::path& file, std::uintmax_t max_bytes);

// The file's bytes, or nothing when it is missing, cannot be opened or has
// a problem above.
std::optional<std::string> read_input_file(const std::filesystem::path& file,
                                           std::uintmax_t max_bytes = no_input_limit);

// The same, reporting a file that is missing as `FILE:1:1: error: (file):
// cannot open the WHAT file`, and one with a problem as `... cannot read
// the WHAT file: PROBLEM`.
std::optional<std::string> read_input_file(const std::filesystem::path& file,
                                           const std::string& what, Diagnostics& diagnostics,
                                           std::uintmax_t max_bytes = yaml_input_limit);

// For a path that was not found: " (relative to the folder of FILE: DIR)"
// when `written` is relative, `folder` (the folder of `file`, where it was
// read) shown absolute so that the user sees where it was looked for; ""
// when `written` is absolute.
std::string relative_path_note(const std::string& written, const std::string& file,
                               const std::filesystem::path& folder);

}  // namespace pocsim
