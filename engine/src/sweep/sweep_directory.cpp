// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/sweep_directory.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>

#include "pocsim/core/version.hpp"
#include "pocsim/output/atomic_file.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/sweep/kept_series.hpp"
#include "pocsim/sweep/sweep_tables.hpp"

namespace pocsim::sweep {

namespace {

using Json = nlohmann::ordered_json;

}  // namespace

std::vector<std::string> sweep_file_names() {
  return {manifest_name, "plan.csv",        journal_name,     "runs.csv",
          "summary.csv", "differences.csv", "sobol.csv",      "samples",
          "report.html", "plots",           series_file_name, series_pieces_folder};
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string manifest_json(const Manifest& m, const SweepFile& sweep, const SweepPlan& plan,
                          const std::vector<std::string>& outcomes) {
  Json j;
  j["sweep"] = m.sweep_name;
  j["sweep_file"] = m.sweep_file;
  j["sweep_dir"] = m.sweep_dir;
  j["sweep_text"] = m.sweep_text;
  j["scenario"] = sweep.scenario.string();
  const BuildInfo& build = build_info();
  j["pocsim"] = {{"version", build.version},
                 {"commit", build.commit},
                 {"tree", build.tree},
                 {"build", build_description()}};
  j["engine_version"] = build.version;  // as before the "pocsim" object, for older readers
  j["build"] = build_description();
  j["started"] = m.started;
  j["finished"] = m.finished ? Json(*m.finished) : Json(nullptr);
  j["design"] = design_names[static_cast<int>(sweep.design)];
  j["axes"] = plan.axis_columns;
  Json parameters = Json::array();
  for (const Parameter& p : sweep.parameters) parameters.push_back(p.key_path);
  j["parameters"] = std::move(parameters);  // sampled designs only
  j["varied_keys"] = plan.key_columns;
  j["scenario_text"] = m.scenario_text;
  // Only a sweep over a posterior has the key, so other manifests keep their form.
  if (sweep.posterior)
    j["posterior"] = {{"file", sweep.posterior->posterior.file.string()},
                      {"hash", sweep.posterior->posterior.hash},
                      {"particles", sweep.posterior->posterior.particles.size()},
                      {"keys", sweep.posterior->posterior.keys},
                      {"draws", sweep.posterior->draws}};
  j["reference_variant"] = plan.reference_variant;
  j["variants"] = plan.variant_count();
  j["replications"] = sweep.replications;
  j["seed"] = sweep.seed;
  j["shard"] = {{"index", m.shard.index}, {"count", m.shard.count}};
  j["runs_planned"] = m.runs_planned;
  j["runs_done"] = m.runs_done;
  j["runs_failed"] = m.runs_failed;
  j["outcomes"] = outcomes;
  return j.dump(1) + "\n";
}

std::optional<Manifest> read_manifest(const std::filesystem::path& folder) {
  const auto text = read_input_file(folder / manifest_name);
  if (!text) return std::nullopt;
  try {
    const Json j = Json::parse(*text);
    Manifest m;
    m.sweep_name = j.at("sweep").get<std::string>();
    m.sweep_file = j.at("sweep_file").get<std::string>();
    m.sweep_dir = j.at("sweep_dir").get<std::string>();
    m.sweep_text = j.at("sweep_text").get<std::string>();
    m.scenario_text = j.value("scenario_text", "");
    if (j.contains("posterior")) m.posterior_hash = j.at("posterior").at("hash").get<std::string>();
    m.started = j.at("started").get<std::string>();
    if (!j.at("finished").is_null()) m.finished = j.at("finished").get<std::string>();
    m.shard = {j.at("shard").at("index").get<std::size_t>(),
               j.at("shard").at("count").get<std::size_t>()};
    m.runs_planned = j.at("runs_planned").get<std::size_t>();
    m.runs_done = j.at("runs_done").get<std::size_t>();
    m.runs_failed = j.at("runs_failed").get<std::size_t>();
    return m;
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

std::vector<std::string> write_tables(const std::filesystem::path& folder, const SweepFile& sweep,
                                      const SweepPlan& plan,
                                      const std::map<std::size_t, RunRecord>& records) {
  const OutcomeTable outcomes = outcome_table(plan, records);
  std::vector<FileContent> files{{"runs.csv", runs_csv(plan, records)}};
  if (records.size() == plan.run_count()) {
    files.push_back({"summary.csv", summary_csv(plan, outcomes)});
    if (sweep.design == Design::grid && plan.variant_count() > 1)
      files.push_back({"differences.csv", differences_csv(plan, outcomes)});
    if (sweep.design == Design::saltelli)
      files.push_back({"sobol.csv", sobol_csv(sweep, plan, outcomes)});
  }
  write_files_atomically(folder, files);
  if (sweep.keep_timeseries && records.size() == plan.run_count())
    join_kept_series(folder, plan, records);
  return outcomes.names;
}

}  // namespace pocsim::sweep
