// SPDX-License-Identifier: Apache-2.0
#include "web_api.hpp"

#include <nlohmann/json.hpp>

#include "pocsim/scenario/loader.hpp"
#include "pocsim/world/world.hpp"
#include "shipped_scenarios.hpp"
#include "web_levers.hpp"
#include "web_map.hpp"
#include "web_run.hpp"

namespace pocsim::cli {

namespace {

using nlohmann::json;

// Where a request's own errors point, in the CLI's FILE:LINE:COL form.
constexpr const char* request_origin = "<request>:1:1: error: ";

ApiResponse json_response(const json& body) { return {200, body.dump()}; }

ApiResponse diagnostics_response(const Diagnostics& diagnostics) {
  json errors = json::array();
  std::string message;
  for (const Diagnostic& d : diagnostics.items()) {
    errors.push_back(d.to_string());
    if (!message.empty()) message += '\n';
    message += d.to_string();
  }
  return {400, json{{"error", message}, {"errors", errors}}.dump()};
}

ApiResponse request_error(const std::string& key, const std::string& message) {
  return api_error(400, std::string(request_origin) + key + ": " + message);
}

// A JSON value as --set would spell it.
std::optional<std::string> override_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean() || value.is_null()) return value.dump();
  return std::nullopt;
}

}  // namespace

ApiResponse api_error(int status, const std::string& message) {
  return {status, json{{"error", message}}.dump()};
}

ExplorerApi::ExplorerApi(const std::vector<std::filesystem::path>& roots, ExplorerLimits limits)
    : limits_(limits), gate_(limits.running, limits.waiting) {
  for (const std::filesystem::path& root : roots)
    for (ShippedScenario& s : shipped_scenarios(root))
      if (s.kind == "scenario" || s.kind == "variant")
        catalogue_.emplace(s.name, Entry{s.kind, s.about, s.file});
}

const ExplorerApi::Entry* ExplorerApi::find(const std::string& name) const {
  const auto found = catalogue_.find(name);
  return found == catalogue_.end() ? nullptr : &found->second;
}

ApiResponse ExplorerApi::scenarios() const {
  json list = json::array();
  for (const auto& [name, e] : catalogue_)
    list.push_back({{"name", name}, {"kind", e.kind}, {"about", e.about}});
  return json_response({{"scenarios", list}});
}

ApiResponse ExplorerApi::scenario(const std::string& name) {
  const Entry* entry = find(name);
  if (!entry) return api_error(404, "no shipped scenario is called '" + name + "'");
  {
    std::lock_guard lock(cache_mutex_);
    if (const auto cached = scenario_cache_.find(name); cached != scenario_cache_.end())
      return {200, cached->second};
  }
  const scenario::LoadResult loaded = scenario::load_scenario(entry->file);
  if (!loaded.scenario) return diagnostics_response(loaded.diagnostics);
  const scenario::Scenario& s = *loaded.scenario;
  json levers = json::array();
  for (const Lever& l : scenario_levers(entry->file, s)) {
    json lever = {{"key", l.path},           {"type", l.type},
                  {"value", l.value},        {"default", l.default_value},
                  {"range", l.range},        {"doc", l.doc},
                  {"suggested", l.suggested}};
    if (l.bounded_below) lever["min"] = l.min;
    if (l.bounded_above) lever["max"] = l.max;
    levers.push_back(std::move(lever));
  }
  json body;
  try {
    body = {{"name", name},
            {"about", entry->about},
            {"description", s.scenario.description},
            {"start_date", s.scenario.start_date.to_string()},
            {"duration_days", s.scenario.duration_days},
            {"seed", s.scenario.seed},
            {"levers", levers},
            {"map", world_map_json(world::build_world(s))}};
  } catch (const std::exception& e) {
    return api_error(500, std::string("pocsim serve: error: ") + e.what());
  }
  std::lock_guard lock(cache_mutex_);
  return {200, scenario_cache_.emplace(name, body.dump()).first->second};
}

ApiResponse ExplorerApi::run(const std::string& body) {
  const json request = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (request.is_discarded() || !request.is_object())
    return request_error("(request)",
                         "expected a JSON object such as {\"scenario\": \"teaching/flight_delay\", "
                         "\"seed\": 1, \"set\": {\"flights.delay_hours\": 72}}");
  for (const auto& [key, value] : request.items())
    if (key != "scenario" && key != "seed" && key != "set")
      return request_error(key, "unknown field; a run takes scenario, seed and set");
  if (!request.contains("scenario") || !request["scenario"].is_string())
    return request_error("scenario",
                         "the name of a shipped scenario is needed (GET /api/scenarios)");
  const std::string name = request["scenario"].get<std::string>();
  const Entry* entry = find(name);
  if (!entry)
    return request_error("scenario", "no shipped scenario is called '" +
                                         name.substr(0, limits_.max_override_chars) +
                                         "' (GET /api/scenarios lists them)");

  std::vector<scenario::Override> overrides;
  if (request.contains("set")) {
    const json& set = request["set"];
    if (!set.is_object())
      return request_error("set", "expected an object of KEY.PATH: VALUE, as --set takes them");
    if (set.size() > limits_.max_overrides)
      return request_error(
          "set", "at most " + std::to_string(limits_.max_overrides) + " overrides per run");
    for (const auto& [key, value] : set.items()) {
      const std::optional<std::string> text = override_text(value);
      if (!text)
        return request_error("set." + key.substr(0, limits_.max_override_chars),
                             "expected a number, text, true, false or null");
      if (key.size() > limits_.max_override_chars || text->size() > limits_.max_override_chars)
        return request_error("set", "a key or value longer than " +
                                        std::to_string(limits_.max_override_chars) + " characters");
      if (could_name_a_file(key))
        return request_error("set." + key,
                             "data files cannot be changed from the explorer; "
                             "run the scenario with pocsim run instead");
      overrides.push_back({key, *text, key + "=" + *text});
    }
  }
  if (request.contains("seed")) {
    if (!request["seed"].is_number_unsigned())
      return request_error("seed", "expected a whole number at least 0");
    const std::string seed = std::to_string(request["seed"].get<std::uint64_t>());
    overrides.push_back({"scenario.seed", seed, "scenario.seed=" + seed});
  }

  const scenario::LoadResult loaded = scenario::load_scenario(entry->file, overrides);
  if (!loaded.scenario) return diagnostics_response(loaded.diagnostics);
  const scenario::Scenario& s = *loaded.scenario;
  if (s.scenario.duration_days > limits_.max_days)
    return request_error("scenario.duration_days", "at most " + std::to_string(limits_.max_days) +
                                                       " days per run on this server");
  if (s.civilians.population / s.civilians.people_per_agent > limits_.max_agents)
    return request_error("civilians.people_per_agent",
                         "at most " + std::to_string(limits_.max_agents) +
                             " civilian agents (population / people_per_agent) per run on "
                             "this server");

  const RunGate::Pass pass = gate_.enter();
  if (pass.empty())
    return api_error(503, "pocsim serve: busy: " + std::to_string(limits_.waiting) +
                              " runs are already waiting; try again in a moment");
  try {
    return json_response(run_for_explorer(s));
  } catch (const std::exception& e) {
    return api_error(500, std::string("pocsim serve: error: ") + e.what());
  }
}

}  // namespace pocsim::cli
