// SPDX-License-Identifier: Apache-2.0
#include "key_mapping.hpp"

namespace pocsim::scenario {

const char* node_kind(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return "nothing";
    default:
      return "a scalar";
  }
}

std::string join_key(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

KeyMapping::KeyMapping(Diagnostics& diagnostics, const YAML::Node& map, std::string path,
                       SourceLocation where, const Locate& locate)
    : diagnostics_(diagnostics),
      path_(std::move(path)),
      where_(std::move(where)),
      valid_(map.IsMap()) {
  if (!valid_) {
    error(where_, path_, std::string("expected a mapping of keys, got ") + node_kind(map));
    return;
  }
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      error(locate(key, path_), path_,
            std::string("a key must be a plain name, not ") + node_kind(key));
      continue;
    }
    const std::string name = key.Scalar();
    const std::string key_path = join_key(path_, name);
    const SourceLocation key_where = locate(key, key_path);
    bool duplicate = false;
    for (const Entry& e : entries_)
      if (e.key == name) {
        error(key_where, key_path,
              "duplicate key '" + name + "' (first given at line " + std::to_string(e.where.line) +
                  ")");
        duplicate = true;
      }
    if (!duplicate) entries_.push_back({name, it->second, key_where, false});
  }
}

KeyMapping::Entry* KeyMapping::take(const std::string& key, bool required) {
  known_.push_back(key);
  if (!valid_) return nullptr;
  for (Entry& e : entries_)
    if (e.key == key) {
      e.used = true;
      return &e;
    }
  if (required) error(where_, join_key(path_, key), "missing required key '" + key + "'");
  return nullptr;
}

namespace {

// "each faction" for factions[], "civilians" for civilians.
std::string owner_of_key(const std::string& parent) {
  if (!parent.ends_with("[]")) return parent;
  const std::string list = parent.substr(0, parent.size() - 2);
  const std::string last = list.substr(list.rfind('.') + 1);
  if (last.size() > 1 && last.back() == 's') return "each " + last.substr(0, last.size() - 1);
  return "each element of " + list;
}

}  // namespace

std::string misplaced_key_message(const std::string& key, const std::vector<std::string>& homes) {
  std::vector<std::string> owners;
  for (const std::string& home : homes) {
    const std::size_t dot = home.rfind('.');
    owners.push_back(dot == std::string::npos
                         ? "the top level"
                         : owner_of_key(home.substr(0, dot)) + " (" + home + ")");
  }
  std::string places;
  for (std::size_t i = 0; i < owners.size(); ++i)
    places += (i == 0 ? "" : i + 1 == owners.size() ? " or " : ", ") + owners[i];
  return "'" + key + "' is a key of " + places + ": check its indentation";
}

void KeyMapping::finish(const KeyHomes& homes) {
  for (const Entry& e : entries_) {
    if (e.used) continue;
    const std::vector<std::string> elsewhere = homes ? homes(e.key) : std::vector<std::string>{};
    error(e.where, join_key(path_, e.key),
          elsewhere.empty() ? "unknown key '" + e.key + "'" + did_you_mean(e.key, known_)
                            : misplaced_key_message(e.key, elsewhere));
  }
}

void KeyMapping::error(const SourceLocation& where, const std::string& path, std::string message) {
  diagnostics_.error(where, path.empty() ? "(document)" : path, std::move(message));
}

}  // namespace pocsim::scenario
