#pragma once
// Reading a YAML document key by key with every problem reported at its
// place: wrong node kinds, duplicate keys, and keys nobody asked for (with the
// closest known key as a hint). Shared by the readers of targets and sweep
// files so that they report errors exactly as the scenario loader does.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "pocsim/scenario/diagnostics.hpp"

namespace pocsim::scenario {

// "parent.key", or "key" at the top.
std::string join_key(const std::string& parent, const std::string& key);

// "a mapping", "a list", "nothing" or "a scalar", for messages.
const char* node_kind(const YAML::Node& node);

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

// The keys of one mapping. Duplicates are reported when it is read; keys that
// no one asked for are reported by finish(), with the closest known key.
class Mapping {
 public:
  Mapping(YamlReader& reader, const YAML::Node& map, std::string path, SourceLocation where);

  std::size_t size() const { return entries_.size(); }
  bool valid() const { return valid_; }

  std::optional<Field> take(const std::string& key, bool required = false);
  // Every key with its value, in the order of the file, for mappings whose
  // keys are data (key paths to set) rather than a fixed schema.
  std::vector<std::pair<std::string, Field>> take_all();
  void finish();

 private:
  struct Entry {
    std::string key;
    YAML::Node value;
    SourceLocation where;
    bool used;
  };
  YamlReader& reader_;
  std::string path_;
  SourceLocation where_;
  bool valid_;
  std::vector<Entry> entries_;
  std::vector<std::string> known_;
};

// The element `index` of a list field, as a field of its own.
Field element(const YamlReader& reader, const Field& list, std::size_t index);

// A scalar's text; an error and nothing for a list or a mapping.
std::optional<std::string> read_scalar(YamlReader& reader, const Field& field);

}  // namespace pocsim::scenario
