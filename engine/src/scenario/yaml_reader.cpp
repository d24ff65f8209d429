// SPDX-License-Identifier: Apache-2.0
#include "yaml_reader.hpp"

#include "list_paths.hpp"

namespace pocsim::scenario {

SourceLocation YamlReader::at(const YAML::Node& node, const SourceLocation& fallback) const {
  if (!node.IsDefined() || node.IsNull() || node.Mark().is_null()) return fallback;
  return {file, node.Mark().line + 1, node.Mark().column + 1};
}

void YamlReader::error(const SourceLocation& where, const std::string& path, std::string message) {
  diagnostics.error(where, path.empty() ? "(document)" : path, std::move(message));
}

Mapping::Mapping(YamlReader& reader, const YAML::Node& map, const std::string& path,
                 const SourceLocation& where)
    : reader_(reader),
      keys_(reader.diagnostics, map, path, where,
            [&reader, where](const YAML::Node& key, const std::string&) {
              return reader.at(key, where);
            }) {}

std::optional<Field> Mapping::take(const std::string& key, bool required) {
  const KeyMapping::Entry* e = keys_.take(key, required);
  if (!e) return std::nullopt;
  return Field{e->value, reader_.at(e->value, e->where), join_key(keys_.path(), key)};
}

std::vector<std::pair<std::string, Field>> Mapping::take_all() {
  std::vector<std::pair<std::string, Field>> out;
  for (const KeyMapping::Entry& e : keys_.entries()) {
    keys_.take(e.key);
    out.emplace_back(e.key,
                     Field{e.value, reader_.at(e.value, e.where), join_key(keys_.path(), e.key)});
  }
  return out;
}

Field element(const YamlReader& reader, const Field& list, std::size_t index) {
  const YAML::Node node = list.node[index];
  return {node, reader.at(node, list.where), join_key(list.path, element_key(list.node, index))};
}

std::optional<std::string> read_scalar(YamlReader& reader, const Field& field) {
  if (field.node.IsScalar()) return field.node.Scalar();
  reader.error(field.where, field.path,
               std::string("expected a single value, got ") + node_kind(field.node));
  return std::nullopt;
}

}  // namespace pocsim::scenario
