// SPDX-License-Identifier: Apache-2.0
#pragma once
// What produced a result: pocsim's version (project() in CMakeLists.txt), the
// git commit of the source tree it was built from, whether that tree had
// changes not committed, the build type and the compiler. Written into
// summary.json, manifest.json and the report, and printed by --version.
#include <string>

namespace pocsim {

struct BuildInfo {
  const char* version;     // "0.2.0"
  const char* commit;      // the full hash, or "unknown commit" outside a git checkout
  const char* tree;        // "clean", "modified" (changes not committed) or "unknown"
  const char* build_type;  // CMAKE_BUILD_TYPE, e.g. "Release"
  const char* compiler;    // e.g. "GNU 12.2.0"
};

const BuildInfo& build_info();

// The version number alone, e.g. "0.2.0".
const char* engine_version();

// "0123abcd..." or "0123abcd... (modified)" or "unknown commit".
std::string commit_description();

// "Release, GNU 12.2.0".
std::string build_description();

// The text of `pocsim --version`: "pocsim 0.2.0\ncommit ...\nbuild ...".
std::string version_text();

}  // namespace pocsim
