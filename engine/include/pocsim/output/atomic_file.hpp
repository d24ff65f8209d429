// SPDX-License-Identifier: Apache-2.0
#pragma once
// Writes a set of files so that either all of them appear or none: each is
// written under a temporary name in the target folder, and only when every
// one is complete are they renamed into place.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace pocsim {

struct FileContent {
  std::string name;
  std::string text;
  // Or the text written a piece at a time, for a file too large to hold
  // (a sweep's plan.csv); `text` is then ignored.
  std::function<void(std::ostream&)> write = {};
};

// Throws std::runtime_error (and leaves no temporary file) when any write fails.
void write_files_atomically(const std::filesystem::path& folder,
                            const std::vector<FileContent>& files);

}  // namespace pocsim
