// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/sweep_runner.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <stdexcept>

#include "pocsim/output/atomic_file.hpp"
#include "pocsim/output/outcome_list.hpp"
#include "pocsim/output/run_files.hpp"
#include "pocsim/scenario/printer.hpp"
#include "pocsim/sweep/kept_series.hpp"
#include "pocsim/sweep/number_text.hpp"

namespace pocsim::sweep {

RunRecord run_recorded(const PlannedRun& run, const RunFunction& run_one, ExecutionMode mode) {
  RunRecord record;
  try {
    record = run_one(run, mode);
  } catch (const Stopped&) {
    throw;  // the sweep stops; the run is not done, so it has no record
  } catch (const std::exception& e) {
    record = {run.run_id, false, e.what(), {}};
  }
  record.run_id = run.run_id;
  return record;
}

void run_sweep(const SweepPlan& plan, const std::vector<std::size_t>& run_ids, std::size_t jobs,
               const RunFunction& run_one, RunJournal& journal, const std::function<void()>& done,
               const StopRequest* stop) {
  if (run_ids.empty()) return;
  jobs = std::max<std::size_t>(jobs, 1);
  const ExecutionMode mode =
      run_ids.size() >= jobs || jobs == 1 ? ExecutionMode::serial : ExecutionMode::parallel;
  tbb::task_arena arena(static_cast<int>(jobs));
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, run_ids.size(), 1),
        [&](const tbb::blocked_range<std::size_t>& range) {
          for (std::size_t k = range.begin(); k != range.end(); ++k) {
            throw_if_stop_requested(stop);
            journal.append(run_recorded(plan.run(run_ids[k]), run_one, mode));
            if (done) done();
          }
        },
        tbb::simple_partitioner());
  });
}

std::vector<std::pair<std::string, std::string>> run_outcomes(const Outcomes& outcomes) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : outcomes.numbers()) {
    // The run's identity is in the plan columns already.
    if (name == "seed" || name == "days") continue;
    out.emplace_back(name, number_text(value));
  }
  return out;
}

ScenarioRuns::ScenarioRuns(const SweepFile& sweep, const SweepPlan& plan,
                           std::filesystem::path samples, std::filesystem::path folder,
                           const StopRequest* stop, Measure measure)
    : sweep_(sweep),
      plan_(plan),
      samples_(std::move(samples)),
      folder_(std::move(folder)),
      stop_(stop),
      measure_(std::move(measure)) {}

namespace {

constexpr std::size_t kept_variants = 256;
constexpr std::size_t kept_worlds = 16;

// Keeps `value` under `key`, forgetting the oldest kept beyond `limit`.
template <class Map, class Key, class Value>
void remember(Map& kept, std::deque<Key>& order, const Key& key, const Value& value,
              std::size_t limit) {
  kept[key] = value;
  order.push_back(key);
  if (order.size() > limit) {
    kept.erase(order.front());
    order.pop_front();
  }
}

}  // namespace

ScenarioRuns::Prepared ScenarioRuns::prepare(std::size_t variant, std::size_t draw) {
  std::lock_guard lock(mutex_);
  if (const auto it = variants_.find({variant, draw}); it != variants_.end()) return it->second;
  std::vector<Setting> settings = sweep_.common;
  const std::vector<Setting> own = plan_.variant(variant).settings;
  settings.insert(settings.end(), own.begin(), own.end());
  if (!plan_.draws.empty()) {
    const auto& drawn = plan_.draws.at(draw).settings;
    settings.insert(settings.end(), drawn.begin(), drawn.end());
  }
  scenario::LoadResult loaded = scenario::load_scenario(sweep_.scenario, to_overrides(settings));
  if (!loaded.scenario) {
    std::string message = "the variant's scenario does not load";
    if (!loaded.diagnostics.empty())
      message += ": " + loaded.diagnostics.items().front().to_string();
    throw std::runtime_error(message);
  }
  Prepared prepared;
  prepared.scenario = std::make_shared<const scenario::Scenario>(std::move(*loaded.scenario));
  // The world depends only on these two sections; variants that leave them
  // alone share one world.
  scenario::Scenario world_part;
  world_part.world = prepared.scenario->world;
  world_part.civilians = prepared.scenario->civilians;
  const std::string key = scenario::to_yaml(world_part);
  if (const auto it = worlds_.find(key); it != worlds_.end()) {
    prepared.world = it->second;
  } else {
    prepared.world = std::make_shared<const world::World>(world::build_world(*prepared.scenario));
    remember(worlds_, worlds_in_order_, key, prepared.world, kept_worlds);
  }
  remember(variants_, variants_in_order_, std::pair{variant, draw}, prepared, kept_variants);
  return prepared;
}

RunRecord ScenarioRuns::operator()(const PlannedRun& run, ExecutionMode mode) {
  const Prepared prepared = prepare(run.variant_id, run.draw);
  scenario::Scenario replicate = *prepared.scenario;
  replicate.scenario.seed = run.seed;
  Simulation simulation(replicate, prepared.world, mode);
  simulation.run({}, stop_);
  const Outcomes outcomes = collect_outcomes(simulation.result());
  if (!samples_.empty() && run.replicate == 0 && run.draw == 0 &&
      run.variant_id < max_kept_samples) {
    const auto folder = samples_ / std::to_string(run.variant_id);
    std::filesystem::create_directories(folder);
    write_files_atomically(folder, run_files(outcomes));
  }
  if (sweep_.keep_timeseries) keep_run_series(folder_, run, outcomes);
  return {run.run_id, true, "", measure_ ? measure_(outcomes) : run_outcomes(outcomes)};
}

}  // namespace pocsim::sweep
