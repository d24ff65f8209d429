// SPDX-License-Identifier: Apache-2.0
#pragma once
// The subcommands of the `pocsim` binary. Each registers its options on the
// application and returns the exit status when it runs: 0 success, 1 failure
// while running, 2 bad input.
#include <CLI/CLI.hpp>

#include <functional>

#include "exit_codes.hpp"

namespace pocsim::cli {

using Command = std::function<int()>;

Command add_run_command(CLI::App& app);
Command add_validate_command(CLI::App& app);
Command add_show_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_sweep_command(CLI::App& app);
Command add_calibrate_command(CLI::App& app);
Command add_merge_command(CLI::App& app);
Command add_report_command(CLI::App& app);
Command add_scenarios_command(CLI::App& app);
// `pocsim serve` starts the pocsim-serve program next to pocsim with its
// arguments (serve_launcher.cpp): the server's HTTP library, with the OpenSSL
// and Brotli it is built with, is loaded by that program alone.
Command add_serve_launcher(CLI::App& app);
// The server's options on `cmd` (serve_command.cpp, in pocsim-serve).
Command add_serve_options(CLI::App& cmd);
// What `pocsim serve` does, for both programs' help.
inline constexpr const char* serve_description =
    "Serve the explorer: a page to run the shipped scenarios with other values of "
    "their levers, day by day on a map (http://127.0.0.1:8080/)";

// The option's value resolved as a shipped scenario's name when it is no existing path
// (installed_paths.hpp).
void accept_scenario_names(CLI::Option* option);

}  // namespace pocsim::cli
