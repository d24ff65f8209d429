// SPDX-License-Identifier: Apache-2.0
#include "pocsim/scenario/loader.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <map>
#include <span>
#include <sstream>
#include <type_traits>

#include "describe_traits.hpp"

#include "key_mapping.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/scenario/value_text.hpp"
#include "pocsim/world/outline.hpp"
#include "pocsim/world/places.hpp"
#include "yaml_paths.hpp"

namespace pocsim::scenario {

std::optional<Override> Override::parse(std::string_view text) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) return std::nullopt;
  Override o;
  o.key_path = std::string(text.substr(0, eq));
  o.value = std::string(text.substr(eq + 1));
  o.origin = std::string(text);
  return o;
}

namespace {

std::span<const std::string_view> enum_names(FactionKind) { return faction_kind_names; }
std::span<const std::string_view> enum_names(Mobility) { return mobility_names; }
std::span<const std::string_view> enum_names(DelayLaw) { return delay_law_names; }

// Where a value written outside the tree's own file came from: a `set`
// entry of a variant file or a `--set` on the command line. Everything at or
// under `key` is reported there, not in the base file whose tree it landed in.
struct SetOrigin {
  std::string key;                 // normalized: list elements by index
  SourceLocation where;            // the value as written
  SourceLocation key_where;        // the key as written; nodes the set created
  std::string file;                // the variant file, whose marks the value's nodes carry;
                                   // empty for the command line (a value parsed on its own)
  std::filesystem::path base_dir;  // relative data paths in the value resolve here
};

struct Context {
  std::string file;                // the file the tree came from: the last base of a chain
  std::filesystem::path base_dir;  // its folder
  Diagnostics diagnostics;
  std::map<std::string, SourceLocation> locations;
  std::vector<SetOrigin> overridden;  // in the order applied

  // The last set that wrote `path` or a section around it, if any.
  const SetOrigin* set_at(const std::string& path) const {
    for (auto it = overridden.rbegin(); it != overridden.rend(); ++it)
      if (path == it->key || path.starts_with(it->key + ".")) return &*it;
    return nullptr;
  }

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
  void error(const SourceLocation& where, const std::string& path, std::string message) {
    diagnostics.error(where, path.empty() ? "(document)" : path, std::move(message));
  }
};

// Resolves a data path against the scenario's folder and reports it when
// there is no such file.
void resolve_data_file(Context& ctx, const std::string& path, const SourceLocation& where,
                       DataFile& file) {
  const std::filesystem::path p(file.path);
  file.resolved = (p.is_absolute() ? p : ctx.folder_of(path) / p).lexically_normal();
  std::error_code ec;
  if (file.path.empty() || !std::filesystem::is_regular_file(file.resolved, ec))
    ctx.error(
        where, path,
        "data file '" + file.path + "' not found (looked for '" + file.resolved.string() + "')");
}

std::string spec_range_text(const Spec& spec, bool integer) {
  return scenario::range_text(spec.min, spec.max, integer);
}

template <class T>
void read_value(Context& ctx, const YAML::Node& node, const std::string& path,
                const SourceLocation& where, T& out, const Spec& spec);

// Reads the keys of one mapping into a struct, in the order the struct
// describes them, then reports keys it did not describe.
class LoadVisitor {
 public:
  LoadVisitor(Context& ctx, const YAML::Node& map, std::string path, SourceLocation where)
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

  void finish() { keys_.finish(); }

 private:
  Context& ctx_;
  KeyMapping keys_;
};

template <class T>
void read_value(Context& ctx, const YAML::Node& node, const std::string& path,
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
    const std::string& text = node.Scalar();
    if constexpr (std::is_same_v<T, bool>) {
      if (auto b = parse_bool(text))
        out = *b;
      else
        ctx.error(where, path, "expected true or false, got '" + text + "'");
    } else if constexpr (std::is_integral_v<T>) {
      auto v = parse_integer<T>(text);
      if (!v) {
        ctx.error(where, path,
                  std::string(std::is_signed_v<T> ? "expected a whole number"
                                                  : "expected a non-negative whole number") +
                      ", got '" + text + "'");
      } else if (static_cast<double>(*v) < spec.min || static_cast<double>(*v) > spec.max) {
        ctx.error(where, path, "must be " + spec_range_text(spec, true) + ", got " + text);
      } else {
        out = *v;
      }
    } else if constexpr (std::is_floating_point_v<T>) {
      auto v = parse_number(text);
      if (!v)
        ctx.error(where, path, "expected a number, got '" + text + "'");
      else if (*v < spec.min || *v > spec.max)
        ctx.error(where, path, "must be " + spec_range_text(spec, false) + ", got " + text);
      else
        out = *v;
    } else if constexpr (std::is_same_v<T, std::string>) {
      out = text;
    } else if constexpr (std::is_same_v<T, Date>) {
      if (auto d = Date::parse(text))
        out = *d;
      else
        ctx.error(where, path, "expected a calendar date YYYY-MM-DD, got '" + text + "'");
    } else if constexpr (std::is_same_v<T, DataFile>) {
      out.path = text;
      resolve_data_file(ctx, path, where, out);
    } else if constexpr (std::is_enum_v<T>) {
      const auto names = enum_names(T{});
      std::vector<std::string> candidates(names.begin(), names.end());
      for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) {
          out = static_cast<T>(i);
          return;
        }
      std::string message = "'" + text + "' is not one of:";
      for (const auto& n : names) message += " " + std::string(n);
      message += did_you_mean(text, candidates);
      ctx.error(where, path, message);
    } else {
      static_assert(sizeof(T) == 0, "no reader for this scenario value type");
    }
  }
}

// --- overrides -------------------------------------------------------------

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream in(path);
  for (std::string part; std::getline(in, part, '.');) parts.push_back(part);
  return parts;
}

// Writes `value` at `key_path` in the tree: the one mechanism behind a
// variant's `set` entries and the command line's `--set`, so both pass the
// same checks. `origin.key` is filled in with the normalized path.
void apply_set(Context& ctx, YAML::Node root, const std::string& key_path, const YAML::Node& value,
               SetOrigin origin) {
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

void apply_override(Context& ctx, YAML::Node root, const Override& o,
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

// --- references ------------------------------------------------------------

bool same_or_nested(const std::string& a, const std::string& b) {
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  return longer.starts_with(shorter) &&
         (longer.size() == shorter.size() || longer[shorter.size()] == '.');
}

void check_references(Context& ctx, Scenario& s) {
  auto where = [&](const std::string& path) {
    auto it = ctx.locations.find(path);
    return it != ctx.locations.end() ? it->second : SourceLocation{ctx.file, 1, 1};
  };
  // A name must be one of the candidates, with a "did you mean" otherwise.
  auto check_name = [&](const std::string& path, const std::string& name,
                        const std::vector<std::string>& candidates, const std::string& what) {
    if (std::find(candidates.begin(), candidates.end(), name) != candidates.end()) return;
    std::string message = "unknown " + what + " '" + name + "'";
    message += did_you_mean(name, candidates);
    ctx.error(where(path), path, message);
  };
  auto check_names = [&](const std::string& path, const std::vector<std::string>& names,
                         const std::vector<std::string>& candidates, const std::string& what) {
    for (std::size_t j = 0; j < names.size(); ++j)
      check_name(path + "." + std::to_string(j), names[j], candidates, what);
  };
  if (24 % s.scenario.tick_hours != 0)
    ctx.error(where("scenario.tick_hours"), "scenario.tick_hours",
              "must divide 24 (1, 2, 3, 4, 6, 8, 12 or 24), got " +
                  std::to_string(s.scenario.tick_hours));
  if (s.civilians.population / s.civilians.people_per_agent > 200'000'000)
    ctx.error(where("civilians.people_per_agent"), "civilians.people_per_agent",
              "more than 200 million civilian agents; raise people_per_agent");

  std::optional<world::Places> places;
  if (!s.world.places.resolved.empty() && std::filesystem::is_regular_file(s.world.places.resolved))
    places = world::load_places(s.world.places.resolved, ctx.diagnostics);
  if (!s.world.outline.resolved.empty() &&
      std::filesystem::is_regular_file(s.world.outline.resolved))
    world::load_outline(s.world.outline.resolved, ctx.diagnostics);

  if (s.factions.size() > max_factions)
    ctx.error(where("factions"), "factions",
              "at most " + std::to_string(max_factions) + " factions, got " +
                  std::to_string(s.factions.size()));
  std::vector<std::string> faction_names;
  for (std::size_t i = 0; i < s.factions.size(); ++i) {
    const FactionSection& f = s.factions[i];
    const std::string base = "factions." + std::to_string(i);
    for (const std::string& other : faction_names)
      if (other == f.name && !f.name.empty())
        ctx.error(where(base + ".name"), base + ".name",
                  "faction name '" + f.name + "' is used twice");
    faction_names.push_back(f.name);
  }
  if (places)
    check_names("outputs.focus_regions", s.outputs.focus_regions, places->region_names, "region");
  for (std::size_t i = 0; i < s.factions.size(); ++i) {
    const FactionSection& f = s.factions[i];
    const std::string base = "factions." + std::to_string(i);
    if (places) {
      const std::vector<std::string> towns = places->town_names();
      check_names(base + ".bases", f.bases, towns, "town");
      check_names(base + ".area", f.area, places->region_names, "region");
      check_names(base + ".isr_regions", f.isr_regions, places->region_names, "region");
    }
    if (f.units > 0 && f.bases.empty())
      ctx.error(where(base + ".bases"), base + ".bases",
                "a faction with units needs at least one base");
    for (std::size_t j = 0; j < f.hostile_to.size(); ++j) {
      const std::string path = base + ".hostile_to." + std::to_string(j);
      if (f.hostile_to[j] == f.name) {
        ctx.error(where(path), path, "a faction cannot be hostile to itself");
      } else {
        check_name(path, f.hostile_to[j], faction_names, "faction");
      }
    }
    if (f.arrival_date && f.withdrawal_date && *f.withdrawal_date <= *f.arrival_date)
      ctx.error(where(base + ".withdrawal_date"), base + ".withdrawal_date",
                "withdrawal must come after arrival (" + f.arrival_date->to_string() + ")");
  }
  if (!s.response.responder.empty()) {
    const auto it = std::find_if(s.factions.begin(), s.factions.end(),
                                 [&](const auto& f) { return f.name == s.response.responder; });
    if (it == s.factions.end())
      check_name("response.responder", s.response.responder, faction_names, "faction");
    else if (it->kind != FactionKind::peacekeepers)
      ctx.error(where("response.responder"), "response.responder",
                "the responder must be a faction of kind peacekeepers, '" + it->name + "' is " +
                    std::string(to_string(it->kind)));
  }
  if (places)
    for (std::size_t k = 0; k < s.civilians.initially_displaced.size(); ++k)
      check_name("civilians.initially_displaced." + std::to_string(k) + ".region",
                 s.civilians.initially_displaced[k].region, places->region_names, "region");
  for (std::size_t o = 0; o < s.operations.size(); ++o) {
    const OperationSection& op = s.operations[o];
    const std::string base = "operations." + std::to_string(o);
    check_name(base + ".faction", op.faction, faction_names, "faction");
    if (places) check_name(base + ".town", op.town, places->town_names(), "town");
    for (const FactionSection& f : s.factions)
      if (f.name == op.faction && op.units > f.units)
        ctx.error(where(base + ".units"), base + ".units",
                  "the operation takes " + std::to_string(op.units) + " units but " + f.name +
                      " has " + std::to_string(f.units));
  }
  for (std::size_t g = 0; g < s.flights.groundings.size(); ++g) {
    const GroundingSection& window = s.flights.groundings[g];
    const std::string path = "flights.groundings." + std::to_string(g) + ".to";
    if (window.to && *window.to < window.from)
      ctx.error(where(path), path,
                "the grounding ends before it starts (" + window.from.to_string() + ")");
  }
}

// Reference checks run even when some values were malformed, so that one
// `validate` reports everything; a key whose value already failed (or lies
// inside or around one that did) is not reported a second time.
void check_references_after_type_errors(Context& ctx, Scenario& s) {
  Diagnostics value_errors = std::move(ctx.diagnostics);
  ctx.diagnostics = Diagnostics{};
  check_references(ctx, s);
  for (const Diagnostic& d : ctx.diagnostics.items()) {
    bool reported = false;
    for (const Diagnostic& e : value_errors.items())
      reported =
          reported || (e.where.file == d.where.file && same_or_nested(e.key_path, d.key_path));
    if (!reported) value_errors.error(d.where, d.key_path, d.message);
  }
  value_errors.sort_by_location();
  ctx.diagnostics = std::move(value_errors);
}

// --- variants ----------------------------------------------------------------
// A variant file is `base: PATH` and `set: {KEY.PATH: value, ...}`. Each set
// entry goes through apply_set, the mechanism and checks of `--set`. Chosen
// over a deep merge of sections because a key path names exactly one value
// (a list element by its name: factions.Barkhane.withdrawal_date): a change
// is one line, a list cannot be replaced by accident with a partial copy,
// and an error points at the one line that made it.

SourceLocation mark_in(const std::string& file, const YAML::Mark& mark,
                       const SourceLocation& fallback) {
  if (mark.is_null() || mark.line < 0) return fallback;
  return {file, mark.line + 1, mark.column + 1};
}

// `set` alone marks one too: a variant that forgot its base is told so,
// rather than that a scenario has no section `set`.
bool is_variant(const YAML::Node& root) {
  const YAML::Node& node = root;
  return node.IsMap() && (node["base"] || node["set"]);
}

// Whether a scenario's top node can be read as one.
bool check_root(Context& ctx, const YAML::Node& root, const std::string& file) {
  if (root.IsNull()) {
    ctx.error({file, 1, 1}, "", "the file is empty; a scenario needs at least its sections");
    return false;
  }
  if (!root.IsMap()) {
    ctx.error(mark_in(file, root.Mark(), {file, 1, 1}), "",
              std::string("a scenario is a mapping of sections, got ") + node_kind(root));
    return false;
  }
  return true;
}

std::optional<YAML::Node> resolve_variant(Context& ctx, const YAML::Node& variant,
                                          const std::string& file, const std::filesystem::path& dir,
                                          std::vector<std::filesystem::path>& chain);

// Reads the file a variant builds on, itself maybe a variant; its tree, or
// nothing when it cannot be had. Sets ctx.file and ctx.base_dir to the file
// at the end of the chain, whose marks the tree's nodes carry.
std::optional<YAML::Node> read_base(Context& ctx, const KeyMapping::Entry& base,
                                    const std::string& file, const std::filesystem::path& dir,
                                    std::vector<std::filesystem::path>& chain) {
  const SourceLocation where = mark_in(file, base.value.Mark(), base.where);
  if (!base.value.IsScalar() || base.value.Scalar().empty()) {
    ctx.error(where, "base",
              std::string("expected the path of a scenario file, got ") + node_kind(base.value));
    return std::nullopt;
  }
  const std::filesystem::path written(base.value.Scalar());
  const std::filesystem::path path =
      (written.is_absolute() ? written : dir / written).lexically_normal();
  std::error_code ec;
  const std::filesystem::path identity = std::filesystem::weakly_canonical(path, ec);
  if (std::find(chain.begin(), chain.end(), identity) != chain.end()) {
    std::string cycle;
    for (const auto& p : chain) cycle += p.filename().string() + " -> ";
    ctx.error(where, "base", "the bases form a cycle: " + cycle + identity.filename().string());
    return std::nullopt;
  }
  const std::optional<std::string> text = read_input_file(path);
  if (!text) {
    ctx.error(
        where, "base",
        "base file '" + written.string() + "' not found (looked for '" + path.string() + "')");
    return std::nullopt;
  }
  const std::string name = path.string();
  std::optional<YAML::Node> root = parse_yaml_document(*text, name, ctx.diagnostics);
  if (!root || !check_root(ctx, *root, name)) return std::nullopt;
  if (!is_variant(*root)) {
    ctx.file = name;
    ctx.base_dir = path.parent_path();
    return root;
  }
  chain.push_back(identity);
  return resolve_variant(ctx, *root, name, path.parent_path(), chain);
}

// The scenario tree a variant describes: its base's with its set applied.
std::optional<YAML::Node> resolve_variant(Context& ctx, const YAML::Node& variant,
                                          const std::string& file, const std::filesystem::path& dir,
                                          std::vector<std::filesystem::path>& chain) {
  const SourceLocation top{file, 1, 1};
  const auto locate = [&file, top](const YAML::Node& key, const std::string&) {
    return mark_in(file, key.Mark(), top);
  };
  KeyMapping keys(ctx.diagnostics, variant, "", top, locate);
  const KeyMapping::Entry* base = keys.take("base", true);
  const KeyMapping::Entry* set = keys.take("set");
  keys.finish();
  if (!base) return std::nullopt;
  std::optional<YAML::Node> tree = read_base(ctx, *base, file, dir, chain);
  if (!tree || !set) return tree;
  KeyMapping entries(ctx.diagnostics, set->value, "set",
                     mark_in(file, set->value.Mark(), set->where), locate);
  for (const KeyMapping::Entry& e : entries.entries()) {
    SetOrigin origin;
    origin.where = e.value.IsNull() ? e.where : mark_in(file, e.value.Mark(), e.where);
    origin.key_where = e.where;
    origin.file = file;
    origin.base_dir = dir;
    apply_set(ctx, *tree, e.key, e.value, std::move(origin));
  }
  return tree;
}

LoadResult load_parsed(Context& ctx, const std::string& text,
                       const std::vector<Override>& overrides,
                       const std::filesystem::path& identity) {
  LoadResult result;
  const std::string top_file = ctx.file;
  const std::filesystem::path top_dir = ctx.base_dir;
  std::optional<YAML::Node> root = parse_yaml_document(text, ctx.file, ctx.diagnostics);
  if (root && check_root(ctx, *root, ctx.file) && is_variant(*root)) {
    std::vector<std::filesystem::path> chain{identity};
    root = resolve_variant(ctx, *root, top_file, top_dir, chain);
  }
  if (root && root->IsMap()) {
    // After the file's own sets: the command line has the last word.
    for (const Override& o : overrides) apply_override(ctx, *root, o, top_dir);
    Scenario scenario;
    read_value(ctx, *root, "", {ctx.file, 1, 1}, scenario, Spec{});
    check_references_after_type_errors(ctx, scenario);
    if (ctx.diagnostics.empty()) result.scenario = std::move(scenario);
  }
  result.diagnostics = std::move(ctx.diagnostics);
  return result;
}

}  // namespace

LoadResult load_scenario_text(const std::string& text, const std::string& display_name,
                              const std::filesystem::path& base_dir,
                              const std::vector<Override>& overrides) {
  Context ctx;
  ctx.file = display_name;
  ctx.base_dir = base_dir;
  std::error_code ec;
  return load_parsed(ctx, text, overrides,
                     std::filesystem::weakly_canonical(base_dir / display_name, ec));
}

LoadResult load_scenario(const std::filesystem::path& file,
                         const std::vector<Override>& overrides) {
  const std::optional<std::string> text = read_input_file(file);
  if (!text) {
    LoadResult result;
    result.diagnostics.error({file.string(), 1, 1}, "(file)", "cannot open the scenario file");
    return result;
  }
  return load_scenario_text(*text, file.string(), file.parent_path(), overrides);
}

}  // namespace pocsim::scenario
