// SPDX-License-Identifier: Apache-2.0
#pragma once
// The keys of one YAML mapping, each read at most once, for the readers of
// scenario, variant and targets files: one place decides how a duplicate, a
// missing or an unknown key is reported, so all input files report them alike.
#include <yaml-cpp/yaml.h>

#include <functional>
#include <string>
#include <vector>

#include "pocsim/scenario/diagnostics.hpp"

namespace pocsim::scenario {

// "a mapping", "a list", "nothing" or "a scalar", for messages.
const char* node_kind(const YAML::Node& node);

// "parent.key", or "key" at the top.
std::string join_key(const std::string& parent, const std::string& key);

// The paths of a schema's keys that end in `key` ("factions[].hostile_to"),
// for a key written where it is unknown: it may be a known key at another
// depth, moved there by an indentation slip.
using KeyHomes = std::function<std::vector<std::string>(const std::string& key)>;

// "'KEY' is a key of each faction (factions[].KEY): check its indentation".
std::string misplaced_key_message(const std::string& key, const std::vector<std::string>& homes);

class KeyMapping {
 public:
  // Where a key node was written; `path` is its full key path. The readers
  // differ here only: the loader also places keys that a `set` added.
  using Locate = std::function<SourceLocation(const YAML::Node& key, const std::string& path)>;

  struct Entry {
    std::string key;
    YAML::Node value;
    SourceLocation where;  // of the key
    bool used = false;
  };

  // Reports a node that is not a mapping, keys that are not plain names and
  // duplicate keys (the first one counts).
  KeyMapping(Diagnostics& diagnostics, const YAML::Node& map, std::string path,
             SourceLocation where, const Locate& locate);

  bool valid() const { return valid_; }
  std::size_t size() const { return entries_.size(); }
  const std::string& path() const { return path_; }
  const SourceLocation& where() const { return where_; }
  // Every key in the order written, first of duplicates only; for readers
  // whose keys are data (a variant's key paths), not a fixed set.
  const std::vector<Entry>& entries() const { return entries_; }

  // The entry under `key`, now used; nullptr when there is none, which is
  // reported at the mapping when the key is required.
  Entry* take(const std::string& key, bool required = false);

  // Reports every key nobody took: where it belongs when `homes` knows it
  // elsewhere, otherwise with the closest known key as a hint.
  void finish(const KeyHomes& homes = {});

 private:
  void error(const SourceLocation& where, const std::string& path, std::string message);

  Diagnostics& diagnostics_;
  std::string path_;
  SourceLocation where_;
  bool valid_;
  std::vector<Entry> entries_;
  std::vector<std::string> known_;
};

}  // namespace pocsim::scenario
