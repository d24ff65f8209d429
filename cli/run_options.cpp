// SPDX-License-Identifier: Apache-2.0
#include "run_options.hpp"

#include <tbb/global_control.h>

#include <iostream>

namespace pocsim::cli {

bool results_in_the_way(const std::filesystem::path& out,
                        std::initializer_list<const char*> result_files, bool force) {
  if (force) return false;
  for (const char* name : result_files)
    if (std::filesystem::exists(out / name)) {
      std::cerr << "pocsim run: error: " << out.string()
                << " already holds the results of a run; use --force to replace them\n";
      return true;
    }
  return false;
}

int worker_threads(int requested) {
  return requested > 0 ? requested
                       : static_cast<int>(tbb::global_control::active_value(
                             tbb::global_control::max_allowed_parallelism));
}

}  // namespace pocsim::cli
