// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/sweep_file.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>

#include "pocsim/core/seed_range.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/scenario/spec.hpp"
#include "pocsim/scenario/value_text.hpp"
#include "pocsim/sweep/number_text.hpp"
#include "sweep_file_reading.hpp"
#include "yaml_paths.hpp"
#include "yaml_reader.hpp"

namespace pocsim::sweep {

namespace {

using scenario::Field;
using scenario::join_key;
using scenario::Mapping;
using scenario::node_kind;
using scenario::read_scalar;
using scenario::read_typed;
using Reader = scenario::YamlReader;

constexpr std::size_t max_draws = 100000;
// A range gives at most as many levels as a list of values may hold.
constexpr std::size_t max_range_levels = scenario::default_max_items;

// The value as YAML text that reads back to the same node: a scalar as
// written, null as nothing, a list or mapping in flow style.
std::string value_text(const YAML::Node& node) {
  if (node.IsNull()) return "";
  if (node.IsScalar()) return node.Scalar();
  YAML::Emitter out;
  out << YAML::Flow << node;
  return out.c_str();
}

std::string label_text(const YAML::Node& node) { return node.IsNull() ? "null" : value_text(node); }

}  // namespace

// Shared with the calibration file's reader (sweep_file_reading.hpp).
std::optional<std::uint64_t> read_count(Reader& r, const Field& f, std::uint64_t min,
                                        std::uint64_t max) {
  const auto text = read_scalar(r, f);
  if (!text) return std::nullopt;
  const auto value = scenario::parse_integer<std::uint64_t>(*text);
  if (!value || *value < min || *value > max) {
    r.error(f.where, f.path,
            "expected a whole number between " + std::to_string(min) + " and " +
                std::to_string(max) + ", got '" + *text + "'");
    return std::nullopt;
  }
  return value;
}

bool is_list(Reader& r, const Field& f, const std::string& what) {
  // As long as a scenario's lists at most: a sweep checks each of an axis's
  // levels and each parameter's ends by loading the base scenario (3 ms for
  // the 2022 baseline), so half a million values would take half an hour
  // before the first run.
  if (f.node.IsSequence() && f.node.size() > scenario::default_max_items) {
    r.error(f.where, f.path,
            "the list of " + what + " has " + std::to_string(f.node.size()) +
                " items, more than the " + std::to_string(scenario::default_max_items) +
                " allowed");
    return false;
  }
  if (f.node.IsSequence() && f.node.size() > 0) return true;
  r.error(f.where, f.path,
          "expected a list of " + what + ", got " +
              (f.node.IsSequence() ? std::string("an empty list") : node_kind(f.node)));
  return false;
}

// `{key: value, ...}`: scenario key paths and their values.
std::vector<Setting> read_settings(Reader& r, const Field& f) {
  std::vector<Setting> out;
  if (f.node.IsNull()) return out;
  Mapping m(r, f.node, f.path, f.where);
  for (auto& [key, value] : m.take_all()) {
    if (!value.node.IsNull() && !value.node.IsScalar() && !value.node.IsSequence() &&
        !value.node.IsMap()) {
      r.error(value.where, value.path, "expected a value");
      continue;
    }
    out.push_back({key, value_text(value.node), value.where, value.path});
  }
  return out;
}

namespace {

// `{NAME: [FROM, TO], ...}`: date windows every run reports its outcomes
// over, as the scenario's outputs.windows.
std::optional<Setting> read_windows(Reader& r, const Field& f) {
  Mapping m(r, f.node, f.path, f.where);
  std::string list;
  for (auto& [name, value] : m.take_all()) {
    if (!value.node.IsSequence() || value.node.size() != 2 || !value.node[0].IsScalar() ||
        !value.node[1].IsScalar()) {
      r.error(value.where, value.path,
              "a window is [FIRST_DAY, LAST_DAY], e.g. [2022-08-15, 2022-12-31]");
      continue;
    }
    list += (list.empty() ? "" : ", ") + std::string("{name: ") + name +
            ", from: " + value.node[0].Scalar() + ", to: " + value.node[1].Scalar() + "}";
  }
  if (list.empty()) return std::nullopt;
  return Setting{"outputs.windows", "[" + list + "]", f.where, f.path};
}

// The values of one key: a list, or a range {from, to, step}.
std::vector<std::pair<std::string, Setting>> read_key_values(Reader& r, Mapping& m,
                                                             const std::string& key,
                                                             const Field& where) {
  std::vector<std::pair<std::string, Setting>> out;  // label, setting
  const auto values = m.take("values");
  const auto range = m.take("range");
  if (values && range) {
    r.error(range->where, range->path, "give either 'values' or 'range', not both");
    return out;
  }
  if (values) {
    if (!is_list(r, *values, "values")) return out;
    for (std::size_t i = 0; i < values->node.size(); ++i) {
      const Field v = scenario::element(r, *values, i);
      out.push_back({label_text(v.node), {key, value_text(v.node), v.where, v.path}});
    }
    return out;
  }
  if (!range) {
    r.error(where.where, where.path, "an axis over 'key' needs 'values' or 'range'");
    return out;
  }
  Mapping rm(r, range->node, range->path, range->where);
  const auto from = rm.take("from", true);
  const auto to = rm.take("to", true);
  const auto step = rm.take("step", true);
  rm.finish();
  const auto a = from ? read_typed<double>(r, *from) : std::nullopt;
  const auto b = to ? read_typed<double>(r, *to) : std::nullopt;
  const auto s = step ? read_typed<double>(r, *step) : std::nullopt;
  if (!a || !b || !s) return out;
  const double first = a.value_or(0.0), last = b.value_or(0.0), stride = s.value_or(0.0);
  if (!(stride > 0.0)) {
    r.error(step->where, step->path, "the step must be above 0");
    return out;
  }
  if (last < first) {
    r.error(to->where, to->path, "the range ends before it starts");
    return out;
  }
  const double count = std::floor((last - first) / stride + 1e-9) + 1.0;
  if (count > static_cast<double>(max_range_levels)) {
    r.error(step->where, step->path,
            "the range has " + count_text(count) + " values, more than the " +
                std::to_string(max_range_levels) + " allowed");
    return out;
  }
  for (std::size_t i = 0; i < static_cast<std::size_t>(count); ++i) {
    // 12 significant digits drop the binary residue of the sum (0.1 + 2 *
    // 0.1 is 0.30000000000000004) that nobody wrote in the file.
    char rounded[32];
    std::snprintf(rounded, sizeof rounded, "%.12g", first + static_cast<double>(i) * stride);
    const std::string text = number_text(std::strtod(rounded, nullptr));
    out.push_back({text, {key, text, range->where, range->path}});
  }
  return out;
}

// A variant named by a scenario file of the `base:` + `set:` form (the
// shipped flight and withdrawal variants): its `set:` keys, found at their
// lines in that file. The file must build on the sweep's own scenario, or
// its keys would describe a change to another model. Its scenario.name and
// scenario.description name the file, not a change, and are left out.
std::vector<Setting> read_variant_file(Reader& r, const Field& f,
                                       const std::filesystem::path& sweep_dir,
                                       const std::filesystem::path& sweep_scenario) {
  std::vector<Setting> out;
  const auto name = read_scalar(r, f);
  if (!name) return out;
  const std::filesystem::path file = (sweep_dir / *name).lexically_normal();
  const std::optional<std::string> text = read_input_file(file);
  if (!text) {
    r.error(f.where, f.path,
            "cannot open the variant file '" + file.string() + "'" +
                relative_path_note(*name, r.file, sweep_dir));
    return out;
  }
  Reader vr;
  vr.file = file.string();
  const std::optional<YAML::Node> parsed =
      scenario::parse_yaml_document(*text, vr.file, vr.diagnostics);
  if (parsed) {
    const SourceLocation top{vr.file, 1, 1};
    Mapping document(vr, *parsed, "", top);
    if (const auto base = document.take("base", true))
      if (const auto base_name = read_scalar(vr, *base)) {
        const auto resolved = (file.parent_path() / *base_name).lexically_normal();
        std::error_code ignored;  // a missing file is not equivalent; the sweep says so itself
        if (resolved != sweep_scenario &&
            !std::filesystem::equivalent(resolved, sweep_scenario, ignored))
          vr.error(base->where, base->path,
                   "this variant file builds on '" + resolved.string() + "', the sweep on '" +
                       sweep_scenario.string() + "': its keys would change another scenario");
      }
    if (const auto set = document.take("set", true))
      for (Setting& s : read_settings(vr, *set))
        if (s.key_path != "scenario.name" && s.key_path != "scenario.description")
          out.push_back(std::move(s));
    document.finish();
  }
  r.diagnostics.append(vr.diagnostics);
  return out;
}

std::optional<std::string> read_key(Reader& r, Mapping& m) {
  const auto key = m.take("key", true);
  if (!key) return std::nullopt;
  auto text = read_scalar(r, *key);
  if (text && text->empty()) {
    r.error(key->where, key->path, "the key path is empty");
    return std::nullopt;
  }
  return text;
}

Axis read_axis(Reader& r, const Field& f, const std::filesystem::path& sweep_dir,
               const std::filesystem::path& sweep_scenario) {
  Axis axis;
  axis.where = f.where;
  axis.path = f.path;
  Mapping m(r, f.node, f.path, f.where);
  if (!m.valid()) return axis;
  const auto name = m.take("name");
  if (name)
    if (auto text = read_scalar(r, *name)) axis.name = *text;
  const auto zip = m.take("zip");
  const auto variants = m.take("variants");
  if (zip && variants)
    r.error(variants->where, variants->path, "an axis has 'zip' or 'variants', not both");
  if ((zip || variants) && !name)
    r.error(f.where, join_key(f.path, "name"), "this axis needs a 'name' for its column");

  if (variants) {
    if (is_list(r, *variants, "variants"))
      for (std::size_t i = 0; i < variants->node.size(); ++i) {
        const Field v = scenario::element(r, *variants, i);
        Mapping vm(r, v.node, v.path, v.where);
        Level level;
        const auto file = vm.take("file");
        // A variant from a file may go without a name: the file's says it.
        if (auto vname = vm.take("name", !file))
          if (auto text = read_scalar(r, *vname)) level.label = *text;
        if (file) {
          level.settings = read_variant_file(r, *file, sweep_dir, sweep_scenario);
          if (level.label.empty() && file->node.IsScalar())
            level.label = std::filesystem::path(file->node.Scalar()).stem().string();
        }
        // Keys of `set:` come after the file's, so they win where both set one.
        if (auto set = vm.take("set", !file)) {
          for (Setting& own : read_settings(r, *set)) {
            std::erase_if(level.settings, [&](const Setting& from_file) {
              return from_file.key_path == own.key_path;
            });
            level.settings.push_back(std::move(own));
          }
        }
        vm.finish();
        axis.levels.push_back(std::move(level));
      }
  } else if (zip) {
    std::vector<std::vector<std::pair<std::string, Setting>>> columns;
    if (is_list(r, *zip, "keys with their values"))
      for (std::size_t i = 0; i < zip->node.size(); ++i) {
        const Field z = scenario::element(r, *zip, i);
        Mapping zm(r, z.node, z.path, z.where);
        if (const auto key = read_key(r, zm)) columns.push_back(read_key_values(r, zm, *key, z));
        zm.finish();
        if (columns.size() > 1 && columns.back().size() != columns.front().size() &&
            !columns.back().empty())
          r.error(z.where, z.path,
                  "zipped keys need as many values each: this one has " +
                      std::to_string(columns.back().size()) + ", the first " +
                      std::to_string(columns.front().size()));
      }
    const std::size_t n = columns.empty() ? 0 : columns.front().size();
    for (std::size_t k = 0; k < n; ++k) {
      Level level;
      for (const auto& column : columns) {
        if (column.size() != n) continue;
        level.label += (level.label.empty() ? "" : "/") + column[k].first;
        level.settings.push_back(column[k].second);
      }
      axis.levels.push_back(std::move(level));
    }
  } else if (const auto key = read_key(r, m)) {
    if (!name) axis.name = *key;
    for (auto& [label, setting] : read_key_values(r, m, *key, f))
      axis.levels.push_back({label, {setting}});
  }
  m.finish();

  std::set<std::string> labels;
  for (const Level& level : axis.levels)
    if (!level.label.empty() && !labels.insert(level.label).second)
      r.error(f.where, f.path,
              "axis '" + axis.name + "' has the level '" + level.label + "' twice");
  return axis;
}

Parameter read_parameter(Reader& r, const Field& f) {
  Parameter p;
  p.where = f.where;
  p.path = f.path;
  Mapping m(r, f.node, f.path, f.where);
  if (const auto key = read_key(r, m)) p.key_path = *key;
  const auto min = m.take("min", true);
  const auto max = m.take("max", true);
  if (const auto integer = m.take("integer"))
    if (auto flag = read_typed<bool>(r, *integer)) p.integer = *flag;
  m.finish();
  const auto lo = min ? read_typed<double>(r, *min) : std::nullopt;
  const auto hi = max ? read_typed<double>(r, *max) : std::nullopt;
  p.min = lo.value_or(p.min);
  p.max = hi.value_or(p.max);
  if (lo && hi && !(p.min < p.max)) r.error(max->where, max->path, "max must be above min");
  return p;
}

void read_sample(Reader& r, const Field& f, SweepFile& sweep) {
  Mapping m(r, f.node, f.path, f.where);
  if (const auto method = m.take("method", true))
    if (const auto text = read_scalar(r, *method)) {
      if (*text == "latin_hypercube") {
        sweep.design = Design::latin_hypercube;
      } else if (*text == "saltelli") {
        sweep.design = Design::saltelli;
      } else {
        r.error(method->where, method->path,
                "expected latin_hypercube or saltelli, got '" + *text + "'" +
                    did_you_mean(*text, {"latin_hypercube", "saltelli"}));
      }
    }
  if (const auto points = m.take("points", true))
    if (auto n = read_count(r, *points, 2, 1000000)) sweep.points = *n;
  if (const auto bootstrap = m.take("bootstrap"))
    if (auto n = read_count(r, *bootstrap, 10, 100000)) sweep.bootstrap = *n;
  if (const auto outcomes = m.take("outcomes")) {
    if (is_list(r, *outcomes, "outcome names"))
      for (std::size_t i = 0; i < outcomes->node.size(); ++i)
        if (auto text = read_scalar(r, scenario::element(r, *outcomes, i)))
          sweep.sobol_outcomes.push_back(*text);
  } else {
    sweep.sobol_outcomes = {"civilian_deaths.total"};
  }
  if (const auto parameters = m.take("parameters", true))
    if (is_list(r, *parameters, "parameters"))
      for (std::size_t i = 0; i < parameters->node.size(); ++i)
        sweep.parameters.push_back(read_parameter(r, scenario::element(r, *parameters, i)));
  m.finish();
}

// `parameters: {posterior: PATH, draws: K}`. The file is read here, so that
// its content errors come with the sweep file's own.
void read_posterior_parameters(Reader& r, const Field& f, const std::filesystem::path& base_dir,
                               SweepFile& sweep) {
  Mapping m(r, f.node, f.path, f.where);
  if (!m.valid()) return;
  const auto posterior = m.take("posterior", true);
  const auto draws = m.take("draws", true);
  m.finish();
  PosteriorParameters parameters;
  if (draws)
    if (auto n = read_count(r, *draws, 1, max_draws)) parameters.draws = *n;
  if (!posterior) return;
  const auto written = read_scalar(r, *posterior);
  if (!written) return;
  parameters.written = *written;
  parameters.where = posterior->where;
  const std::filesystem::path file = (base_dir / *written).lexically_normal();
  const std::optional<std::string> text = read_input_file(file);
  if (!text) {
    r.error(posterior->where, posterior->path,
            "cannot open the posterior file '" + file.string() + "'" +
                relative_path_note(*written, r.file, base_dir));
    return;
  }
  auto parsed = parse_posterior(*text, file, posterior->path, r.diagnostics);
  if (!parsed) return;
  parameters.posterior = std::move(*parsed);
  sweep.posterior = std::move(parameters);
}

// --- checking the settings against the base scenario -------------------------

}  // namespace

// Loads the base scenario with the settings and reports the loader's
// complaints about a setting at the setting's place in the sweep file; other
// complaints (about the base file) are the caller's.
Diagnostics check_settings(const SweepFile& sweep, const std::vector<Setting>& before,
                           const std::vector<Setting>& settings) {
  std::vector<Setting> all = before;
  all.insert(all.end(), settings.begin(), settings.end());
  const auto overrides = to_overrides(all);
  std::map<std::string, const Setting*> by_origin;
  for (std::size_t i = before.size(); i < all.size(); ++i)
    by_origin["<--set " + overrides[i].origin + ">"] = &all[i];
  const scenario::LoadResult loaded = scenario::load_scenario(sweep.scenario, overrides);
  Diagnostics out;
  for (const Diagnostic& d : loaded.diagnostics.items()) {
    const auto it = by_origin.find(d.where.file);
    if (it == by_origin.end()) continue;
    const Setting& s = *it->second;
    out.error(s.where, s.sweep_path, "scenario key '" + d.key_path + "': " + d.message);
  }
  return out;
}

namespace {

// The posterior's keys are the draws' alone: a key that `set` or an axis
// also sets would be overwritten by one or the other, and the posterior's
// spread would not be the one the sweep reports. The values are checked as
// --set would check them, at the cells holding each key's smallest and
// largest value (after one check of the keys, so that an unknown key is
// reported once, at its header cell).
void check_posterior(Reader& r, const SweepFile& sweep) {
  const Posterior& posterior = sweep.posterior->posterior;
  const std::string path = "parameters.posterior";
  std::map<std::string, std::string> set_by;
  for (const Setting& s : sweep.common) set_by.emplace(s.key_path, "the sweep's 'set'");
  for (const Axis& axis : sweep.axes)
    for (const Level& level : axis.levels)
      for (const Setting& s : level.settings)
        set_by.emplace(s.key_path, "axis '" + axis.name + "'");
  bool keys_free = true;
  for (std::size_t k = 0; k < posterior.keys.size(); ++k) {
    const std::string& key = posterior.keys[k];
    std::string why;
    if (key == "scenario.seed")
      why = "the sweep sets the seed (sweep.seed + draw and replicate); it cannot be drawn";
    else if (const auto it = set_by.find(key); it != set_by.end())
      why = "'" + key + "' is drawn from the posterior and also set by " + it->second +
            "; a key is either drawn or set (remove it from one of them)";
    if (!why.empty()) {
      r.error(posterior.key_places[k], path, why);
      keys_free = false;
    }
  }
  if (!keys_free) return;
  auto settings_at = [&](auto pick) {
    std::vector<Setting> out;
    for (std::size_t k = 0; k < posterior.keys.size(); ++k) {
      const PosteriorCell& cell = pick(k);
      out.push_back({posterior.keys[k], cell.text, cell.where, path});
    }
    return out;
  };
  std::vector<Setting> header;
  for (std::size_t k = 0; k < posterior.keys.size(); ++k)
    header.push_back({posterior.keys[k], posterior.particles.front().values[k].text,
                      posterior.key_places[k], path});
  const Diagnostics keys = check_settings(sweep, sweep.common, header);
  r.diagnostics.append(keys);
  if (!keys.empty()) return;
  for (const bool smallest : {true, false})
    r.diagnostics.append(
        check_settings(sweep, sweep.common, settings_at([&](std::size_t k) {
                         const PosteriorCell* best = &posterior.particles.front().values[k];
                         for (const Particle& p : posterior.particles) {
                           const PosteriorCell& c = p.values[k];
                           if (smallest ? c.value < best->value : c.value > best->value) best = &c;
                         }
                         return *best;
                       })));
}

std::uint64_t times(std::uint64_t a, std::uint64_t b) {
  std::uint64_t product = 0;
  return __builtin_mul_overflow(a, b, &product) ? std::numeric_limits<std::uint64_t>::max()
                                                : product;
}

// The runs of one variant: its posterior draws times the replications.
std::uint64_t runs_per_variant(const SweepFile& sweep) {
  return times(sweep.posterior ? sweep.posterior->draws : 1, sweep.replications);
}

// Refused before the base scenario is read and before any variant exists:
// a plan of 10^12 runs costs nothing to count.
void check_planned_runs(Reader& r, const SweepFile& sweep, const SourceLocation& where,
                        const std::string& path) {
  const std::uint64_t runs = planned_run_count(sweep);
  if (runs <= max_planned_runs) return;
  const std::uint64_t per_variant = runs_per_variant(sweep);
  const std::string count = runs == std::numeric_limits<std::uint64_t>::max()
                                ? "more than 18,446,744,073,709,551,614"
                                : count_text(runs);
  r.error(where, path,
          "the sweep plans " + count + " runs (" + count_text(runs / per_variant) + " variants x " +
              count_text(per_variant) + (per_variant == 1 ? " run" : " runs") +
              " each), above the limit of " + count_text(max_planned_runs) +
              " runs a sweep may plan; split the study into several sweeps");
}

void check_against_base(Reader& r, SweepFile& sweep, const Field& scenario_field,
                        const std::filesystem::path& base_dir) {
  const scenario::LoadResult base = scenario::load_scenario(sweep.scenario);
  if (!base.scenario) {
    const bool missing =
        base.diagnostics.size() == 1 && base.diagnostics.items().front().key_path == "(file)";
    if (missing)
      r.error(scenario_field.where, scenario_field.path,
              "cannot open the scenario file '" + sweep.scenario.string() + "'" +
                  relative_path_note(scenario_field.node.Scalar(), r.file, base_dir));
    else
      r.diagnostics.append(base.diagnostics);
    return;
  }
  if (sweep.seed == 0) {
    sweep.seed = base.scenario->scenario.seed;
    // sweep.seed itself is at most 2^32 - 1, which no plan within the
    // limit can carry past 2^64; the base scenario's can be any 64-bit seed.
    const std::uint64_t per_variant = runs_per_variant(sweep);
    if (!seeds_fit(sweep.seed, per_variant))
      r.error(scenario_field.where, scenario_field.path,
              "the base scenario's " + seed_overflow_message(sweep.seed, per_variant) +
                  "; set sweep.seed (1 to 4294967295)");
  }
  // Seeds are the sweep's: replicate r runs with seed + r in every variant.
  auto refuse_seed = [&](const Setting& s) {
    if (s.key_path == "scenario.seed")
      r.error(s.where, s.sweep_path,
              "the sweep sets the seed (sweep.seed + replicate); set sweep.seed instead");
  };
  for (const Setting& s : sweep.common) refuse_seed(s);
  for (const Axis& axis : sweep.axes)
    for (const Level& level : axis.levels)
      for (const Setting& s : level.settings) refuse_seed(s);
  for (const Parameter& p : sweep.parameters)
    if (p.key_path == "scenario.seed")
      r.error(p.where, p.path, "the sweep sets the seed; it cannot be sampled");
  r.diagnostics.append(check_settings(sweep, {}, sweep.common));

  std::map<std::string, std::string> axis_of_key;
  for (const Axis& axis : sweep.axes) {
    std::set<std::string> keys;
    for (const Level& level : axis.levels) {
      r.diagnostics.append(check_settings(sweep, sweep.common, level.settings));
      for (const Setting& s : level.settings) keys.insert(s.key_path);
    }
    for (const std::string& key : keys) {
      const auto [it, fresh] = axis_of_key.emplace(key, axis.name);
      if (!fresh)
        r.error(axis.where, axis.path,
                "key '" + key + "' is also varied by axis '" + it->second +
                    "'; one key belongs to one axis");
    }
  }
  std::set<std::string> parameter_keys;
  for (const Parameter& p : sweep.parameters) {
    if (p.key_path.empty()) continue;
    if (!parameter_keys.insert(p.key_path).second)
      r.error(p.where, p.path, "this key is sampled twice");
    for (const double end : {p.min, p.max}) {
      const double value = p.integer ? std::round(end) : end;
      r.diagnostics.append(check_settings(sweep, sweep.common,
                                          {{p.key_path, number_text(value), p.where, p.key_path}}));
    }
  }
  if (sweep.posterior) check_posterior(r, sweep);
}

void read_reference(Reader& r, const Field& f, SweepFile& sweep) {
  Mapping m(r, f.node, f.path, f.where);
  std::vector<std::string> names;
  for (const Axis& axis : sweep.axes) names.push_back(axis.name);
  for (auto& [key, value] : m.take_all()) {
    const std::string& axis_name = key;  // clang 14's lambdas cannot capture a binding
    const auto axis = std::find_if(sweep.axes.begin(), sweep.axes.end(),
                                   [&](const Axis& a) { return a.name == axis_name; });
    if (axis == sweep.axes.end()) {
      r.error(value.where, value.path, "no axis '" + key + "'" + did_you_mean(key, names));
      continue;
    }
    const std::string label = label_text(value.node);
    std::vector<std::string> labels;
    for (const Level& level : axis->levels) labels.push_back(level.label);
    if (std::find(labels.begin(), labels.end(), label) == labels.end()) {
      r.error(value.where, value.path,
              "axis '" + key + "' has no level '" + label + "'" + did_you_mean(label, labels));
      continue;
    }
    sweep.reference[static_cast<std::size_t>(axis - sweep.axes.begin())] = label;
  }
}

SweepLoadResult read_document(Reader& r, const std::string& text,
                              const std::filesystem::path& base_dir) {
  SweepLoadResult result;
  auto done = [&] {
    r.diagnostics.sort_by_location();
    result.diagnostics = std::move(r.diagnostics);
    return std::move(result);
  };
  const std::optional<YAML::Node> parsed = scenario::parse_input_document(
      text, r.file, r.diagnostics, "a sweep file has a 'sweep' section");
  if (!parsed) return done();
  const SourceLocation top{r.file, 1, 1};
  SweepFile sweep;
  sweep.file = r.file;
  sweep.text = text;
  Mapping document(r, *parsed, "", top);
  std::optional<Field> scenario_field, reference_field;
  if (const auto head = document.take("sweep", true)) {
    Mapping m(r, head->node, head->path, head->where);
    if (const auto name = m.take("name", true))
      if (auto value = read_scalar(r, *name)) {
        sweep.name = *value;
        // The name becomes the default output folder.
        if (value->empty() || value->find('/') != std::string::npos)
          r.error(name->where, name->path, "the sweep needs a name without '/'");
      }
    scenario_field = m.take("scenario", true);
    if (scenario_field)
      if (auto value = read_scalar(r, *scenario_field))
        sweep.scenario = (base_dir / *value).lexically_normal();
    if (const auto replications = m.take("replications"))
      if (auto n = read_count(r, *replications, 1, 1000000)) sweep.replications = *n;
    if (const auto seed = m.take("seed"))
      if (auto n = read_count(r, *seed, 1, std::numeric_limits<std::uint32_t>::max()))
        sweep.seed = *n;
    reference_field = m.take("reference");
    if (const auto keep = m.take("keep_samples"))
      if (auto flag = read_typed<bool>(r, *keep)) sweep.keep_samples = *flag;
    if (const auto keep = m.take("keep_timeseries"))
      if (auto which = read_scalar(r, *keep)) {
        if (*which == "all" || *which == "none")
          sweep.keep_timeseries = *which == "all";
        else
          r.error(keep->where, keep->path,
                  "expected all (every run's daily series, in timeseries.csv.gz) or none, got '" +
                      *which + "'" + did_you_mean(*which, {"all", "none"}));
      }
    m.finish();
  }
  if (const auto set = document.take("set")) sweep.common = read_settings(r, *set);
  if (const auto windows = document.take("windows"))
    if (auto setting = read_windows(r, *windows)) sweep.common.push_back(*setting);
  const auto axes = document.take("axes");
  const auto sample = document.take("sample");
  if (const auto parameters = document.take("parameters")) {
    if (sample)
      r.error(parameters->where, parameters->path,
              "a sweep over a posterior needs a grid of axes: a sampled design spreads its points "
              "over parameter ranges itself, and its Sobol' indices would take in the posterior's "
              "spread");
    else
      read_posterior_parameters(r, *parameters, base_dir, sweep);
  }
  if (axes && sample) {
    r.error(sample->where, sample->path,
            "a sweep has either 'axes' (a grid) or 'sample' (a sampled design), not both");
  } else if (axes) {
    if (is_list(r, *axes, "axes"))
      for (std::size_t i = 0; i < axes->node.size(); ++i)
        sweep.axes.push_back(
            read_axis(r, scenario::element(r, *axes, i), base_dir, sweep.scenario));
  } else if (sample) {
    read_sample(r, *sample, sweep);
  } else {
    r.error(top, "axes", "a sweep needs 'axes' (a grid) or 'sample' (a sampled design)");
  }
  document.finish();

  std::set<std::string> axis_names;
  for (const Axis& axis : sweep.axes)
    if (!axis.name.empty() && !axis_names.insert(axis.name).second)
      r.error(axis.where, join_key(axis.path, "name"), "two axes are named '" + axis.name + "'");
  for (const Axis& axis : sweep.axes)
    sweep.reference.push_back(axis.levels.empty() ? std::string() : axis.levels.front().label);
  if (reference_field) {
    if (sweep.design == Design::grid)
      read_reference(r, *reference_field, sweep);
    else
      r.error(reference_field->where, reference_field->path,
              "a reference variant belongs to a grid of axes, not to a sampled design");
  }
  if (sweep.design != Design::grid) sweep.keep_samples = false;
  if (r.diagnostics.empty()) {
    if (axes)
      check_planned_runs(r, sweep, axes->where, axes->path);
    else if (sample)
      check_planned_runs(r, sweep, sample->where, sample->path);
  }
  // Settings are checked against the base only once the file itself reads
  // well, so that one typo does not come back as a cascade.
  if (r.diagnostics.empty() && scenario_field)
    check_against_base(r, sweep, *scenario_field, base_dir);
  if (r.diagnostics.empty()) result.sweep = std::move(sweep);
  return done();
}

}  // namespace

SweepLoadResult load_sweep_text(const std::string& text, const std::string& display_name,
                                const std::filesystem::path& base_dir) {
  Reader reader;
  reader.file = display_name;
  return read_document(reader, text, base_dir);
}

SweepLoadResult load_sweep(const std::filesystem::path& file) {
  SweepLoadResult result;
  const std::optional<std::string> text = read_input_file(file, "sweep", result.diagnostics);
  if (!text) return result;
  return load_sweep_text(*text, file.string(), file.parent_path());
}

std::uint64_t planned_run_count(const SweepFile& sweep) {
  std::uint64_t variants = 1;
  if (sweep.design == Design::grid)
    for (const Axis& axis : sweep.axes) variants = times(variants, axis.levels.size());
  else if (sweep.design == Design::latin_hypercube)
    variants = sweep.points;
  else
    variants = times(sweep.points, sweep.parameters.size() + 2);
  return times(variants, runs_per_variant(sweep));
}

bool looks_like_sweep(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (line.rfind("sweep:", 0) == 0) return true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

std::vector<scenario::Override> to_overrides(const std::vector<Setting>& settings) {
  std::vector<scenario::Override> out;
  out.reserve(settings.size());
  for (const Setting& s : settings)
    out.push_back({s.key_path, s.value,
                   s.where.file + ":" + std::to_string(s.where.line) + ":" +
                       std::to_string(s.where.column) + " " + s.key_path + "=" + s.value});
  return out;
}

}  // namespace pocsim::sweep
