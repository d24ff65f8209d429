// SPDX-License-Identifier: Apache-2.0
// `pocsim serve`: the explorer for students, a page and its JSON API
// (web_api.hpp) on a small HTTP server, bound to the loopback address unless
// told otherwise. This is the one file that includes cpp-httplib: the header
// is large. It is built into pocsim-serve (serve_main.cpp), which `pocsim
// serve` starts (serve_launcher.cpp).
#include <httplib.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "installed_paths.hpp"
#include "web_api.hpp"
#include "web_assets.hpp"

namespace pocsim::cli {

namespace {

namespace fs = std::filesystem;

struct ServeOptions {
  int port = 8080;
  std::string host = "127.0.0.1";
  std::string scenarios;  // a folder of scenarios instead of the shipped ones
  int max_days = ExplorerLimits{}.max_days;
  std::size_t queue = ExplorerLimits{}.waiting;
};

// A request body larger than this is refused (413) before it is read: a run
// request is a scenario's name and a few overrides.
constexpr std::size_t serve_max_body_bytes = 64 * 1024;
// Seconds a client may take to send its request: a slow client holds one of
// the server's threads no longer than this.
constexpr time_t serve_read_timeout_seconds = 5;

void send_api(httplib::Response& res, const ApiResponse& answer) {
  res.status = answer.status;
  res.set_content(answer.body, "application/json");
}

void route_explorer(httplib::Server& server, ExplorerApi& api) {
  server.Get("/api/scenarios", [&](const httplib::Request&, httplib::Response& res) {
    send_api(res, api.scenarios());
  });
  server.Get("/api/scenario", [&](const httplib::Request& req, httplib::Response& res) {
    if (!req.has_param("name"))
      return send_api(res, api_error(400, "expected /api/scenario?name=NAME (GET /api/scenarios)"));
    send_api(res, api.scenario(req.get_param_value("name")));
  });
  server.Post("/api/run", [&](const httplib::Request& req, httplib::Response& res) {
    send_api(res, api.run(req.body));
  });
  for (const WebAsset& asset : web_assets()) {
    const std::string path = asset.path;
    auto send = [&asset](const httplib::Request&, httplib::Response& res) {
      res.set_content(asset.body.data(), asset.body.size(), asset.content_type);
    };
    server.Get(path, send);
    if (path == "/index.html") server.Get("/", send);
  }
  // httplib's own refusals (no such page, a request it cannot parse, a body
  // too large) come with an empty body: say what happened.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const std::string what = res.status == 404   ? "no such page or API: " + req.path
                             : res.status == 413 ? "the request is too large"
                                                 : "the request could not be read";
    send_api(res, api_error(res.status, what));
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        std::string what = "unknown error";
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        send_api(res, api_error(500, "pocsim serve: error: " + what));
      });
}

int serve_explorer(const ServeOptions& o) {
  std::vector<fs::path> roots;
  if (!o.scenarios.empty()) {
    if (!fs::is_directory(o.scenarios)) {
      std::cerr << "pocsim serve: error: --scenarios " << o.scenarios << ": no such folder\n";
      return exit_bad_input;
    }
    roots.push_back(o.scenarios);
  } else {
    roots = scenario_roots();
  }
  if (roots.empty()) {
    std::cerr << "pocsim serve: error: no shipped scenarios found (looked for "
                 "share/pocsim/scenarios next to the executable's folder)\n";
    return exit_failure;
  }
  ExplorerLimits limits;
  limits.max_days = o.max_days;
  limits.waiting = o.queue;
  ExplorerApi api(roots, limits);
  httplib::Server server;
  server.set_payload_max_length(serve_max_body_bytes);
  server.set_read_timeout(serve_read_timeout_seconds);
  route_explorer(server, api);
  const int port = o.port == 0 ? server.bind_to_any_port(o.host)
                               : (server.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) {
    std::cerr << "pocsim serve: error: cannot listen on " << o.host << ":" << o.port
              << " (in use, or not an address of this machine)\n";
    return exit_failure;
  }
  // The first line says where to go; a test that asked for port 0 reads the port from it.
  std::cout << "pocsim serve: open http://" << o.host << ":" << port << "/ (Ctrl-C stops)"
            << std::endl;
  return server.listen_after_bind() ? exit_ok : exit_failure;
}

}  // namespace

Command add_serve_options(CLI::App& cmd) {
  auto o = std::make_shared<ServeOptions>();
  cmd.add_option("--port", o->port, "port to listen on (0: any free port, printed at start)")
      ->check(CLI::Range(0, 65535));
  cmd.add_option("--host", o->host,
                 "address to listen on (default 127.0.0.1: this machine only; the server has "
                 "no authentication)");
  cmd.add_option("--scenarios", o->scenarios,
                 "serve the scenarios of this folder instead of the shipped ones");
  cmd.add_option("--max-days", o->max_days, "longest run a request may ask for, in days")
      ->check(CLI::Range(1, 3660));
  cmd.add_option("--queue", o->queue,
                 "runs that may wait while one runs; a request beyond them is refused (HTTP 503)")
      ->check(CLI::Range(0, 1000));
  return [o] { return serve_explorer(*o); };
}

}  // namespace pocsim::cli
