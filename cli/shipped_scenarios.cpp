// SPDX-License-Identifier: Apache-2.0
#include "shipped_scenarios.hpp"

#include <algorithm>
#include <sstream>
#include <system_error>

#include "pocsim/classic/epstein_scenario.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/sweep/sweep_file.hpp"

namespace pocsim::cli {

namespace {

namespace fs = std::filesystem;

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
    if (line.find("SPDX-License-Identifier") != std::string::npos) continue;  // no description
    std::string body = line.substr(line.find_first_not_of("# ") == std::string::npos
                                       ? line.size()
                                       : line.find_first_not_of("# "));
    if (!body.empty()) return body;
  }
  return "";
}

}  // namespace

std::vector<ShippedScenario> shipped_scenarios(const fs::path& root) {
  std::vector<ShippedScenario> list;
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
    ShippedScenario e;
    e.file = p;
    e.name = fs::path(p.lexically_relative(root)).replace_extension().generic_string();
    if (sweep::looks_like_sweep(text))
      e.kind = "sweep";
    else if (has_top_level_key(text, "calibration"))
      e.kind = "calibration";
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
            [](const ShippedScenario& a, const ShippedScenario& b) { return a.name < b.name; });
  return list;
}

}  // namespace pocsim::cli
