#include "pocsim/scenario/loader.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <map>
#include <span>
#include <sstream>
#include <type_traits>

#include "describe_traits.hpp"

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

std::string join(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

const char* node_kind(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Null:
      return "nothing";
    default:
      return "a scalar";
  }
}

struct Context {
  std::string file;
  std::filesystem::path base_dir;
  Diagnostics diagnostics;
  std::map<std::string, SourceLocation> locations;
  std::vector<std::pair<std::string, std::string>> overridden;  // key path, origin

  SourceLocation at(const YAML::Mark& mark, const std::string& path,
                    const SourceLocation& fallback) const {
    // The column points at the value as written, which may name a list
    // element by its name rather than by the index in `key`.
    auto override_at = [](const std::string& origin) {
      const std::size_t eq = origin.find('=');
      return SourceLocation{"<--set " + origin + ">", 1,
                            eq == std::string::npos ? 1 : static_cast<int>(eq) + 2};
    };
    for (const auto& [key, origin] : overridden)
      if (path == key || path.starts_with(key + ".")) return override_at(origin);
    if (mark.is_null() || mark.line < 0) {
      // Only an override creates nodes without a mark: a section or key that
      // `--set a.b=1` added is not in the file, so the file is the wrong place.
      for (const auto& [key, origin] : overridden)
        if (key.starts_with(path + ".")) return override_at(origin);
      return fallback;
    }
    return {file, mark.line + 1, mark.column + 1};
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
  file.resolved = (p.is_absolute() ? p : ctx.base_dir / p).lexically_normal();
  std::error_code ec;
  if (file.path.empty() || !std::filesystem::is_regular_file(file.resolved, ec))
    ctx.error(
        where, path,
        "data file '" + file.path + "' not found (looked for '" + file.resolved.string() + "')");
}

std::string range_text(const Spec& spec, bool integer) {
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
      : ctx_(ctx), path_(std::move(path)), where_(std::move(where)) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      const YAML::Node key = it->first;
      if (!key.IsScalar()) {
        ctx_.error(ctx_.at(key.Mark(), path_, where_), path_,
                   "a key must be a plain name, not " + std::string(node_kind(key)));
        continue;
      }
      const std::string name = key.Scalar();
      // Located by its own path so that a key an override added is reported
      // at the override, not at the enclosing section in the file.
      const SourceLocation key_where = ctx_.at(key.Mark(), join(path_, name), where_);
      bool duplicate = false;
      for (const Entry& e : entries_)
        if (e.key == name) {
          ctx_.error(key_where, join(path_, name),
                     "duplicate key '" + name + "' (first given at line " +
                         std::to_string(e.where.line) + ")");
          duplicate = true;
        }
      if (!duplicate) entries_.push_back({name, it->second, key_where, false});
    }
  }

  template <class T>
  void operator()(const char* key, T& member, const Spec& spec) {
    known_.emplace_back(key);
    const std::string path = join(path_, key);
    for (Entry& e : entries_) {
      if (e.key != key) continue;
      e.used = true;
      // yaml-cpp marks an empty value (`key:` and nothing after it) at the
      // next token, often a later line or past the end; the key is the place.
      const SourceLocation where =
          ctx_.at(e.value.IsNull() ? YAML::Mark::null_mark() : e.value.Mark(), path, e.where);
      ctx_.locations[path] = where;
      read_value(ctx_, e.value, path, where, member, spec);
      return;
    }
    ctx_.locations[path] = where_;
    if (spec.required) ctx_.error(where_, path, "missing required key '" + std::string(key) + "'");
    // A default data path, also one in a section left out, resolves against
    // the scenario's folder like a given one; left unresolved, the places
    // file would not be read and no town or region would be checked.
    if constexpr (Describable<T>)
      read_value(ctx_, YAML::Node(YAML::NodeType::Map), path, where_, member, spec);
    else if constexpr (std::is_same_v<T, DataFile>)
      resolve_data_file(ctx_, path, where_, member);
  }

  void finish() {
    for (const Entry& e : entries_) {
      if (e.used) continue;
      std::string message = "unknown key '" + e.key + "'";
      message += did_you_mean(e.key, known_);
      ctx_.error(e.where, join(path_, e.key), message);
    }
  }

 private:
  struct Entry {
    std::string key;
    YAML::Node value;
    SourceLocation where;
    bool used;
  };
  Context& ctx_;
  std::string path_;
  SourceLocation where_;
  std::vector<Entry> entries_;
  std::vector<std::string> known_;
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
        ctx.error(where, path, "must be " + range_text(spec, true) + ", got " + text);
      } else {
        out = *v;
      }
    } else if constexpr (std::is_floating_point_v<T>) {
      auto v = parse_number(text);
      if (!v)
        ctx.error(where, path, "expected a number, got '" + text + "'");
      else if (*v < spec.min || *v > spec.max)
        ctx.error(where, path, "must be " + range_text(spec, false) + ", got " + text);
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

void apply_override(Context& ctx, YAML::Node root, const Override& o) {
  const SourceLocation where{"<--set " + o.origin + ">", 1, 1};
  const std::vector<std::string> parts = split_path(o.key_path);
  YAML::Node value;
  try {
    value = o.value.empty() ? YAML::Node() : YAML::Load(o.value);
  } catch (const YAML::Exception& e) {
    ctx.error(where, o.key_path, "cannot read the value: " + e.msg);
    return;
  }
  std::string normalized;
  YAML::Node node = root;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const bool last = i + 1 == parts.size();
    if (part.empty()) {
      ctx.error(where, o.key_path, "empty segment in the key path");
      return;
    }
    if (node.IsSequence()) {
      std::optional<std::size_t> index = parse_integer<std::size_t>(part);
      if (!index)
        for (std::size_t j = 0; j < node.size(); ++j)
          if (node[j].IsMap() && node[j]["name"] && node[j]["name"].Scalar() == part) index = j;
      if (!index || *index >= node.size()) {
        ctx.error(where, join(normalized, part),
                  "no element '" + part + "' in the list (give an index or a name)");
        return;
      }
      normalized = join(normalized, std::to_string(*index));
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
    normalized = join(normalized, part);
    if (last) {
      node[part] = value;
    } else {
      // Only a missing or empty key becomes a new mapping; a key holding a
      // value is reported on the next segment rather than silently replaced.
      if (!node[part] || node[part].IsNull()) node[part] = YAML::Node(YAML::NodeType::Map);
      node.reset(node[part]);
    }
  }
  ctx.overridden.emplace_back(normalized, o.origin);
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

LoadResult load_parsed(Context& ctx, const std::string& text,
                       const std::vector<Override>& overrides) {
  LoadResult result;
  const std::optional<YAML::Node> parsed = parse_yaml_document(text, ctx.file, ctx.diagnostics);
  if (!parsed) {
    result.diagnostics = std::move(ctx.diagnostics);
    return result;
  }
  const YAML::Node root = *parsed;
  if (root.IsNull()) {
    ctx.error({ctx.file, 1, 1}, "", "the file is empty; a scenario needs at least its sections");
  } else if (!root.IsMap()) {
    ctx.error(ctx.at(root.Mark(), "", {ctx.file, 1, 1}), "",
              std::string("a scenario is a mapping of sections, got ") + node_kind(root));
  } else {
    for (const Override& o : overrides) apply_override(ctx, root, o);
    Scenario scenario;
    read_value(ctx, root, "", {ctx.file, 1, 1}, scenario, Spec{});
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
  return load_parsed(ctx, text, overrides);
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
