// SPDX-License-Identifier: Apache-2.0
#include "pocsim/calibration/calibration_runs.hpp"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "pocsim/calibration/statistics.hpp"
#include "pocsim/output/csv.hpp"
#include "pocsim/sweep/number_text.hpp"
#include "pocsim/sweep/plan.hpp"
#include "pocsim/sweep/sweep_runner.hpp"

namespace pocsim::calibration {

namespace {

using Eigen::Index;

double number_of(const std::string& text) {
  return text.empty() ? NAN : std::strtod(text.c_str(), nullptr);
}

// The targets' metrics of one run, checked first: a target naming what the
// outputs lack fails the run with the target's place in its file.
sweep::ScenarioRuns::Measure measure_targets(const std::vector<Target>& targets) {
  return [&targets](const Outcomes& outcomes) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Target& t : targets) {
      Diagnostics mismatch;
      check_target(t, outcomes, mismatch);
      if (!mismatch.empty()) throw std::runtime_error(mismatch.items().front().to_string());
      out.emplace_back(t.name, sweep::number_text(evaluate(t.metric, outcomes)));
    }
    return out;
  };
}

}  // namespace

std::vector<Observation> observations_of(const CalibrationFile& calibration) {
  std::vector<Observation> out;
  for (const Target& t : calibration.targets) out.push_back(observation_from_band(t.low, t.high));
  return out;
}

Posterior run_method(const CalibrationFile& calibration, const Simulate& simulate) {
  const auto observations = observations_of(calibration);
  return calibration.method == Method::abc_smc
             ? abc_smc(calibration.priors, observations, calibration.abc_smc, simulate)
             : history_matching(calibration.priors, observations, calibration.history_matching,
                                simulate);
}

CalibrationRuns::CalibrationRuns(const CalibrationFile& calibration, sweep::RunJournal& journal,
                                 std::size_t jobs, std::function<void()> done,
                                 const StopRequest* stop)
    : calibration_(calibration),
      journal_(journal),
      jobs_(jobs),
      done_(std::move(done)),
      stop_(stop) {}

std::vector<PointOutcome> CalibrationRuns::operator()(const Eigen::MatrixXd& points) {
  const std::size_t replications = calibration_.runs.replications;
  const std::size_t first_run = rows_.size(), first_point = first_run / replications;
  sweep::SweepPlan plan;
  plan.replications = replications;
  plan.first_run = first_run;
  plan.seed = calibration_.runs.seed;
  plan.seed_per_run = true;  // each run its own noise
  plan.source = sweep::SweepPlan::Source::listed;
  for (Index i = 0; i < points.rows(); ++i) {
    sweep::Variant variant;
    variant.id = static_cast<std::size_t>(i);
    variant.label = "point " + std::to_string(first_point + variant.id);
    for (std::size_t k = 0; k < calibration_.priors.size(); ++k) {
      const Prior& p = calibration_.priors[k];
      const std::string value = sweep::number_text(p.model_value(points(i, static_cast<Index>(k))));
      variant.settings.push_back({p.key_path, value, p.where, p.path});
    }
    plan.listed.push_back(std::move(variant));
  }
  for (std::size_t k = 0; k < plan.run_count(); ++k) {
    const sweep::PlannedRun run = plan.run(k);
    std::vector<std::string> values;
    for (const sweep::Setting& s : plan.listed[run.variant_id].settings) values.push_back(s.value);
    rows_.push_back({batches_, first_point + run.variant_id, run.replicate, run.seed, values, {}});
  }
  ++batches_;

  std::map<std::size_t, sweep::RunRecord> records;
  std::vector<std::size_t> pending;  // runs of the plan, from 0
  for (std::size_t k = 0; k < plan.run_count(); ++k) {
    const std::size_t run_id = plan.run(k).run_id;
    const auto it = journal_.existing().find(run_id);
    if (it != journal_.existing().end() && it->second.ok)
      records[run_id] = it->second;
    else
      pending.push_back(k);
  }
  std::mutex mutex;
  sweep::ScenarioRuns scenario_runs(calibration_.runs, plan, {}, {}, stop_,
                                    measure_targets(calibration_.targets));
  const sweep::RunFunction run_one = [&](const sweep::PlannedRun& run, ExecutionMode mode) {
    sweep::RunRecord record = sweep::run_recorded(run, std::ref(scenario_runs), mode);
    const std::lock_guard lock(mutex);
    records[run.run_id] = record;
    return record;
  };
  sweep::run_sweep(plan, pending, jobs_, run_one, journal_, done_, stop_);
  made_ += pending.size();

  std::vector<PointOutcome> out(static_cast<std::size_t>(points.rows()));
  const std::size_t targets = calibration_.targets.size();
  for (std::size_t v = 0; v < out.size(); ++v) {
    std::vector<std::vector<double>> values(targets);
    for (std::size_t r = 0; r < replications; ++r) {
      const std::size_t id = first_run + v * replications + r;
      const sweep::RunRecord& record = records.at(id);
      if (!record.ok)
        throw std::runtime_error("run " + std::to_string(id) + " failed: " + record.error);
      Row& row = rows_[id];
      for (std::size_t k = 0; k < targets; ++k) {
        const std::string text = k < record.outcomes.size() ? record.outcomes[k].second : "";
        row.metrics.push_back(text);
        values[k].push_back(number_of(text));
      }
    }
    for (std::size_t k = 0; k < targets; ++k) {
      const double sd = sample_sd(values[k]);
      out[v].means.push_back(mean(values[k]));
      out[v].mean_variances.push_back(replications > 1 ? sd * sd / static_cast<double>(replications)
                                                       : 0.0);
    }
  }
  return out;
}

std::string CalibrationRuns::runs_csv() const {
  std::string out = "run_id,batch,point,replicate,seed";
  for (const Prior& p : calibration_.priors) (out += ',') += csv_field(p.key_path);
  for (const Target& t : calibration_.targets) (out += ',') += csv_field(t.name);
  out += '\n';
  for (std::size_t id = 0; id < rows_.size(); ++id) {
    const Row& row = rows_[id];
    out += std::to_string(id) + ',' + std::to_string(row.batch) + ',' + std::to_string(row.point) +
           ',' + std::to_string(row.replicate) + ',' + std::to_string(row.seed);
    for (const std::string& v : row.values) (out += ',') += v;
    for (const std::string& m : row.metrics) (out += ',') += m;
    out += '\n';
  }
  return out;
}

}  // namespace pocsim::calibration
