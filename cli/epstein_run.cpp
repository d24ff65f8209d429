// SPDX-License-Identifier: Apache-2.0
#include "epstein_run.hpp"

#include <tbb/global_control.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "created_folder.hpp"
#include "pocsim/classic/epstein.hpp"
#include "pocsim/classic/epstein_output.hpp"
#include "pocsim/output/atomic_file.hpp"
#include "scenario_input.hpp"

namespace pocsim::cli {

int run_classic(const RunOptions& o) {
  auto parsed = parse_overrides(o.sets, "cops.density=0.04");
  if (!parsed) return exit_bad_input;
  std::vector<scenario::Override> overrides = std::move(*parsed);
  if (o.seed) overrides.push_back(*scenario::Override::parse("seed=" + std::to_string(*o.seed)));
  classic::EpsteinLoadResult loaded = classic::load_epstein_scenario(o.file, overrides);
  loaded.diagnostics.print(std::cerr);
  if (!loaded.scenario) return exit_bad_input;
  const classic::EpsteinScenario& scenario = *loaded.scenario;

  namespace fs = std::filesystem;
  const fs::path out = o.out.empty() ? fs::path("out") / scenario.name : fs::path(o.out);
  if (results_in_the_way(out, {"scenario.resolved.yaml", "timeseries.csv"}, o.force))
    return exit_bad_input;
  const int threads = worker_threads(o.threads);
  // One thread runs serially, without TBB, whose start (its allocator and
  // what it reads of the machine) would cost the process most of a millisecond.
  std::optional<tbb::global_control> limit;
  if (threads > 1)
    limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  try {
    classic::EpsteinModel model(scenario,
                                threads == 1 ? ExecutionMode::serial : ExecutionMode::parallel);
    const auto start = std::chrono::steady_clock::now();
    model.run();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CreatedFolder folder(out);
    write_files_atomically(out,
                           {{"scenario.resolved.yaml", classic::resolved_epstein_yaml(scenario)},
                            {"timeseries.csv", classic::epstein_timeseries_csv(model.history())}});
    folder.keep();
    if (!o.quiet) {
      const classic::EpsteinCounts last = model.counts();
      const auto work = static_cast<std::uint64_t>(model.agents()) * scenario.steps;
      std::cout << scenario.name << " (seed " << scenario.seed << ", "
                << classic::activation_names[static_cast<int>(scenario.activation)] << "): after "
                << last.step << " steps " << last.active << " active, " << last.quiet << " quiet, "
                << last.jailed << " jailed citizens; results in " << out.string() << "\n"
                << work << " agent-steps in " << seconds << " s ("
                << static_cast<double>(work) / seconds << " agent-steps/s)\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "pocsim run: error: " << e.what() << "\n";
    return exit_failure;
  }
  return exit_ok;
}

}  // namespace pocsim::cli
