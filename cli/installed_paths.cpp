// SPDX-License-Identifier: Apache-2.0
#include "installed_paths.hpp"

#include <cstdlib>
#include <system_error>

namespace pocsim::cli {

namespace {

namespace fs = std::filesystem;

// Both set by cli/CMakeLists.txt: the share/pocsim folder relative to the
// installed binary's folder, and the build and source trees of this build.
constexpr const char* share_from_bin = POCSIM_SHARE_FROM_BIN;
constexpr const char* build_tree = POCSIM_BUILD_TREE_DIR;
constexpr const char* source_tree = POCSIM_SOURCE_TREE_DIR;

fs::path canonical_or_empty(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? fs::path() : c;
}

bool is_within(const fs::path& inner, const fs::path& outer) {
  if (inner.empty() || outer.empty()) return false;
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

fs::path installed_share() {
  const fs::path bin = executable_dir();
  return bin.empty() ? fs::path() : canonical_or_empty(bin / share_from_bin);
}

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return !p.empty() && fs::is_directory(p, ec);
}

}  // namespace

fs::path executable_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

bool runs_from_build_tree() {
  return is_within(canonical_or_empty(executable_dir()), canonical_or_empty(build_tree));
}

std::vector<fs::path> scenario_roots() {
  std::vector<fs::path> roots;
  const fs::path share = installed_share();
  if (is_dir(share / "scenarios")) roots.push_back(share / "scenarios");
  if (runs_from_build_tree()) {
    const fs::path source = canonical_or_empty(fs::path(source_tree) / "scenarios");
    if (is_dir(source) && (roots.empty() || roots.front() != source)) roots.push_back(source);
  }
  return roots;
}

std::string resolve_scenario_name(const std::string& name) {
  std::error_code ec;
  if (name.empty() || fs::exists(name, ec)) return name;
  const fs::path relative(name);
  if (relative.is_absolute()) return name;
  for (const fs::path& root : scenario_roots()) {
    if (is_file(root / relative)) return (root / relative).string();
    const fs::path with_extension = root / (name + ".yaml");
    if (is_file(with_extension)) return with_extension.string();
  }
  return name;
}

fs::path analysis_dir() {
  const char* set = std::getenv("POCSIM_ANALYSIS_DIR");
  if (set && *set) return set;
  const fs::path installed = installed_share() / "analysis";
  if (is_file(installed / "report.py")) return installed;
  if (runs_from_build_tree()) {
    const fs::path source = fs::path(source_tree) / "analysis";
    if (is_file(source / "report.py")) return source;
  }
  return installed.empty() ? fs::path(share_from_bin) / "analysis" : installed;
}

}  // namespace pocsim::cli
