// SPDX-License-Identifier: Apache-2.0
// pocsim-serve: the explorer's server, which `pocsim serve` starts with its
// arguments (serve_launcher.cpp); the options and the server are in
// serve_command.cpp.
#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{pocsim::cli::serve_description, "pocsim serve"};
  const pocsim::cli::Command serve = pocsim::cli::add_serve_options(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : pocsim::cli::exit_bad_input;
  }
  return serve();
}
