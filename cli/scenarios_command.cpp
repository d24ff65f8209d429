// SPDX-License-Identifier: Apache-2.0
// `pocsim scenarios`: the shipped scenarios, sweeps and targets, by the names
// that `pocsim run`, `show`, `validate`, `check` and `sweep` accept.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "commands.hpp"
#include "installed_paths.hpp"
#include "pocsim/classic/epstein_scenario.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/sweep/sweep_file.hpp"

namespace pocsim::cli {

namespace {

namespace fs = std::filesystem;

struct Entry {
  std::string name;   // relative to the root, without .yaml
  std::string kind;   // scenario, variant, classic, sweep, targets
  std::string about;  // the file's first comment line
};

bool has_top_level_key(const std::string& text, const std::string& key) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + ":", 0) == 0) return true;
  return false;
}

std::string first_comment(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind('#', 0) != 0) break;
    std::string body = line.substr(line.find_first_not_of("# ") == std::string::npos
                                       ? line.size()
                                       : line.find_first_not_of("# "));
    if (!body.empty()) return body;
  }
  return "";
}

std::vector<Entry> entries(const fs::path& root) {
  std::vector<Entry> list;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (it->is_directory() && p.filename() == "data") {  // the places file is no scenario
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || p.extension() != ".yaml") continue;
    const std::string text = read_input_file(p).value_or("");
    Entry e;
    e.name = fs::path(p.lexically_relative(root)).replace_extension().generic_string();
    if (sweep::looks_like_sweep(text))
      e.kind = "sweep";
    else if (has_top_level_key(text, "targets"))
      e.kind = "targets";
    else if (classic::names_classic_model(p))
      e.kind = "classic";
    else if (has_top_level_key(text, "base"))
      e.kind = "variant";
    else
      e.kind = "scenario";
    e.about = first_comment(text);
    constexpr std::size_t width = 64;
    if (e.about.size() > width) {
      std::size_t cut = width - 3;
      while (cut > 0 && (static_cast<unsigned char>(e.about[cut]) & 0xC0) == 0x80) --cut;
      e.about = e.about.substr(0, cut) + "...";
    }
    list.push_back(std::move(e));
  }
  std::sort(list.begin(), list.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  return list;
}

int list_scenarios() {
  const std::vector<fs::path> roots = scenario_roots();
  if (roots.empty()) {
    std::cerr << "pocsim scenarios: error: no shipped scenarios found (looked for "
                 "share/pocsim/scenarios next to the executable's folder)\n";
    return exit_failure;
  }
  // The first root is the one names resolve to first; a name under a later root that the first
  // also holds would never be reached, so each root lists what it adds.
  std::vector<std::string> seen;
  for (const fs::path& root : roots) {
    std::vector<Entry> list = entries(root);
    std::erase_if(list, [&](const Entry& e) {
      return std::find(seen.begin(), seen.end(), e.name) != seen.end();
    });
    if (list.empty()) continue;
    std::cout << "Shipped scenarios in " << root.string() << "\n"
              << "(pocsim run NAME, pocsim show NAME; pocsim sweep NAME for sweeps;\n"
                 " pocsim check SCENARIO --targets NAME for targets):\n\n";
    std::size_t width = 0;
    for (const Entry& e : list) width = std::max(width, e.name.size());
    for (const Entry& e : list) {
      std::cout << "  " << e.name << std::string(width - e.name.size() + 2, ' ') << e.kind
                << std::string(10 - std::min<std::size_t>(e.kind.size(), 9), ' ') << e.about
                << "\n";
      seen.push_back(e.name);
    }
    std::cout << "\n";
  }
  return exit_ok;
}

}  // namespace

void accept_scenario_names(CLI::Option* option) {
  option->transform([](std::string name) { return resolve_scenario_name(name); });
}

Command add_scenarios_command(CLI::App& app) {
  app.add_subcommand("scenarios",
                     "List the shipped scenarios, sweeps and targets by the names other commands "
                     "accept (pocsim run mali_2022/baseline)");
  return [] { return list_scenarios(); };
}

}  // namespace pocsim::cli
