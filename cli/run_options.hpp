// SPDX-License-Identifier: Apache-2.0
#pragma once
// What `pocsim run` takes, and the steps every model's run shares: where the
// results go, refusing to replace earlier results without --force, and how
// many worker threads to use.
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace pocsim::cli {

struct RunOptions {
  std::string file;
  std::string out;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  std::vector<std::string> sets;
  std::vector<std::string> windows;  // NAME=FIRST_DAY:LAST_DAY
  bool quiet = false;
  bool force = false;
};

// True (after saying why on stderr) when `out` already holds one of the
// result files and --force was not given.
bool results_in_the_way(const std::filesystem::path& out,
                        std::initializer_list<const char*> result_files, bool force);

// --threads, or every core TBB allows when it is 0.
int worker_threads(int requested);

}  // namespace pocsim::cli
