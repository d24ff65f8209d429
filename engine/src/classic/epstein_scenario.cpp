// SPDX-License-Identifier: Apache-2.0
#include "pocsim/classic/epstein_scenario.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <span>
#include <type_traits>

#include "describe_reader.hpp"
#include "describe_traits.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/scenario/value_text.hpp"
#include "yaml_paths.hpp"

namespace pocsim::classic {

// Found by the describe()-driven reader (scenario/typed_scalar.hpp).
std::span<const std::string_view> enum_names(Activation) { return activation_names; }

namespace {

using scenario::Describable;
using scenario::Spec;

void check_consistency(scenario::LoadContext& r, const EpsteinScenario& s) {
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
  const std::optional<std::string> text = read_input_file(file, yaml_input_limit);
  if (!text) return false;
  Diagnostics ignored;  // the Mali loader reports a syntax error
  const std::optional<YAML::Node> root =
      scenario::parse_yaml_document(*text, file.string(), ignored);
  return root && root->IsMap() && (*root)["model"] && (*root)["model"].IsScalar() &&
         (*root)["model"].Scalar() == epstein_model_name;
}

EpsteinLoadResult load_epstein_scenario_text(const std::string& text,
                                             const std::string& display_name,
                                             const std::vector<scenario::Override>& overrides) {
  // The scenario loader's reader, on this model's keys: the same messages,
  // the same `--set`.
  scenario::LoadContext r;
  r.file = display_name;
  EpsteinLoadResult result;
  const std::optional<YAML::Node> parsed =
      scenario::parse_yaml_document(text, r.file, r.diagnostics);
  if (parsed && !parsed->IsMap()) {
    r.error({r.file, 1, 1}, "", "a scenario is a mapping of keys");
  } else if (parsed) {
    EpsteinScenario s;
    scenario::read_document(r, *parsed, overrides, {}, s);
    if (r.diagnostics.empty()) check_consistency(r, s);
    if (r.diagnostics.empty()) result.scenario = s;
  }
  r.diagnostics.sort_by_location();
  result.diagnostics = std::move(r.diagnostics);
  return result;
}

EpsteinLoadResult load_epstein_scenario(const std::filesystem::path& file,
                                        const std::vector<scenario::Override>& overrides) {
  EpsteinLoadResult result;
  const std::optional<std::string> text = read_input_file(file, "scenario", result.diagnostics);
  if (!text) return result;
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
