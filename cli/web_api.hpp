// SPDX-License-Identifier: Apache-2.0
#pragma once
// The explorer's JSON API, apart from HTTP (serve_command.cpp routes to it):
//   scenarios()        the shipped scenarios a run can name
//   scenario(name)     one scenario's levers (web_levers.hpp) and map (web_map.hpp)
//   run(request body)  a run with overrides, checked as `pocsim run --set` checks them
// A request names a scenario by its shipped name only, never by a path: the
// names are looked up in the catalogue built at start, so nothing outside the
// scenarios folders can be read.
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "run_gate.hpp"

namespace pocsim::cli {

struct ExplorerLimits {
  int max_days = 366;                   // the baseline year and a leap day
  std::int64_t max_agents = 1'000'000;  // the baseline has about 900,000
  std::size_t max_overrides = 100;
  std::size_t max_override_chars = 400;  // a key or a value
  std::size_t running = 1;               // runs at once (each uses every core)
  std::size_t waiting = 4;               // runs queued behind them; more get 503
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

class ExplorerApi {
 public:
  // Scenarios under `roots`, the first root's file winning a name two hold.
  ExplorerApi(const std::vector<std::filesystem::path>& roots, ExplorerLimits limits);

  ApiResponse scenarios() const;
  ApiResponse scenario(const std::string& name);
  ApiResponse run(const std::string& body);

 private:
  struct Entry {
    std::string kind, about;
    std::filesystem::path file;
  };
  const Entry* find(const std::string& name) const;

  std::map<std::string, Entry> catalogue_;
  ExplorerLimits limits_;
  RunGate gate_;
  std::mutex cache_mutex_;
  std::map<std::string, std::string> scenario_cache_;  // name -> scenario() body
};

// {"error": message} with the given status, for the router's own refusals too.
ApiResponse api_error(int status, const std::string& message);

}  // namespace pocsim::cli
