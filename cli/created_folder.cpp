// SPDX-License-Identifier: Apache-2.0
#include "created_folder.hpp"

#include <system_error>

namespace pocsim::cli {

namespace fs = std::filesystem;

CreatedFolder::CreatedFolder(const fs::path& folder) {
  // The topmost missing folder on the way down to `folder`.
  for (fs::path p = fs::absolute(folder).lexically_normal(); !p.empty() && !fs::exists(p);
       p = p.parent_path()) {
    created_ = p;
    if (p == p.parent_path()) break;
  }
  fs::create_directories(folder);
}

CreatedFolder::~CreatedFolder() {
  if (created_.empty()) return;
  std::error_code ignored;
  fs::remove_all(created_, ignored);
}

}  // namespace pocsim::cli
