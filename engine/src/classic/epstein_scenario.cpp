// SPDX-License-Identifier: Apache-2.0
#include "pocsim/classic/epstein_scenario.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>
#include <type_traits>

#include "describe_traits.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/scenario/value_text.hpp"
#include "yaml_paths.hpp"

namespace pocsim::classic {

namespace {

using scenario::Describable;
using scenario::Spec;

std::string join(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

// The scenario's keys are few and flat (three sections of scalars), so this
// reader is a small cousin of the Mali loader's: same messages, same
// `--set` semantics for mappings, no lists or data files.
struct Reader {
  std::string file;
  Diagnostics diagnostics;
  std::vector<scenario::Override> overrides;  // applied ones
  std::vector<std::pair<std::string, SourceLocation>> locations;

  SourceLocation at(const YAML::Node& node, const std::string& path,
                    const SourceLocation& fallback) const {
    for (const scenario::Override& o : overrides)
      if (path == o.key_path || path.starts_with(o.key_path + ".")) {
        const std::size_t eq = o.origin.find('=');
        return {"<--set " + o.origin + ">", 1, static_cast<int>(eq) + 2};
      }
    if (!node || node.IsNull() || node.Mark().is_null() || node.Mark().line < 0) return fallback;
    return {file, node.Mark().line + 1, node.Mark().column + 1};
  }
  void error(const SourceLocation& where, const std::string& path, std::string message) {
    diagnostics.error(where, path.empty() ? "(document)" : path, std::move(message));
  }
  SourceLocation location_of(const std::string& path) const {
    for (const auto& [p, where] : locations)
      if (p == path) return where;
    return {file, 1, 1};
  }
};

template <class T>
void read_value(Reader& r, const YAML::Node& node, const std::string& path,
                const SourceLocation& where, T& out, const Spec& spec);

class ReadVisitor {
 public:
  ReadVisitor(Reader& r, const YAML::Node& map, std::string path, SourceLocation where)
      : r_(r), map_(map), path_(std::move(path)), where_(std::move(where)) {}

  template <class T>
  void operator()(const char* key, T& member, const Spec& spec) {
    known_.emplace_back(key);
    const std::string path = join(path_, key);
    for (auto it = map_.begin(); it != map_.end(); ++it) {
      if (!it->first.IsScalar() || it->first.Scalar() != key) continue;
      const SourceLocation key_where = r_.at(it->first, path, where_);
      const SourceLocation where = r_.at(it->second, path, key_where);
      r_.locations.emplace_back(path, where);
      read_value(r_, it->second, path, where, member, spec);
      return;
    }
    r_.locations.emplace_back(path, where_);
    if (spec.required) r_.error(where_, path, "missing required key '" + std::string(key) + "'");
  }

  void finish() {
    std::vector<std::string> seen;
    for (auto it = map_.begin(); it != map_.end(); ++it) {
      const std::string name = it->first.IsScalar() ? it->first.Scalar() : "";
      const SourceLocation where = r_.at(it->first, join(path_, name), where_);
      if (!it->first.IsScalar()) {
        r_.error(where, path_, "a key must be a plain name");
      } else if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
        r_.error(where, join(path_, name), "duplicate key '" + name + "'");
      } else if (std::find(known_.begin(), known_.end(), name) == known_.end()) {
        r_.error(where, join(path_, name),
                 "unknown key '" + name + "'" + did_you_mean(name, known_));
      }
      seen.push_back(name);
    }
  }

 private:
  Reader& r_;
  const YAML::Node& map_;
  std::string path_;
  SourceLocation where_;
  std::vector<std::string> known_;
};

template <class T>
void read_value(Reader& r, const YAML::Node& node, const std::string& path,
                const SourceLocation& where, T& out, const Spec& spec) {
  if constexpr (Describable<T>) {
    if (!node.IsMap()) {
      r.error(where, path, "expected a mapping of keys");
      return;
    }
    ReadVisitor visitor(r, node, path, where);
    out.describe(visitor);
    visitor.finish();
  } else {
    if (!node.IsScalar()) {
      r.error(where, path, "expected a single value");
      return;
    }
    const std::string& text = node.Scalar();
    if constexpr (std::is_same_v<T, bool>) {
      if (auto b = scenario::parse_bool(text))
        out = *b;
      else
        r.error(where, path, "expected true or false, got '" + text + "'");
    } else if constexpr (std::is_integral_v<T>) {
      const auto v = scenario::parse_integer<T>(text);
      if (!v)
        r.error(where, path,
                std::string(std::is_signed_v<T> ? "expected a whole number"
                                                : "expected a non-negative whole number") +
                    ", got '" + text + "'");
      else if (static_cast<double>(*v) < spec.min || static_cast<double>(*v) > spec.max)
        r.error(where, path,
                "must be " + scenario::range_text(spec.min, spec.max, true) + ", got " + text);
      else
        out = *v;
    } else if constexpr (std::is_floating_point_v<T>) {
      const auto v = scenario::parse_number(text);
      if (!v)
        r.error(where, path, "expected a number, got '" + text + "'");
      else if (*v < spec.min || *v > spec.max)
        r.error(where, path,
                "must be " + scenario::range_text(spec.min, spec.max, false) + ", got " + text);
      else
        out = *v;
    } else if constexpr (std::is_same_v<T, std::string>) {
      out = text;
    } else if constexpr (std::is_same_v<T, Activation>) {
      const std::vector<std::string> names(std::begin(activation_names),
                                           std::end(activation_names));
      for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) {
          out = static_cast<Activation>(i);
          return;
        }
      r.error(where, path,
              "'" + text + "' is not one of: random_sequential synchronous" +
                  did_you_mean(text, names));
    } else {
      static_assert(sizeof(T) == 0, "no reader for this value type");
    }
  }
}

// `--set a.b=v` on the parsed document; a new key is created, a key that
// holds a value is not silently turned into a section.
void apply_override(Reader& r, YAML::Node root, const scenario::Override& o) {
  const SourceLocation where{"<--set " + o.origin + ">", 1, 1};
  YAML::Node value;
  try {
    value = o.value.empty() ? YAML::Node() : YAML::Load(o.value);
  } catch (const YAML::Exception& e) {
    r.error(where, o.key_path, "cannot read the value: " + e.msg);
    return;
  }
  std::vector<std::string> parts;
  std::stringstream in(o.key_path);
  for (std::string part; std::getline(in, part, '.');) parts.push_back(part);
  YAML::Node node = root;
  std::string path;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty()) {
      r.error(where, o.key_path, "empty segment in the key path");
      return;
    }
    if (!node.IsMap()) {
      r.error(where, path, "'" + path + "' holds a value, not keys");
      return;
    }
    path = join(path, parts[i]);
    if (i + 1 == parts.size()) {
      node[parts[i]] = value;
    } else {
      if (!node[parts[i]] || node[parts[i]].IsNull())
        node[parts[i]] = YAML::Node(YAML::NodeType::Map);
      node.reset(node[parts[i]]);
    }
  }
  r.overrides.push_back(o);
}

void check_consistency(Reader& r, const EpsteinScenario& s) {
  if (s.model != epstein_model_name)
    r.error(
        r.location_of("model"), "model",
        "this reader knows only '" + std::string(epstein_model_name) + "', got '" + s.model + "'");
  if (s.citizens.density + s.cops.density > 1.0)
    r.error(r.location_of("cops.density"), "cops.density",
            "citizen and cop densities add up to more than 1 (" +
                scenario::format_number(s.citizens.density + s.cops.density) + ")");
  // A vision that wraps onto itself would see some cells twice.
  const int vision = std::max(s.citizens.vision, s.cops.vision);
  for (const auto& [key, size] :
       {std::pair{"grid.width", s.grid.width}, std::pair{"grid.height", s.grid.height}})
    if (size < 2 * vision + 1)
      r.error(r.location_of(key), key,
              "must be at least 2 * vision + 1 = " + std::to_string(2 * vision + 1) +
                  " so that a vision does not wrap onto itself, got " + std::to_string(size));
  if (static_cast<double>(s.grid.width) * s.grid.height > 4.0e8)
    r.error(r.location_of("grid.width"), "grid.width", "more than 400 million cells");
}

}  // namespace

bool names_classic_model(const std::filesystem::path& file) {
  const std::optional<std::string> text = read_input_file(file);
  if (!text) return false;
  try {
    const YAML::Node root = YAML::Load(*text);
    return root.IsMap() && root["model"] && root["model"].IsScalar() &&
           root["model"].Scalar() == epstein_model_name;
  } catch (const YAML::Exception&) {
    return false;  // the Mali loader reports the syntax error
  }
}

EpsteinLoadResult load_epstein_scenario_text(const std::string& text,
                                             const std::string& display_name,
                                             const std::vector<scenario::Override>& overrides) {
  Reader r;
  r.file = display_name;
  EpsteinLoadResult result;
  const std::optional<YAML::Node> parsed =
      scenario::parse_yaml_document(text, r.file, r.diagnostics);
  if (parsed && !parsed->IsMap()) {
    r.error({r.file, 1, 1}, "", "a scenario is a mapping of keys");
  } else if (parsed) {
    YAML::Node root = *parsed;
    for (const scenario::Override& o : overrides) apply_override(r, root, o);
    EpsteinScenario s;
    read_value(r, root, "", {r.file, 1, 1}, s, Spec{});
    if (r.diagnostics.empty()) check_consistency(r, s);
    if (r.diagnostics.empty()) result.scenario = s;
  }
  r.diagnostics.sort_by_location();
  result.diagnostics = std::move(r.diagnostics);
  return result;
}

EpsteinLoadResult load_epstein_scenario(const std::filesystem::path& file,
                                        const std::vector<scenario::Override>& overrides) {
  const std::optional<std::string> text = read_input_file(file);
  if (!text) {
    EpsteinLoadResult result;
    result.diagnostics.error({file.string(), 1, 1}, "(file)", "cannot open the scenario file");
    return result;
  }
  return load_epstein_scenario_text(*text, file.string(), overrides);
}

namespace {
class PrintVisitor {
 public:
  PrintVisitor(std::string& out, int indent) : out_(out), indent_(indent) {}

  template <class T>
  void operator()(const char* key, T& member, const Spec&) {
    out_ += std::string(static_cast<std::size_t>(indent_), ' ') + key + ":";
    if constexpr (Describable<T>) {
      out_ += "\n";
      PrintVisitor inner(out_, indent_ + 2);
      member.describe(inner);
      return;
    } else if constexpr (std::is_same_v<T, bool>) {
      out_ += member ? " true" : " false";
    } else if constexpr (std::is_integral_v<T>) {
      out_ += " " + std::to_string(member);
    } else if constexpr (std::is_floating_point_v<T>) {
      out_ += " " + scenario::format_number(member);
    } else if constexpr (std::is_same_v<T, Activation>) {
      out_ += " " + std::string(activation_names[static_cast<int>(member)]);
    } else {
      YAML::Emitter e;
      e << YAML::DoubleQuoted << member;
      out_ += std::string(" ") + e.c_str();
    }
    out_ += "\n";
  }

 private:
  std::string& out_;
  int indent_;
};
}  // namespace

std::string resolved_epstein_yaml(const EpsteinScenario& scenario) {
  std::string out = "# Resolved Epstein civil-violence scenario: every key, defaults filled in.\n";
  EpsteinScenario copy = scenario;
  PrintVisitor visitor(out, 0);
  copy.describe(visitor);
  return out;
}

}  // namespace pocsim::classic
