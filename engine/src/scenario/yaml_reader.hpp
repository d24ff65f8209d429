// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading a YAML document field by field, for the readers of targets, sweep
// and places files, whose shapes describe() cannot express; YamlReader is
// also the state the describe()-driven reader (describe_reader.hpp) builds
// on. Each value comes with where it was written and its key path, and the
// keys of each mapping are checked by scenario::KeyMapping, as the scenario
// loader checks them, so every input file reports alike.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "key_mapping.hpp"
#include "pocsim/scenario/diagnostics.hpp"
#include "pocsim/scenario/spec.hpp"
#include "typed_scalar.hpp"

namespace pocsim::scenario {

struct YamlReader {
  std::string file;
  Diagnostics diagnostics;

  // yaml-cpp marks an empty value (`key:` and nothing after it) at the next
  // token, often on a later line; the fallback (its key) is the place then.
  SourceLocation at(const YAML::Node& node, const SourceLocation& fallback) const;
  void error(const SourceLocation& where, const std::string& path, std::string message);
};

// A value found under a key: the node, where it was written and its key path.
struct Field {
  YAML::Node node;
  SourceLocation where;
  std::string path;
};

// The keys of one mapping, handing out each value as a Field.
class Mapping {
 public:
  Mapping(YamlReader& reader, const YAML::Node& map, const std::string& path,
          const SourceLocation& where);

  std::size_t size() const { return keys_.size(); }
  bool valid() const { return keys_.valid(); }

  std::optional<Field> take(const std::string& key, bool required = false);
  // Every key with its value, in the order of the file, for mappings whose
  // keys are data (key paths to set) rather than a fixed schema.
  std::vector<std::pair<std::string, Field>> take_all();
  void finish() { keys_.finish(); }

 private:
  YamlReader& reader_;
  KeyMapping keys_;
};

// The element `index` of a list field, as a field of its own, its path
// naming it as list_paths.hpp says.
Field element(const YamlReader& reader, const Field& list, std::size_t index);

// A scalar's text; an error and nothing for a list or a mapping.
std::optional<std::string> read_scalar(YamlReader& reader, const Field& field);

// A scalar as a typed value in the range of `spec`, read as the scenario's
// values are (parse_scalar); an error and nothing when it is not one.
template <class T>
std::optional<T> read_typed(YamlReader& reader, const Field& field, const Spec& spec = {}) {
  const std::optional<std::string> text = read_scalar(reader, field);
  if (!text) return std::nullopt;
  T value{};
  if (std::string message = parse_scalar(*text, value, spec); !message.empty()) {
    reader.error(field.where, field.path, std::move(message));
    return std::nullopt;
  }
  return value;
}

}  // namespace pocsim::scenario
