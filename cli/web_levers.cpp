// SPDX-License-Identifier: Apache-2.0
#include "web_levers.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "pocsim/scenario/printer.hpp"

namespace pocsim::cli {

namespace {

namespace fs = std::filesystem;

// Ordered, without repeats: the page shows the levers in the order the file writes them.
class KeyOrder {
 public:
  void add(const std::string& path) {
    if (seen_.insert(path).second) order_.push_back(path);
  }
  const std::vector<std::string>& paths() const { return order_; }

 private:
  std::set<std::string> seen_;
  std::vector<std::string> order_;
};

// A list element's segment as list_paths.hpp names it: its `name`, or its position from 1.
std::string lever_list_segment(const YAML::Node& item, std::size_t index) {
  if (item.IsMap() && item["name"] && item["name"].IsScalar()) {
    const std::string name = item["name"].Scalar();
    if (!name.empty() && name.find('.') == std::string::npos &&
        name.find_first_not_of("0123456789") != std::string::npos)
      return name;
  }
  return std::to_string(index + 1);
}

// Calls leaf(path, node) for every scalar, null or list of scalars under `node`.
template <class Leaf>
void walk_lever_leaves(const YAML::Node& node, const std::string& prefix, const Leaf& leaf) {
  auto join = [&](const std::string& key) { return prefix.empty() ? key : prefix + "." + key; };
  if (node.IsMap()) {
    for (const auto& entry : node)
      walk_lever_leaves(entry.second, join(entry.first.Scalar()), leaf);
  } else if (node.IsSequence() && node.size() > 0 &&
             std::all_of(node.begin(), node.end(), [](const YAML::Node& n) { return n.IsMap(); })) {
    for (std::size_t i = 0; i < node.size(); ++i)
      walk_lever_leaves(node[i], join(lever_list_segment(node[i], i)), leaf);
  } else {
    leaf(prefix, node);
  }
}

// The keys a scenario file writes, after those of the file it is based on;
// a variant's `set:` names them as --set does.
void collect_written_keys(const fs::path& file, KeyOrder& keys, int depth) {
  if (depth > 8) return;  // a loop of bases; the loader reports it
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::Exception&) {
    return;  // the loader reports the file's errors
  }
  if (!root.IsMap()) return;
  if (root["base"] && root["base"].IsScalar())
    collect_written_keys(file.parent_path() / root["base"].Scalar(), keys, depth + 1);
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    if (key == "base") continue;
    walk_lever_leaves(entry.second, key == "set" ? "" : key,
                      [&](const std::string& path, const YAML::Node&) { keys.add(path); });
  }
}

// The keys of the file's `# try: --set KEY=VALUE ...` suggestions.
std::set<std::string> suggested_keys(const fs::path& file, KeyOrder& keys) {
  std::ifstream in(file);
  std::set<std::string> suggested;
  static const std::regex set_option(R"(--set\s+([^=\s]+)=)");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# try:", 0) != 0) continue;
    for (std::sregex_iterator it(line.begin(), line.end(), set_option), end; it != end; ++it) {
      keys.add((*it)[1].str());
      suggested.insert((*it)[1].str());
    }
  }
  return suggested;
}

const std::vector<scenario::KeyInfo>& lever_reference() {
  static const std::vector<scenario::KeyInfo> reference = scenario::key_reference();
  return reference;
}

bool is_file_type(const std::string& type) { return type.rfind("file path", 0) == 0; }

// factions.MINUSMA.units -> factions[].units, the key reference's spelling.
const scenario::KeyInfo* reference_entry(const std::string& path) {
  static const std::map<std::string, const scenario::KeyInfo*> by_path = [] {
    std::map<std::string, const scenario::KeyInfo*> m;
    for (const scenario::KeyInfo& k : lever_reference()) m[k.path] = &k;
    return m;
  }();
  std::string generic;
  std::istringstream segments(path);
  std::string segment;
  while (std::getline(segments, segment, '.')) {
    const auto here = by_path.find(generic);
    if (here != by_path.end() && here->second->type == "list of sections")
      generic += "[]";
    else
      generic += (generic.empty() ? "" : ".") + segment;
  }
  const auto found = by_path.find(generic);
  return found == by_path.end() ? nullptr : found->second;
}

bool is_lever_type(std::string type) {
  const std::string nullable = " or null";
  if (type.size() > nullable.size() &&
      type.compare(type.size() - nullable.size(), nullable.size(), nullable) == 0)
    type.resize(type.size() - nullable.size());
  return type == "number" || type == "integer" || type == "boolean" || type == "date";
}

}  // namespace

bool could_name_a_file(const std::string& key_path) {
  const std::string section = key_path.substr(0, key_path.find('.'));
  const bool holds_files = std::any_of(
      lever_reference().begin(), lever_reference().end(),
      [&](const auto& k) { return is_file_type(k.type) && k.path.rfind(section + ".", 0) == 0; });
  if (!holds_files) return false;
  const scenario::KeyInfo* info = reference_entry(key_path);
  return !info || info->type == "section" || is_file_type(info->type);
}

std::vector<Lever> scenario_levers(const fs::path& file, const scenario::Scenario& resolved) {
  KeyOrder keys;
  collect_written_keys(file, keys, 0);
  const std::set<std::string> suggested = suggested_keys(file, keys);

  std::map<std::string, std::string> values;
  walk_lever_leaves(
      YAML::Load(scenario::to_yaml(resolved, {.absolute_paths = false, .comments = false})), "",
      [&](const std::string& path, const YAML::Node& node) {
        values[path] = node.IsScalar() ? node.Scalar() : "null";
      });

  std::vector<Lever> levers;
  for (const std::string& path : keys.paths()) {
    const scenario::KeyInfo* info = reference_entry(path);
    const auto value = values.find(path);
    if (!info || !is_lever_type(info->type) || value == values.end()) continue;
    Lever lever;
    lever.path = path;
    lever.type = info->type;
    lever.value = value->second;
    lever.default_value = info->default_value;
    lever.range = info->range;
    lever.bounded_below = info->min > -1e300;
    lever.bounded_above = info->max < 1e300;
    lever.min = lever.bounded_below ? info->min : 0.0;
    lever.max = lever.bounded_above ? info->max : 0.0;
    lever.doc = info->doc;
    lever.suggested = suggested.count(path) > 0;
    levers.push_back(std::move(lever));
  }
  return levers;
}

}  // namespace pocsim::cli
