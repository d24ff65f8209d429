// SPDX-License-Identifier: Apache-2.0
#pragma once
// The describe()-driven reader: reads a YAML tree into any struct that
// describes its keys (the scenario, the Epstein scenario), with defaults,
// types and ranges checked, unknown and duplicate keys reported with a
// "did you mean", and `set` entries and `--set` overrides applied to the tree
// before it is read so that they pass the same checks and are reported where
// they were written.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "describe_traits.hpp"
#include "key_mapping.hpp"
#include "pocsim/scenario/diagnostics.hpp"
#include "pocsim/scenario/loader.hpp"
#include "pocsim/scenario/spec.hpp"
#include "typed_scalar.hpp"
#include "yaml_reader.hpp"

namespace pocsim::scenario {

// Where a value written outside the tree's own file came from: a `set`
// entry of a variant file or a `--set` on the command line. Everything at or
// under `key` is reported there, not in the base file whose tree it landed in.
struct SetOrigin {
  std::string key;                 // normalized: list elements by zero-based index
  SourceLocation where;            // the value as written
  SourceLocation key_where;        // the key as written; nodes the set created
  std::string file;                // the variant file, whose marks the value's nodes carry;
                                   // empty for the command line (a value parsed on its own)
  std::filesystem::path base_dir;  // relative data paths in the value resolve here
};

// The state of one read: `file` is the file the tree came from (the last base
// of a chain of variants), `diagnostics` collects every error.
struct LoadContext : YamlReader {
  std::filesystem::path base_dir;  // the folder of `file`
  std::map<std::string, SourceLocation> locations;
  std::vector<SetOrigin> overridden;  // in the order applied
  KeyHomes key_homes;                 // where the schema's keys belong; none: no hint

  // The last set that wrote `path` or a section around it, if any.
  const SetOrigin* set_at(const std::string& path) const {
    for (auto it = overridden.rbegin(); it != overridden.rend(); ++it)
      if (path == it->key || path.starts_with(it->key + ".")) return &*it;
    return nullptr;
  }

  using YamlReader::at;
  SourceLocation at(const YAML::Mark& mark, const std::string& path,
                    const SourceLocation& fallback) const {
    const bool unmarked = mark.is_null() || mark.line < 0;
    if (const SetOrigin* set = set_at(path)) {
      if (set->file.empty()) return set->where;
      return unmarked ? set->key_where : SourceLocation{set->file, mark.line + 1, mark.column + 1};
    }
    if (unmarked) {
      // Only a set creates nodes without a mark: a section or key that
      // `a.b: 1` added is not in the base file, so that file is the wrong place.
      for (auto it = overridden.rbegin(); it != overridden.rend(); ++it)
        if (it->key.starts_with(path + ".")) return it->file.empty() ? it->where : it->key_where;
      return fallback;
    }
    return {file, mark.line + 1, mark.column + 1};
  }
  // A relative data path resolves against the folder of the file that wrote it.
  std::filesystem::path folder_of(const std::string& path) const {
    const SetOrigin* set = set_at(path);
    return set ? set->base_dir : base_dir;
  }
  // Where the value at `path` was read; the top of the file if it was not.
  SourceLocation location_of(const std::string& path) const {
    auto it = locations.find(path);
    return it != locations.end() ? it->second : SourceLocation{file, 1, 1};
  }
};

// Resolves a data path against the scenario's folder and reports it when
// there is no such file.
void resolve_data_file(LoadContext& ctx, const std::string& path, const SourceLocation& where,
                       DataFile& file);

// Writes `value` at `key_path` in the tree: the one mechanism behind a
// variant's `set` entries and the command line's `--set`, so both pass the
// same checks. `origin.key` is filled in with the normalized path.
void apply_set(LoadContext& ctx, YAML::Node root, const std::string& key_path,
               const YAML::Node& value, SetOrigin origin);

// A `--set KEY.PATH=VALUE`; relative data paths in the value resolve in `folder`.
void apply_override(LoadContext& ctx, YAML::Node root, const Override& o,
                    const std::filesystem::path& folder);

template <class T>
void read_value(LoadContext& ctx, const YAML::Node& node, const std::string& path,
                const SourceLocation& where, T& out, const Spec& spec);

// Reads the keys of one mapping into a struct, in the order the struct
// describes them, then reports keys it did not describe.
class LoadVisitor {
 public:
  LoadVisitor(LoadContext& ctx, const YAML::Node& map, std::string path, SourceLocation where)
      : ctx_(ctx),
        // A key is located by its own path, so that a key a set added is
        // reported at the set, not at the enclosing section in the base file.
        keys_(ctx.diagnostics, map, std::move(path), where,
              [&ctx, where](const YAML::Node& key, const std::string& key_path) {
                return ctx.at(key.Mark(), key_path, where);
              }) {}

  template <class T>
  void operator()(const char* key, T& member, const Spec& spec) {
    const std::string path = join_key(keys_.path(), key);
    const SourceLocation& where = keys_.where();
    if (const KeyMapping::Entry* e = keys_.take(key, spec.required)) {
      // yaml-cpp marks an empty value (`key:` and nothing after it) at the
      // next token, often a later line or past the end; the key is the place.
      const SourceLocation value_where =
          ctx_.at(e->value.IsNull() ? YAML::Mark::null_mark() : e->value.Mark(), path, e->where);
      ctx_.locations[path] = value_where;
      read_value(ctx_, e->value, path, value_where, member, spec);
      return;
    }
    ctx_.locations[path] = where;
    // A default data path, also one in a section left out, resolves against
    // the scenario's folder like a given one; left unresolved, the places
    // file would not be read and no town or region would be checked.
    if constexpr (Describable<T>)
      read_value(ctx_, YAML::Node(YAML::NodeType::Map), path, where, member, spec);
    else if constexpr (std::is_same_v<T, DataFile>)
      resolve_data_file(ctx_, path, where, member);
  }

  void finish() { keys_.finish(ctx_.key_homes); }

 private:
  LoadContext& ctx_;
  KeyMapping keys_;
};

template <class T>
void read_value(LoadContext& ctx, const YAML::Node& node, const std::string& path,
                const SourceLocation& where, T& out, const Spec& spec) {
  if constexpr (Describable<T>) {
    if (!node.IsMap()) {
      ctx.error(where, path, std::string("expected a mapping of keys, got ") + node_kind(node));
      return;
    }
    LoadVisitor visitor(ctx, node, path, where);
    out.describe(visitor);
    visitor.finish();
  } else if constexpr (is_vector<T>::value) {
    if (node.IsNull()) {
      out.clear();
      return;
    }
    if (!node.IsSequence()) {
      ctx.error(where, path, std::string("expected a list, got ") + node_kind(node));
      return;
    }
    if (node.size() > spec.max_items) {
      ctx.error(where, path,
                "the list has " + std::to_string(node.size()) + " items, more than the " +
                    std::to_string(spec.max_items) + " allowed");
      return;
    }
    out.assign(node.size(), typename T::value_type{});
    for (std::size_t i = 0; i < node.size(); ++i) {
      const std::string item_path = path + "." + std::to_string(i);
      const SourceLocation item_where = ctx.at(node[i].Mark(), item_path, where);
      ctx.locations[item_path] = item_where;
      read_value(ctx, node[i], item_path, item_where, out[i], spec);
    }
  } else if constexpr (is_optional<T>::value) {
    if (node.IsNull() || (node.IsScalar() && (node.Scalar() == "null" || node.Scalar() == "~"))) {
      out.reset();
      return;
    }
    typename T::value_type inner{};
    read_value(ctx, node, path, where, inner, spec);
    out = inner;
  } else {
    if (!node.IsScalar()) {
      ctx.error(where, path, std::string("expected a single value, got ") + node_kind(node));
      return;
    }
    if constexpr (std::is_same_v<T, DataFile>) {
      out.path = node.Scalar();
      resolve_data_file(ctx, path, where, out);
    } else if (std::string message = parse_scalar(node.Scalar(), out, spec); !message.empty()) {
      ctx.error(where, path, std::move(message));
    }
  }
}

// Reads a whole document into `out` after applying the overrides: the top
// node must be a mapping. Errors are in ctx.diagnostics, in reading order.
template <class T>
void read_document(LoadContext& ctx, YAML::Node root, const std::vector<Override>& overrides,
                   const std::filesystem::path& folder, T& out) {
  // After the file's own sets: the command line has the last word.
  for (const Override& o : overrides) apply_override(ctx, root, o, folder);
  read_value(ctx, root, "", {ctx.file, 1, 1}, out, Spec{});
}

}  // namespace pocsim::scenario
