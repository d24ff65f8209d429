// SPDX-License-Identifier: Apache-2.0
#include "pocsim/calibration/calibration_directory.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "pocsim/core/version.hpp"
#include "pocsim/output/csv.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/sweep/number_text.hpp"
#include "pocsim/sweep/sweep_directory.hpp"

namespace pocsim::calibration {

namespace {

using Json = nlohmann::ordered_json;
using sweep::number_text;

}  // namespace

std::vector<std::string> calibration_file_names() {
  return {sweep::manifest_name, sweep::journal_name, "posterior.csv", "waves.csv",
          "predictive.csv",     "runs.csv",          "report.html",   "plots"};
}

std::string manifest_json(const CalibrationManifest& m, const CalibrationFile& c) {
  Json j;
  j["calibration"] = m.name;
  j["calibration_file"] = m.file;
  j["calibration_text"] = m.text;
  j["scenario"] = c.runs.scenario.string();
  j["targets"] = c.targets_file.string();
  const BuildInfo& build = build_info();
  j["pocsim"] = {{"version", build.version},
                 {"commit", build.commit},
                 {"tree", build.tree},
                 {"build", build_description()}};
  j["started"] = m.started;
  j["finished"] = m.finished ? Json(*m.finished) : Json(nullptr);
  j["method"] = method_names[static_cast<int>(c.method)];
  Json parameters = Json::array();
  for (const Prior& p : c.priors) {
    Json prior = {{"key", p.key_path},
                  {"distribution", p.shape == PriorShape::normal ? "normal" : "uniform"},
                  {"integer", p.integer}};
    if (std::isfinite(p.min)) prior["min"] = p.min;
    if (std::isfinite(p.max)) prior["max"] = p.max;
    if (p.shape == PriorShape::normal) prior["mean"] = p.mean, prior["sd"] = p.sd;
    prior["box"] = {p.model_value(p.box_lower()), p.model_value(p.box_upper())};
    parameters.push_back(std::move(prior));
  }
  j["parameters"] = std::move(parameters);
  Json targets = Json::array();
  for (const Target& t : c.targets)
    targets.push_back({{"name", t.name}, {"low", t.low}, {"high", t.high}});
  j["target_bands"] = std::move(targets);
  j["replications"] = c.runs.replications;
  j["seed"] = c.runs.seed;
  j["simulations"] = m.simulations;
  j["scenario_text"] = m.scenario_text;
  j["targets_text"] = m.targets_text;
  return j.dump(1) + "\n";
}

std::optional<CalibrationManifest> read_calibration_manifest(const std::filesystem::path& folder) {
  const auto text = read_input_file(folder / sweep::manifest_name);
  if (!text) return std::nullopt;
  try {
    const Json j = Json::parse(*text);
    CalibrationManifest m;
    m.name = j.at("calibration").get<std::string>();
    m.file = j.at("calibration_file").get<std::string>();
    m.text = j.at("calibration_text").get<std::string>();
    m.scenario_text = j.at("scenario_text").get<std::string>();
    m.targets_text = j.at("targets_text").get<std::string>();
    m.started = j.at("started").get<std::string>();
    if (!j.at("finished").is_null()) m.finished = j.at("finished").get<std::string>();
    m.simulations = j.at("simulations").get<std::size_t>();
    return m;
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

std::string posterior_csv(const CalibrationFile& c, const Posterior& posterior) {
  std::string out = "particle,weight";
  for (const Prior& p : c.priors) (out += ',') += csv_field(p.key_path);
  out += '\n';
  for (Eigen::Index i = 0; i < posterior.points.rows(); ++i) {
    out += std::to_string(i) + ',' + number_text(posterior.weights[static_cast<std::size_t>(i)]);
    for (std::size_t k = 0; k < c.priors.size(); ++k)
      (out += ',') +=
          number_text(c.priors[k].model_value(posterior.points(i, static_cast<Eigen::Index>(k))));
    out += '\n';
  }
  return out;
}

std::string waves_csv(const CalibrationFile& c, const Posterior& posterior) {
  std::string out =
      "wave,method,threshold,proposed,accepted,acceptance_rate,non_implausible_share,"
      "simulations,cumulative_simulations\n";
  std::size_t total = 0;
  for (const Wave& w : posterior.waves) {
    const std::size_t simulations = w.proposed * c.runs.replications;
    total += simulations;
    out +=
        std::to_string(w.index) + ',' + method_names[static_cast<int>(c.method)] + ',' +
        (std::isinf(w.threshold) ? std::string("inf") : number_text(w.threshold)) + ',' +
        std::to_string(w.proposed) + ',' + std::to_string(w.accepted) + ',' +
        number_text(w.proposed ? static_cast<double>(w.accepted) / static_cast<double>(w.proposed)
                               : NAN) +
        ',' + number_text(w.non_implausible_share) + ',' + std::to_string(simulations) + ',' +
        std::to_string(total) + '\n';
  }
  return out;
}

double weighted_quantile(const std::vector<double>& values, const std::vector<double>& weights,
                         double p) {
  std::vector<std::size_t> order;
  double total = 0.0;
  for (std::size_t i = 0; i < values.size(); ++i)
    if (!std::isnan(values[i])) order.push_back(i), total += weights[i];
  if (order.empty() || !(total > 0.0)) return NAN;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  double cumulative = 0.0;
  for (std::size_t i : order) {
    cumulative += weights[i] / total;
    if (cumulative >= p - 1e-12) return values[i];
  }
  return values[order.back()];
}

std::string predictive_csv(const CalibrationFile& c, const Posterior& posterior) {
  std::string out = "target,low,high,predictive_mean,predictive_q05,predictive_q95,covered\n";
  for (std::size_t k = 0; k < c.targets.size(); ++k) {
    const Target& t = c.targets[k];
    std::vector<double> values;
    double mean = 0.0, total = 0.0;
    for (std::size_t i = 0; i < posterior.outcomes.size(); ++i) {
      values.push_back(posterior.outcomes[i].means[k]);
      if (!std::isnan(values.back()))
        mean += posterior.weights[i] * values.back(), total += posterior.weights[i];
    }
    mean = total > 0.0 ? mean / total : NAN;
    const double q05 = weighted_quantile(values, posterior.weights, 0.05);
    const double q95 = weighted_quantile(values, posterior.weights, 0.95);
    const bool covered = q05 <= t.high && q95 >= t.low;
    out += csv_field(t.name) + ',' + number_text(t.low) + ',' + number_text(t.high) + ',' +
           number_text(mean) + ',' + number_text(q05) + ',' + number_text(q95) + ',' +
           (covered ? "yes" : "no") + '\n';
  }
  return out;
}

}  // namespace pocsim::calibration
