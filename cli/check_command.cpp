// SPDX-License-Identifier: Apache-2.0
// `pocsim check`: runs replications of a scenario and says, target by
// target, whether the mean of a metric over them lies in the band that the
// sources allow.
#include <tbb/global_control.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <iostream>
#include <mutex>

#include "commands.hpp"
#include "pocsim/calibration/replications.hpp"
#include "pocsim/calibration/statistics.hpp"
#include "pocsim/calibration/targets.hpp"
#include "pocsim/core/seed_range.hpp"
#include "scenario_input.hpp"

namespace pocsim::cli {

namespace {

struct CheckOptions {
  std::string file;
  std::string targets;
  int replications = 20;
  int jobs = 0;
  std::vector<std::string> sets;
  bool quiet = false;
};

constexpr double confidence = 0.95;

// The shortest plain decimal that reads back to the value: 0.35, 370000.
std::string plain(double value) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  return ec == std::errc{} ? std::string(buf, end) : std::to_string(value);
}

// Estimates are shown to about three significant digits of the band, so
// that a share reads 0.421 and a death toll 2548.
std::string estimate_text(double value, const calibration::Target& t) {
  const double scale = std::max(std::fabs(t.low), std::fabs(t.high));
  const int decimals =
      scale > 0.0 ? std::clamp(2 - static_cast<int>(std::floor(std::log10(scale))), 0, 6) : 2;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string list_text(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

struct Row {
  std::vector<std::string> cells;  // name, mean, CI, band, result; or name and a note
};

void print_table(const std::vector<Row>& rows) {
  std::vector<std::size_t> widths;
  for (const Row& row : rows)
    if (row.cells.size() > 2)
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        if (widths.size() <= c) widths.push_back(0);
        widths[c] = std::max(widths[c], row.cells[c].size());
      }
  // The name column is as wide as the longest name, also of a skipped target.
  for (const Row& row : rows) widths[0] = std::max(widths[0], row.cells[0].size());
  for (const Row& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const std::string& cell = row.cells[c];
      const bool last = c + 1 == row.cells.size();
      const std::size_t pad = last ? 0 : widths[c] - std::min(widths[c], cell.size());
      // Means are right-aligned so that their digits line up.
      line += c == 1 && row.cells.size() > 2 ? std::string(pad, ' ') + cell
                                             : cell + std::string(pad, ' ');
      if (!last) line += "  ";
    }
    std::cout << line << "\n";
  }
}

int check(const CheckOptions& o) {
  calibration::TargetsLoadResult loaded = calibration::load_targets(o.targets);
  loaded.diagnostics.print(std::cerr);
  auto scenario = load_for_command(o.file, o.sets);
  if (!loaded.targets || !scenario) return exit_bad_input;
  const std::vector<calibration::Target>& targets = loaded.targets->targets;
  const std::string& name = scenario->scenario.name;

  const int jobs = o.jobs > 0 ? o.jobs
                              : static_cast<int>(tbb::global_control::active_value(
                                    tbb::global_control::max_allowed_parallelism));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(jobs));
  const auto n = static_cast<std::size_t>(o.replications);
  if (!seeds_fit(scenario->scenario.seed, n)) {
    std::cerr << "pocsim check: error: --replications: the scenario's "
              << seed_overflow_message(scenario->scenario.seed, n)
              << "; give the scenario a lower seed (--set scenario.seed=N)\n";
    return exit_bad_input;
  }
  const bool show_progress = !o.quiet && ::isatty(STDERR_FILENO);
  std::atomic<std::size_t> finished{0};
  std::mutex progress_mutex;
  auto progress = [&](std::size_t) {
    const std::size_t k = ++finished;
    if (!show_progress) return;
    const std::lock_guard lock(progress_mutex);
    std::cerr << "\rpocsim check: " << k << "/" << n << " replications" << std::flush;
  };

  std::vector<std::vector<double>> values(targets.size());  // per target, per replicate
  try {
    const auto world = std::make_shared<const world::World>(world::build_world(*scenario));
    // The first replicate runs alone so that a target naming something the
    // outputs lack is reported before the others are spent.
    std::vector<calibration::ReplicateOutputs> outputs =
        calibration::run_replications(*scenario, world, 0, 1, progress);
    Diagnostics mismatches;
    for (const calibration::Target& t : targets)
      if (t.applies(name)) calibration::check_target(t, outputs[0].outcomes, mismatches);
    if (!mismatches.empty()) {
      if (show_progress) std::cerr << "\n";
      mismatches.sort_by_location();
      mismatches.print(std::cerr);
      return exit_bad_input;
    }
    std::vector<calibration::ReplicateOutputs> rest =
        calibration::run_replications(*scenario, world, 1, n - 1, progress);
    std::move(rest.begin(), rest.end(), std::back_inserter(outputs));
    if (show_progress) std::cerr << "\n";
    for (calibration::ReplicateOutputs& replicate : outputs) {
      for (std::size_t t = 0; t < targets.size(); ++t)
        if (targets[t].applies(name))
          values[t].push_back(calibration::evaluate(targets[t].metric, replicate.outcomes));
      replicate = {};  // the events of a long run are large; keep only the metrics
    }
  } catch (const std::exception& e) {
    if (show_progress) std::cerr << "\n";
    std::cerr << "pocsim check: error: " << e.what() << "\n";
    return exit_failure;
  }

  std::cout << name << ": " << n << " replications, seeds "
            << calibration::replicate_seed(*scenario, 0) << " to "
            << calibration::replicate_seed(*scenario, n - 1) << "; mean with its "
            << plain(100 * confidence) << "% confidence interval (Student's t, " << n - 1
            << " df)\n";
  std::vector<Row> rows{{{"target", "mean", plain(100 * confidence) + "% CI", "band", "result"}}};
  std::vector<std::string> missed;
  std::size_t applicable = 0, skipped = 0;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const calibration::Target& t = targets[i];
    if (!t.applies(name)) {
      ++skipped;
      rows.push_back({{t.name, "skipped (applies to " + list_text(t.applies_to) + ")"}});
      continue;
    }
    ++applicable;
    const std::string band = "[" + plain(t.low) + ", " + plain(t.high) + "]";
    const auto undefined = static_cast<std::size_t>(
        std::count_if(values[i].begin(), values[i].end(), [](double v) { return std::isnan(v); }));
    if (undefined > 0) {
      // A mean over the replicates where it is defined would hide the others.
      missed.push_back(t.name);
      rows.push_back({{t.name, "undefined",
                       "in " + std::to_string(undefined) + " of " + std::to_string(n) +
                           " replications (a zero denominator or a null value)",
                       band, "MISS"}});
      continue;
    }
    const calibration::MeanEstimate e = calibration::estimate_mean(values[i], confidence);
    const bool hit = t.hit(e.mean);
    if (!hit) missed.push_back(t.name);
    rows.push_back({{t.name, estimate_text(e.mean, t),
                     "[" + estimate_text(e.low, t) + ", " + estimate_text(e.high, t) + "]", band,
                     hit ? "HIT" : "MISS"}});
  }
  print_table(rows);
  std::cout << applicable - missed.size() << " of " << applicable << " targets hit";
  if (!missed.empty()) std::cout << "; missed: " << list_text(missed);
  if (skipped > 0) std::cout << "; " << skipped << " skipped";
  std::cout << "\n";
  return missed.empty() ? exit_ok : exit_failure;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "check", "Run replications of a scenario and compare their means with calibration targets");
  auto o = std::make_shared<CheckOptions>();
  accept_scenario_names(
      cmd->add_option("scenario", o->file, "scenario file (YAML) or shipped scenario's name")
          ->required());
  accept_scenario_names(
      cmd->add_option("--targets", o->targets,
                      "targets file (YAML), e.g. scenarios/mali_2022/targets.yaml "
                      "or the shipped mali_2022/targets")
          ->required());
  cmd->add_option("--replications", o->replications,
                  "replications; replicate i runs with seed scenario.seed + i (default 20)")
      ->check(CLI::Range(2, 100000));
  cmd->add_option("--jobs", o->jobs, "replications run at once (default: all cores)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--set", o->sets, "override a scenario key: --set KEY.PATH=VALUE (repeatable)");
  cmd->add_flag("--quiet", o->quiet, "no progress line");
  return [o] { return check(*o); };
}

}  // namespace pocsim::cli
