// SPDX-License-Identifier: Apache-2.0
#include "pocsim/core/version.hpp"

#include <string>

#include "pocsim_build_info.hpp"  // generated at build time (cmake/PocsimBuildInfo.cmake)

namespace pocsim {

const BuildInfo& build_info() {
  static const BuildInfo info{POCSIM_BUILD_VERSION, POCSIM_BUILD_COMMIT, POCSIM_BUILD_TREE,
                              POCSIM_BUILD_TYPE, POCSIM_BUILD_COMPILER};
  return info;
}

const char* engine_version() { return POCSIM_BUILD_VERSION; }

std::string commit_description() {
  const BuildInfo& b = build_info();
  std::string text = b.commit;
  if (std::string(b.tree) == "modified") text += " (modified)";
  return text;
}

std::string build_description() {
  const BuildInfo& b = build_info();
  return std::string(b.build_type) + ", " + b.compiler;
}

std::string version_text() {
  return std::string("pocsim ") + engine_version() + "\ncommit " + commit_description() +
         "\nbuild " + build_description();
}

}  // namespace pocsim
