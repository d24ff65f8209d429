// SPDX-License-Identifier: Apache-2.0
#include "describe_reader.hpp"

#include <sstream>

#include "list_paths.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/scenario/value_text.hpp"

namespace pocsim::scenario {

void resolve_data_file(LoadContext& ctx, const std::string& path, const SourceLocation& where,
                       DataFile& file) {
  const std::filesystem::path p(file.path);
  file.resolved = (p.is_absolute() ? p : ctx.folder_of(path) / p).lexically_normal();
  std::error_code ec;
  if (file.path.empty() || !std::filesystem::is_regular_file(file.resolved, ec)) {
    const SetOrigin* set = ctx.set_at(path);
    const std::string written_in = !set                ? ctx.file
                                   : set->file.empty() ? std::string("the scenario file")
                                                       : set->file;
    ctx.error(where, path,
              "data file '" + file.path + "' not found (looked for '" + file.resolved.string() +
                  "')" + relative_path_note(file.path, written_in, ctx.folder_of(path)));
  }
}

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream in(path);
  for (std::string part; std::getline(in, part, '.');) parts.push_back(part);
  return parts;
}

// Why a key path's segment names no element of `list`, with the names the
// list's elements have, or how many there are.
std::string no_element_message(const YAML::Node& list, const std::string& list_path,
                               const std::string& segment) {
  const std::string what = list_path.substr(list_path.rfind('.') + 1);
  const std::string message = "no element '" + segment + "' in " + what;
  if (parse_integer<std::size_t>(segment))
    return message + ", which has " + std::to_string(list.size()) +
           " (an element is named by its name or its position from 1)";
  std::vector<std::string> names;
  for (std::size_t j = 0; j < list.size(); ++j)
    if (list[j].IsMap() && list[j]["name"] && list[j]["name"].IsScalar())
      names.push_back(list[j]["name"].Scalar());
  if (names.empty())
    return message + "; its elements have no names: give a position from 1 (it has " +
           std::to_string(list.size()) + ")";
  return message + did_you_mean_or_list(segment, names, what);
}

}  // namespace

// Writes `value` at `key_path` in the tree: the one mechanism behind a
// variant's `set` entries and the command line's `--set`, so both pass the
// same checks. `origin.key` is filled in with the normalized path.
void apply_set(LoadContext& ctx, YAML::Node root, const std::string& key_path,
               const YAML::Node& value, SetOrigin origin) {
  const SourceLocation& where = origin.key_where;
  const std::vector<std::string> parts = split_path(key_path);
  if (parts.empty()) {
    ctx.error(where, key_path, "empty key path");
    return;
  }
  std::string normalized;
  YAML::Node node = root;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const bool last = i + 1 == parts.size();
    if (part.empty()) {
      ctx.error(where, key_path, "empty segment in the key path");
      return;
    }
    if (node.IsSequence()) {
      // A position from 1 or a name, as error messages name list elements.
      const bool by_position = parse_integer<std::size_t>(part).has_value();
      std::optional<std::size_t> index;
      if (by_position) {
        index = index_of_position(part);
      } else {
        for (std::size_t j = 0; j < node.size() && !index; ++j)
          if (node[j].IsMap() && node[j]["name"] && node[j]["name"].Scalar() == part) index = j;
      }
      if (!index || *index >= node.size()) {
        // At the list for "0": the reported paths' indices become names
        // later (list_paths.hpp), and index 0 would become the first element.
        ctx.error(where, by_position && !index ? normalized : join_key(normalized, part),
                  no_element_message(node, normalized, part));
        return;
      }
      normalized = join_key(normalized, std::to_string(*index));
      if (last) {
        node[*index] = value;
      } else {
        node.reset(node[*index]);
      }
      continue;
    }
    if (!node.IsMap() && !node.IsNull()) {
      ctx.error(where, normalized, "'" + normalized + "' holds a value, not keys");
      return;
    }
    normalized = join_key(normalized, part);
    if (last) {
      node[part] = value;
    } else {
      // Only a missing or empty key becomes a new mapping; a key holding a
      // value is reported on the next segment rather than silently replaced.
      if (!node[part] || node[part].IsNull()) node[part] = YAML::Node(YAML::NodeType::Map);
      node.reset(node[part]);
    }
  }
  origin.key = normalized;
  ctx.overridden.push_back(std::move(origin));
}

void apply_override(LoadContext& ctx, YAML::Node root, const Override& o,
                    const std::filesystem::path& folder) {
  // The column points at the value as written, which may name a list
  // element by its name rather than by the index in the key path.
  const std::size_t eq = o.origin.find('=');
  const SourceLocation where{"<--set " + o.origin + ">", 1,
                             eq == std::string::npos ? 1 : static_cast<int>(eq) + 2};
  YAML::Node value;
  try {
    value = o.value.empty() ? YAML::Node() : YAML::Load(o.value);
  } catch (const YAML::Exception& e) {
    ctx.error({where.file, 1, 1}, o.key_path, "cannot read the value: " + e.msg);
    return;
  }
  SetOrigin origin;
  origin.where = where;
  origin.key_where = SourceLocation{where.file, 1, 1};
  origin.base_dir = folder;
  apply_set(ctx, root, o.key_path, value, std::move(origin));
}

}  // namespace pocsim::scenario
