// SPDX-License-Identifier: Apache-2.0
#include "describe_reader.hpp"

#include <sstream>

#include "pocsim/scenario/value_text.hpp"

namespace pocsim::scenario {

void resolve_data_file(LoadContext& ctx, const std::string& path, const SourceLocation& where,
                       DataFile& file) {
  const std::filesystem::path p(file.path);
  file.resolved = (p.is_absolute() ? p : ctx.folder_of(path) / p).lexically_normal();
  std::error_code ec;
  if (file.path.empty() || !std::filesystem::is_regular_file(file.resolved, ec))
    ctx.error(
        where, path,
        "data file '" + file.path + "' not found (looked for '" + file.resolved.string() + "')");
}

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream in(path);
  for (std::string part; std::getline(in, part, '.');) parts.push_back(part);
  return parts;
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
      std::optional<std::size_t> index = parse_integer<std::size_t>(part);
      if (!index)
        for (std::size_t j = 0; j < node.size(); ++j)
          if (node[j].IsMap() && node[j]["name"] && node[j]["name"].Scalar() == part) index = j;
      if (!index || *index >= node.size()) {
        ctx.error(where, join_key(normalized, part),
                  "no element '" + part + "' in the list (give an index or a name)");
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
