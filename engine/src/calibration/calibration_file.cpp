// SPDX-License-Identifier: Apache-2.0
#include "pocsim/calibration/calibration_file.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "../sweep/sweep_file_reading.hpp"
#include "pocsim/core/seed_range.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/sweep/number_text.hpp"
#include "yaml_paths.hpp"
#include "yaml_reader.hpp"

namespace pocsim::calibration {

namespace {

using scenario::Field;
using scenario::Mapping;
using scenario::read_scalar;
using scenario::read_typed;
using Reader = scenario::YamlReader;

std::optional<double> read_number(Reader& r, const std::optional<Field>& f) {
  return f ? read_typed<double>(r, *f) : std::nullopt;
}

// A probability-like setting in (low, high] or [low, high].
void read_fraction(Reader& r, const std::optional<Field>& f, double& value, bool zero_allowed) {
  const auto v = read_number(r, f);
  if (!v) return;
  if (!(*v >= 0.0 && *v <= 1.0) || (!zero_allowed && *v == 0.0)) {
    r.error(f->where, f->path,
            std::string("expected a number ") + (zero_allowed ? "from 0" : "above 0") +
                " to 1, got '" + f->node.Scalar() + "'");
    return;
  }
  value = *v;
}

Prior read_prior(Reader& r, const Field& f) {
  Prior p;
  p.where = f.where;
  p.path = f.path;
  Mapping m(r, f.node, f.path, f.where);
  if (!m.valid()) return p;
  if (const auto key = m.take("key", true))
    if (const auto text = read_scalar(r, *key)) {
      p.key_path = *text;
      if (text->empty()) r.error(key->where, key->path, "the key path is empty");
    }
  const auto distribution = m.take("distribution");
  if (distribution)
    if (const auto text = read_scalar(r, *distribution)) {
      if (*text == "normal")
        p.shape = PriorShape::normal;
      else if (*text != "uniform")
        r.error(distribution->where, distribution->path,
                "expected uniform or normal, got '" + *text + "'" +
                    did_you_mean(*text, {"uniform", "normal"}));
    }
  const bool normal = p.shape == PriorShape::normal;
  const auto min = m.take("min", !normal);
  const auto max = m.take("max", !normal);
  const auto mean = m.take("mean", normal);
  const auto sd = m.take("sd", normal);
  if (!normal && (mean || sd)) {
    const Field& extra = mean ? *mean : *sd;
    r.error(extra.where, extra.path,
            "only a normal prior (distribution: normal) has a mean and sd");
  }
  if (const auto integer = m.take("integer"))
    if (const auto flag = read_typed<bool>(r, *integer)) p.integer = *flag;
  m.finish();
  if (const auto v = read_number(r, min)) p.min = *v;
  if (const auto v = read_number(r, max)) p.max = *v;
  if (const auto v = read_number(r, mean)) p.mean = *v;
  if (const auto v = read_number(r, sd)) {
    p.sd = *v;
    if (!(*v > 0.0)) r.error(sd->where, sd->path, "the sd must be above 0");
  }
  if (min && max && !(p.min < p.max)) r.error(max->where, max->path, "max must be above min");
  if (p.integer && (std::isinf(p.min) || std::isinf(p.max)))
    r.error(f.where, f.path, "a whole-number parameter needs both min and max");
  if (normal && !(p.box_lower() < p.box_upper()))
    r.error(f.where, f.path, "the normal prior has no mass between min and max");
  return p;
}

void read_head(Reader& r, const Field& f, CalibrationFile& c, std::optional<Field>& scenario_field,
               std::optional<Field>& targets_field, const std::filesystem::path& base_dir) {
  Mapping m(r, f.node, f.path, f.where);
  if (const auto name = m.take("name", true))
    if (auto value = read_scalar(r, *name)) {
      c.runs.name = *value;
      if (value->empty() || value->find('/') != std::string::npos)
        r.error(name->where, name->path, "the calibration needs a name without '/'");
    }
  scenario_field = m.take("scenario", true);
  if (scenario_field)
    if (auto value = read_scalar(r, *scenario_field))
      c.runs.scenario = (base_dir / *value).lexically_normal();
  targets_field = m.take("targets", true);
  if (targets_field)
    if (auto value = read_scalar(r, *targets_field))
      c.targets_file = (base_dir / *value).lexically_normal();
  if (const auto replications = m.take("replications"))
    if (auto n = sweep::read_count(r, *replications, 1, 100000)) c.runs.replications = *n;
  if (const auto seed = m.take("seed"))
    if (auto n = sweep::read_count(r, *seed, 1, std::numeric_limits<std::uint32_t>::max()))
      c.runs.seed = *n;
  if (const auto method = m.take("method"))
    if (const auto text = read_scalar(r, *method)) {
      if (*text == "abc_smc")
        c.method = Method::abc_smc;
      else if (*text == "history_matching")
        c.method = Method::history_matching;
      else
        r.error(method->where, method->path,
                "expected abc_smc or history_matching, got '" + *text + "'" +
                    did_you_mean(*text, {"abc_smc", "history_matching"}));
    }
  m.finish();
}

void read_abc_smc(Reader& r, const Field& f, AbcSmcSettings& s) {
  Mapping m(r, f.node, f.path, f.where);
  if (const auto v = m.take("particles"))
    if (auto n = sweep::read_count(r, *v, 2, 100000)) s.particles = *n;
  if (const auto v = m.take("generations"))
    if (auto n = sweep::read_count(r, *v, 1, 1000)) s.generations = *n;
  read_fraction(r, m.take("quantile"), s.quantile, false);
  read_fraction(r, m.take("min_acceptance"), s.min_acceptance, false);
  m.finish();
}

void read_history_matching(Reader& r, const Field& f, HistoryMatchingSettings& s) {
  Mapping m(r, f.node, f.path, f.where);
  if (const auto v = m.take("waves"))
    if (auto n = sweep::read_count(r, *v, 1, 1000)) s.waves = *n;
  if (const auto v = m.take("points_per_wave"))
    if (auto n = sweep::read_count(r, *v, 2, 100000)) s.points_per_wave = *n;
  if (const auto v = m.take("cutoff")) {
    if (const auto x = read_typed<double>(r, *v)) {
      if (*x > 0.0)
        s.cutoff = *x;
      else
        r.error(v->where, v->path, "the cut-off must be above 0");
    }
  }
  m.finish();
}

// The parameters and settings against the base scenario, and the targets
// that apply to it.
void check_against_base(Reader& r, CalibrationFile& c, const Field& scenario_field,
                        const Field& targets_field, const std::filesystem::path& base_dir) {
  const scenario::LoadResult base = scenario::load_scenario(c.runs.scenario);
  if (!base.scenario) {
    const bool missing =
        base.diagnostics.size() == 1 && base.diagnostics.items().front().key_path == "(file)";
    if (missing)
      r.error(scenario_field.where, scenario_field.path,
              "cannot open the scenario file '" + c.runs.scenario.string() + "'" +
                  relative_path_note(scenario_field.node.Scalar(), r.file, base_dir));
    else
      r.diagnostics.append(base.diagnostics);
    return;
  }
  if (c.runs.seed == 0) {
    c.runs.seed = base.scenario->scenario.seed;
    // Run k takes seed + k, and how many runs ABC-SMC makes is known only
    // at its end: the base seed must leave room for 2^32 of them, as
    // calibration.seed (at most 2^32 - 1) always does.
    constexpr std::uint64_t most_runs = std::uint64_t{1} << 32;
    if (!seeds_fit(c.runs.seed, most_runs))
      r.error(scenario_field.where, scenario_field.path,
              "the base scenario's " + seed_overflow_message(c.runs.seed, most_runs) +
                  " (room for 2^32 calibration runs); set calibration.seed (1 to 4294967295)");
  }
  for (const sweep::Setting& s : c.runs.common)
    if (s.key_path == "scenario.seed")
      r.error(s.where, s.sweep_path,
              "the calibration sets the seed (calibration.seed + replicate); set "
              "calibration.seed instead");
  r.diagnostics.append(sweep::check_settings(c.runs, {}, c.runs.common));
  std::set<std::string> keys;
  for (const Prior& p : c.priors) {
    if (p.key_path == "scenario.seed") {
      r.error(p.where, p.path, "the calibration sets the seed; it cannot be a free parameter");
      continue;
    }
    if (!keys.insert(p.key_path).second) r.error(p.where, p.path, "this key is a parameter twice");
    for (const double end : {p.box_lower(), p.box_upper()})
      r.diagnostics.append(sweep::check_settings(
          c.runs, c.runs.common,
          {{p.key_path, sweep::number_text(p.model_value(end)), p.where, p.path}}));
  }

  TargetsLoadResult targets = load_targets(c.targets_file);
  if (!targets.targets) {
    const bool missing =
        targets.diagnostics.size() == 1 && targets.diagnostics.items().front().key_path == "(file)";
    if (missing)
      r.error(targets_field.where, targets_field.path,
              "cannot open the targets file '" + c.targets_file.string() + "'" +
                  relative_path_note(targets_field.node.Scalar(), r.file, base_dir));
    else
      r.diagnostics.append(targets.diagnostics);
    return;
  }
  c.targets_text = read_input_file(c.targets_file).value_or("");
  // The scenario's name after the common settings decides which apply.
  const scenario::LoadResult named =
      scenario::load_scenario(c.runs.scenario, sweep::to_overrides(c.runs.common));
  const std::string name = named.scenario ? named.scenario->scenario.name : "";
  for (Target& t : targets.targets->targets)
    if (t.applies(name)) c.targets.push_back(std::move(t));
  if (named.scenario && c.targets.empty())
    r.error(targets_field.where, targets_field.path,
            "no target of '" + c.targets_file.string() + "' applies to scenario '" + name + "'");
}

// The most simulations the method may make, known before it starts:
// ABC-SMC's first generation and then at most particles / min_acceptance
// proposals a generation, history matching's points of every wave, each
// point replicated. Like a sweep's plan, refused above the sweeps' limit
// (every run keeps its outcomes in memory), with the count.
void check_most_simulations(Reader& r, const CalibrationFile& c, const SourceLocation& where,
                            const std::string& path) {
  double points = 0.0;
  std::string how;
  if (c.method == Method::abc_smc) {
    const auto n = static_cast<double>(c.abc_smc.particles);
    const double per_generation = std::ceil(n / std::max(c.abc_smc.min_acceptance, 1e-9));
    points = n + static_cast<double>(c.abc_smc.generations - 1) * per_generation;
    how = std::to_string(c.abc_smc.generations) + " generations of up to " +
          sweep::number_text(per_generation) + " proposals";
  } else {
    points = static_cast<double>(c.history_matching.waves) *
             static_cast<double>(c.history_matching.points_per_wave);
    how = std::to_string(c.history_matching.waves) + " waves of " +
          std::to_string(c.history_matching.points_per_wave) + " points";
  }
  const double runs = points * static_cast<double>(c.runs.replications);
  if (runs <= static_cast<double>(sweep::max_planned_runs)) return;
  r.error(where, path,
          "the calibration may make " + sweep::count_text(runs) + " simulations (" + how + " x " +
              sweep::count_text(static_cast<std::uint64_t>(c.runs.replications)) +
              " replications), above the limit of " + sweep::count_text(sweep::max_planned_runs) +
              "; lower the points or the replications");
}

CalibrationLoadResult read_document(Reader& r, const std::string& text,
                                    const std::filesystem::path& base_dir) {
  CalibrationLoadResult result;
  auto done = [&] {
    r.diagnostics.sort_by_location();
    result.diagnostics = std::move(r.diagnostics);
    return std::move(result);
  };
  const std::optional<YAML::Node> parsed = scenario::parse_input_document(
      text, r.file, r.diagnostics, "a calibration file has a 'calibration' section");
  if (!parsed) return done();
  const SourceLocation top{r.file, 1, 1};
  CalibrationFile c;
  c.runs.file = r.file;
  c.runs.text = text;
  c.runs.replications = 2;
  c.runs.keep_samples = false;
  Mapping document(r, *parsed, "", top);
  std::optional<Field> scenario_field, targets_field;
  if (const auto head = document.take("calibration", true))
    read_head(r, *head, c, scenario_field, targets_field, base_dir);
  if (const auto set = document.take("set")) c.runs.common = sweep::read_settings(r, *set);
  if (const auto parameters = document.take("parameters", true))
    if (sweep::is_list(r, *parameters, "parameters"))
      for (std::size_t i = 0; i < parameters->node.size(); ++i)
        c.priors.push_back(read_prior(r, scenario::element(r, *parameters, i)));
  const auto abc = document.take("abc_smc");
  if (abc) read_abc_smc(r, *abc, c.abc_smc);
  const auto hm = document.take("history_matching");
  if (hm) read_history_matching(r, *hm, c.history_matching);
  document.finish();
  if (r.diagnostics.empty()) {
    const std::optional<Field>& method_field = c.method == Method::abc_smc ? abc : hm;
    check_most_simulations(r, c, method_field ? method_field->where : top,
                           method_field ? method_field->path : "calibration.method");
  }
  c.abc_smc.seed = c.history_matching.seed = c.runs.seed;
  // Checked against the scenario only once the file itself reads well, so
  // that one typo does not come back as a cascade.
  if (r.diagnostics.empty() && scenario_field && targets_field)
    check_against_base(r, c, *scenario_field, *targets_field, base_dir);
  c.abc_smc.seed = c.history_matching.seed = c.runs.seed;
  if (r.diagnostics.empty()) result.calibration = std::move(c);
  return done();
}

}  // namespace

CalibrationLoadResult load_calibration(const std::filesystem::path& file) {
  CalibrationLoadResult result;
  const std::optional<std::string> text = read_input_file(file, "calibration", result.diagnostics);
  if (!text) return result;
  Reader reader;
  reader.file = file.string();
  return read_document(reader, *text, file.parent_path());
}

bool looks_like_calibration(const std::string& text) {
  return text.starts_with("calibration:") || text.find("\ncalibration:") != std::string::npos;
}

}  // namespace pocsim::calibration
