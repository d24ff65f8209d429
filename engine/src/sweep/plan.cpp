// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/plan.hpp"

#include <algorithm>
#include <sstream>
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
  for (const Axis& axis : sweep.axes) {
    plan.axis_columns.push_back(axis.name);
    for (const Level& level : axis.levels)
      for (const Setting& s : level.settings)
        // An axis over one key is named after it by default; its column then
        // already holds the value.
        if (s.key_path != axis.name) add_key_column(plan, s.key_path);
  }
  std::size_t count = 1;
  for (const Axis& axis : sweep.axes) count *= axis.levels.size();
  plan.variants.resize(count);
  for (std::size_t v = 0; v < count; ++v) {
    Variant& variant = plan.variants[v];
    variant.id = v;
    std::size_t rest = v;
    variant.levels.resize(sweep.axes.size());
    std::vector<const Level*> chosen(sweep.axes.size());
    // The last axis varies fastest, as in nested loops written in file order.
    for (std::size_t a = sweep.axes.size(); a-- > 0;) {
      const Axis& axis = sweep.axes[a];
      chosen[a] = &axis.levels[rest % axis.levels.size()];
      rest /= axis.levels.size();
    }
    for (std::size_t a = 0; a < sweep.axes.size(); ++a) {
      variant.levels[a] = chosen[a]->label;
      variant.label += (a ? " " : "") + sweep.axes[a].name + "=" + chosen[a]->label;
      variant.settings.insert(variant.settings.end(), chosen[a]->settings.begin(),
                              chosen[a]->settings.end());
    }
    if (variant.levels == sweep.reference) plan.reference_variant = v;
  }
}

void make_sampled(const SweepFile& sweep, SweepPlan& plan) {
  for (const Parameter& p : sweep.parameters) add_key_column(plan, p.key_path);
  const Eigen::MatrixXd points =
      sweep.design == Design::latin_hypercube
          ? latin_hypercube(sweep.points, sweep.parameters.size(), sweep.seed)
          : saltelli_points(saltelli_design(sweep.points, sweep.parameters.size(), sweep.seed));
  plan.variants.resize(static_cast<std::size_t>(points.rows()));
  for (std::size_t v = 0; v < plan.variants.size(); ++v) {
    Variant& variant = plan.variants[v];
    variant.id = v;
    variant.label = "point " + std::to_string(v);
    for (std::size_t k = 0; k < sweep.parameters.size(); ++k) {
      const Parameter& p = sweep.parameters[k];
      const double u = points(static_cast<Eigen::Index>(v), static_cast<Eigen::Index>(k));
      // An integer parameter spreads over [min - 1/2, max + 1/2) before
      // rounding, so that every whole value from min to max is equally likely.
      double value =
          p.integer
              ? std::clamp(
                    std::floor(scale_unit(u, {p.min - 0.5, p.max + 0.5, Scale::linear}) + 0.5),
                    p.min, p.max)
              : scale_unit(u, {p.min, p.max, Scale::linear});
      variant.settings.push_back({p.key_path, number_text(value), p.where, p.key_path});
    }
  }
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

}  // namespace

SweepPlan make_plan(const SweepFile& sweep) {
  SweepPlan plan;
  plan.replications = sweep.replications;
  if (sweep.design == Design::grid)
    make_grid(sweep, plan);
  else
    make_sampled(sweep, plan);
  for (Variant& variant : plan.variants) {
    variant.column_values.assign(plan.key_columns.size(), "");
    for (const Setting& s : variant.settings) {
      const auto it = std::find(plan.key_columns.begin(), plan.key_columns.end(), s.key_path);
      if (it != plan.key_columns.end())
        variant.column_values[static_cast<std::size_t>(it - plan.key_columns.begin())] = s.value;
    }
  }
  if (sweep.posterior) make_draws(sweep, plan);
  plan.runs.reserve(plan.variants.size() * plan.runs_per_variant());
  for (const Variant& variant : plan.variants)
    for (std::size_t d = 0; d < plan.draw_count(); ++d)
      for (std::size_t r = 0; r < sweep.replications; ++r)
        plan.runs.push_back(
            {plan.runs.size(), variant.id, d, r, sweep.seed + d * sweep.replications + r});
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

std::string plan_csv_row(const SweepPlan& plan, const PlannedRun& run) {
  const Variant& v = plan.variants[run.variant_id];
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

std::string plan_csv(const SweepPlan& plan) {
  std::string out = plan_csv_header(plan) + "\n";
  for (const PlannedRun& run : plan.runs) out += plan_csv_row(plan, run) + "\n";
  return out;
}

std::vector<std::size_t> shard_runs(const SweepPlan& plan, std::size_t index, std::size_t count) {
  std::vector<std::size_t> out;
  for (std::size_t id = index; id < plan.runs.size(); id += count) out.push_back(id);
  return out;
}

}  // namespace pocsim::sweep
