// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/plan.hpp"

#include <algorithm>
#include <ostream>
#include <stdexcept>

#include "pocsim/output/csv.hpp"
#include "pocsim/sweep/number_text.hpp"
#include "pocsim/sweep/posterior_draws.hpp"
#include "pocsim/sweep/sampling.hpp"

namespace pocsim::sweep {

namespace {

void add_key_column(SweepPlan& plan, const std::string& key) {
  if (std::find(plan.key_columns.begin(), plan.key_columns.end(), key) == plan.key_columns.end())
    plan.key_columns.push_back(key);
}

void make_grid(const SweepFile& sweep, SweepPlan& plan) {
  plan.axes = sweep.axes;
  for (const Axis& axis : sweep.axes) {
    plan.axis_columns.push_back(axis.name);
    for (const Level& level : axis.levels)
      for (const Setting& s : level.settings)
        // An axis over one key is named after it by default; its column then
        // already holds the value.
        if (s.key_path != axis.name) add_key_column(plan, s.key_path);
  }
  // The variant whose levels are the reference's, counted as the variants
  // are (the last axis fastest); the first when a label is not found.
  if (sweep.reference.size() != sweep.axes.size()) return;
  std::size_t reference = 0;
  for (std::size_t a = 0; a < sweep.axes.size(); ++a) {
    const std::vector<Level>& levels = sweep.axes[a].levels;
    const auto it = std::find_if(levels.begin(), levels.end(), [&](const Level& level) {
      return level.label == sweep.reference[a];
    });
    if (it == levels.end()) return;
    reference = reference * levels.size() + static_cast<std::size_t>(it - levels.begin());
  }
  plan.reference_variant = reference;
}

void make_sampled(const SweepFile& sweep, SweepPlan& plan) {
  plan.source = SweepPlan::Source::sampled;
  plan.parameters = sweep.parameters;
  for (const Parameter& p : sweep.parameters) add_key_column(plan, p.key_path);
  plan.points =
      sweep.design == Design::latin_hypercube
          ? latin_hypercube(sweep.points, sweep.parameters.size(), sweep.seed)
          : saltelli_points(saltelli_design(sweep.points, sweep.parameters.size(), sweep.seed));
}

void make_draws(const SweepFile& sweep, SweepPlan& plan) {
  const Posterior& posterior = sweep.posterior->posterior;
  plan.posterior_columns = posterior.keys;
  std::vector<double> weights;
  for (const Particle& p : posterior.particles) weights.push_back(p.weight);
  for (const std::size_t index : systematic_draws(weights, sweep.posterior->draws, sweep.seed)) {
    const Particle& particle = posterior.particles[index];
    Draw draw;
    draw.particle = particle.id;
    for (std::size_t k = 0; k < posterior.keys.size(); ++k)
      draw.settings.push_back({posterior.keys[k], particle.values[k].text, particle.values[k].where,
                               "parameters.posterior"});
    plan.draws.push_back(std::move(draw));
  }
}

Variant grid_variant(const SweepPlan& plan, std::size_t id) {
  Variant variant;
  variant.id = id;
  std::size_t rest = id;
  variant.levels.resize(plan.axes.size());
  std::vector<const Level*> chosen(plan.axes.size());
  // The last axis varies fastest, as in nested loops written in file order.
  for (std::size_t a = plan.axes.size(); a-- > 0;) {
    const Axis& axis = plan.axes[a];
    chosen[a] = &axis.levels[rest % axis.levels.size()];
    rest /= axis.levels.size();
  }
  for (std::size_t a = 0; a < plan.axes.size(); ++a) {
    variant.levels[a] = chosen[a]->label;
    variant.label += (a ? " " : "") + plan.axes[a].name + "=" + chosen[a]->label;
    variant.settings.insert(variant.settings.end(), chosen[a]->settings.begin(),
                            chosen[a]->settings.end());
  }
  return variant;
}

Variant sampled_variant(const SweepPlan& plan, std::size_t id) {
  Variant variant;
  variant.id = id;
  variant.label = "point " + std::to_string(id);
  for (std::size_t k = 0; k < plan.parameters.size(); ++k) {
    const Parameter& p = plan.parameters[k];
    const double u = plan.points(static_cast<Eigen::Index>(id), static_cast<Eigen::Index>(k));
    // An integer parameter spreads over [min - 1/2, max + 1/2) before
    // rounding, so that every whole value from min to max is equally likely.
    double value =
        p.integer
            ? std::clamp(std::floor(scale_unit(u, {p.min - 0.5, p.max + 0.5, Scale::linear}) + 0.5),
                         p.min, p.max)
            : scale_unit(u, {p.min, p.max, Scale::linear});
    variant.settings.push_back({p.key_path, number_text(value), p.where, p.key_path});
  }
  return variant;
}

}  // namespace

std::size_t SweepPlan::variant_count() const {
  if (source == Source::listed) return listed.size();
  if (source == Source::sampled) return static_cast<std::size_t>(points.rows());
  std::size_t count = 1;  // a grid; no axis is one variant
  for (const Axis& axis : axes) count *= axis.levels.size();
  return count;
}

Variant SweepPlan::variant(std::size_t id) const {
  if (id >= variant_count())
    throw std::out_of_range("variant " + std::to_string(id) + " of " +
                            std::to_string(variant_count()));
  if (source == Source::listed) return listed[id];
  Variant variant = source == Source::grid ? grid_variant(*this, id) : sampled_variant(*this, id);
  variant.column_values.assign(key_columns.size(), "");
  for (const Setting& s : variant.settings) {
    const auto it = std::find(key_columns.begin(), key_columns.end(), s.key_path);
    if (it != key_columns.end())
      variant.column_values[static_cast<std::size_t>(it - key_columns.begin())] = s.value;
  }
  return variant;
}

PlannedRun SweepPlan::run(std::size_t k) const {
  if (k >= run_count())
    throw std::out_of_range("run " + std::to_string(k) + " of " + std::to_string(run_count()));
  PlannedRun run;
  run.run_id = first_run + k;
  run.variant_id = k / runs_per_variant();
  run.draw = k % runs_per_variant() / replications;
  run.replicate = k % replications;
  run.seed = seed_per_run ? seed + run.run_id : seed + run.draw * replications + run.replicate;
  return run;
}

SweepPlan make_plan(const SweepFile& sweep) {
  SweepPlan plan;
  plan.replications = sweep.replications;
  plan.seed = sweep.seed;
  if (sweep.design == Design::grid)
    make_grid(sweep, plan);
  else
    make_sampled(sweep, plan);
  if (sweep.posterior) make_draws(sweep, plan);
  return plan;
}

std::string plan_csv_header(const SweepPlan& plan) {
  std::string out = "run_id,variant_id,variant";
  if (!plan.draws.empty()) out += ",draw,particle";
  out += ",replicate,seed";
  for (const std::string& c : plan.axis_columns) (out += ',') += csv_field(c);
  for (const std::string& c : plan.key_columns) (out += ',') += csv_field(c);
  for (const std::string& c : plan.posterior_columns) (out += ',') += csv_field(c);
  return out;
}

std::string plan_csv_row(const SweepPlan& plan, const Variant& v, const PlannedRun& run) {
  std::string out =
      std::to_string(run.run_id) + "," + std::to_string(v.id) + "," + csv_field(v.label);
  if (!plan.draws.empty())
    out += "," + std::to_string(run.draw) + "," + std::to_string(plan.draws[run.draw].particle);
  out += "," + std::to_string(run.replicate) + "," + std::to_string(run.seed);
  for (const std::string& level : v.levels) (out += ',') += csv_field(level);
  for (const std::string& value : v.column_values) (out += ',') += csv_field(value);
  if (!plan.draws.empty())
    for (const Setting& s : plan.draws[run.draw].settings) (out += ',') += csv_field(s.value);
  return out;
}

std::string plan_csv_row(const SweepPlan& plan, const PlannedRun& run) {
  return plan_csv_row(plan, plan.variant(run.variant_id), run);
}

void write_plan_csv(const SweepPlan& plan, std::ostream& out) {
  out << plan_csv_header(plan) << '\n';
  // Each variant made once for its runs, which are consecutive.
  for (std::size_t v = 0; v < plan.variant_count(); ++v) {
    const Variant variant = plan.variant(v);
    for (std::size_t k = v * plan.runs_per_variant(); k < (v + 1) * plan.runs_per_variant(); ++k)
      out << plan_csv_row(plan, variant, plan.run(k)) << '\n';
  }
}

std::vector<std::size_t> shard_runs(const SweepPlan& plan, std::size_t index, std::size_t count) {
  std::vector<std::size_t> out;
  for (std::size_t id = index; id < plan.run_count(); id += count) out.push_back(id);
  return out;
}

}  // namespace pocsim::sweep
