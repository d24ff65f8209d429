// SPDX-License-Identifier: Apache-2.0
#include "pocsim/output/run_files.hpp"

#include "pocsim/output/outcome_list.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <sstream>

#include "pocsim/core/version.hpp"
#include "pocsim/output/csv.hpp"
#include "pocsim/scenario/printer.hpp"
#include "run_facts.hpp"

namespace pocsim {

namespace {

using Json = nlohmann::ordered_json;

std::string fixed4(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

Json to_json(const OutcomeValue& value) {
  struct ToJson {
    Json operator()(Null) const { return nullptr; }
    Json operator()(bool b) const { return b; }
    Json operator()(std::int64_t v) const { return v; }
    Json operator()(std::uint64_t v) const { return v; }
    Json operator()(double v) const { return v; }
    Json operator()(const std::string& v) const { return v; }
  };
  return std::visit(ToJson{}, value);
}

}  // namespace

// The summary's entries nested by the parts of their names, in their order.
std::string summary_json(const Outcomes& o) {
  Json j = Json::object();
  for (const SummaryEntry& e : o.summary) {
    Json* node = &j;
    for (std::size_t k = 0; k < e.keys.size(); ++k) {
      const bool last = k + 1 == e.keys.size();
      if (e.list_keys & (1u << k)) {
        const auto index = static_cast<std::size_t>(std::stoul(e.keys[k]));
        if (node->is_null()) *node = Json::array();
        while (node->size() <= index) node->push_back(Json::object());
        node = &(*node)[index];
      } else {
        node = &(*node)[e.keys[k]];
      }
      if (!last) continue;
      if (e.type == OutcomeType::empty_object) {
        if (node->is_null()) *node = Json::object();
      } else if (e.type == OutcomeType::empty_list) {
        if (node->is_null()) *node = Json::array();
      } else {
        *node = to_json(e.value);
      }
    }
  }
  return j.dump(2) + "\n";
}

std::string timeseries_csv(const Outcomes& o) {
  const DailySeries& s = o.series;
  std::ostringstream out;
  out << "date,day,region";
  for (const std::string& column : s.columns) out << ',' << column;
  out << '\n';
  for (std::size_t row = 0; row < s.dates.size(); ++row) {
    out << s.dates[row].to_string() << ',' << s.days[row] << ',' << csv_field(s.regions[row]);
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
      const double v = s.values[c][row];
      if (s.types[c] == OutcomeType::count)
        out << ',' << static_cast<std::int64_t>(v);
      else
        out << ',' << fixed4(v);
    }
    out << '\n';
  }
  return out.str();
}

std::vector<FileContent> run_files(const Outcomes& o) {
  return {{"scenario.resolved.yaml", resolved_scenario_yaml(o)},
          {"summary.json", summary_json(o)},
          {"timeseries.csv", timeseries_csv(o)},
          {"events.csv", events_csv(o)}};
}

std::string summary_json(const RunResult& r) { return summary_json(collect_outcomes(r)); }
std::string timeseries_csv(const RunResult& r) { return timeseries_csv(collect_outcomes(r)); }
std::string events_csv(const RunResult& r) { return events_csv(collect_outcomes(r)); }

std::string resolved_scenario_yaml(const Outcomes& o) { return resolved_scenario_yaml(*o.run); }

std::string resolved_scenario_yaml(const RunResult& r) {
  return std::string("# Resolved by pocsim ") + engine_version() + ", commit " +
         commit_description() +
         ": every key with its value, defaults filled in, the seed of this run.\n" +
         scenario::to_yaml(r.scenario);
}

}  // namespace pocsim
