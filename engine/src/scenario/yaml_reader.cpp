#include "yaml_reader.hpp"

#include <algorithm>

namespace pocsim::scenario {

std::string join_key(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

const char* node_kind(const YAML::Node& node) {
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  if (node.IsNull()) return "nothing";
  return "a scalar";
}

SourceLocation YamlReader::at(const YAML::Node& node, const SourceLocation& fallback) const {
  if (!node.IsDefined() || node.IsNull() || node.Mark().is_null()) return fallback;
  return {file, node.Mark().line + 1, node.Mark().column + 1};
}

void YamlReader::error(const SourceLocation& where, const std::string& path, std::string message) {
  diagnostics.error(where, path.empty() ? "(document)" : path, std::move(message));
}

Mapping::Mapping(YamlReader& reader, const YAML::Node& map, std::string path, SourceLocation where)
    : reader_(reader), path_(std::move(path)), where_(std::move(where)), valid_(map.IsMap()) {
  if (!valid_) {
    reader_.error(where_, path_, std::string("expected a mapping of keys, got ") + node_kind(map));
    return;
  }
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node key = it->first;
    const SourceLocation key_where = reader_.at(key, where_);
    if (!key.IsScalar()) {
      reader_.error(key_where, path_,
                    std::string("a key must be a plain name, not ") + node_kind(key));
      continue;
    }
    const std::string name = key.Scalar();
    const auto first = std::find_if(entries_.begin(), entries_.end(),
                                    [&](const Entry& e) { return e.key == name; });
    if (first != entries_.end()) {
      reader_.error(key_where, join_key(path_, name),
                    "duplicate key '" + name + "' (first given at line " +
                        std::to_string(first->where.line) + ")");
      continue;
    }
    entries_.push_back({name, it->second, key_where, false});
  }
}

std::optional<Field> Mapping::take(const std::string& key, bool required) {
  known_.push_back(key);
  if (!valid_) return std::nullopt;
  for (Entry& e : entries_)
    if (e.key == key) {
      e.used = true;
      return Field{e.value, reader_.at(e.value, e.where), join_key(path_, key)};
    }
  if (required) reader_.error(where_, join_key(path_, key), "missing required key '" + key + "'");
  return std::nullopt;
}

std::vector<std::pair<std::string, Field>> Mapping::take_all() {
  std::vector<std::pair<std::string, Field>> out;
  for (Entry& e : entries_) {
    e.used = true;
    out.emplace_back(e.key, Field{e.value, reader_.at(e.value, e.where), join_key(path_, e.key)});
  }
  return out;
}

void Mapping::finish() {
  for (const Entry& e : entries_)
    if (!e.used)
      reader_.error(e.where, join_key(path_, e.key),
                    "unknown key '" + e.key + "'" + did_you_mean(e.key, known_));
}

Field element(const YamlReader& reader, const Field& list, std::size_t index) {
  const YAML::Node node = list.node[index];
  return {node, reader.at(node, list.where), join_key(list.path, std::to_string(index))};
}

std::optional<std::string> read_scalar(YamlReader& reader, const Field& field) {
  if (field.node.IsScalar()) return field.node.Scalar();
  reader.error(field.where, field.path,
               std::string("expected a single value, got ") + node_kind(field.node));
  return std::nullopt;
}

}  // namespace pocsim::scenario
