// SPDX-License-Identifier: Apache-2.0
// `pocsim serve`: runs pocsim-serve, which lies next to pocsim, in place of
// this process (same process id, so a signal to it reaches the server),
// passing every argument on, --help included.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "installed_paths.hpp"

namespace pocsim::cli {

Command add_serve_launcher(CLI::App& app) {
  auto* cmd = app.add_subcommand("serve", serve_description);
  cmd->prefix_command();
  cmd->set_help_flag();
  return [cmd] {
    const std::string server = (executable_dir() / "pocsim-serve").string();
    std::vector<std::string> args = {server};
    for (const std::string& a : cmd->remaining()) args.push_back(a);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(server.c_str(), argv.data());
    std::cerr << "pocsim serve: error: cannot start " << server << ": " << std::strerror(errno)
              << " (pocsim-serve is built and installed next to pocsim)\n";
    return exit_failure;
  };
}

}  // namespace pocsim::cli
