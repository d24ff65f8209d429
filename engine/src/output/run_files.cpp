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

Date day_date(const RunResult& r, std::uint32_t day) {
  return r.scenario.scenario.start_date.plus_days(day);
}

// Hours from an incident's onset to a tick, or empty when it did not happen
// within the run.
std::string hours_after_onset(const RunResult& r, const Incident& incident, std::uint32_t tick) {
  if (tick == never || tick >= total_ticks(r)) return "";
  return std::to_string(static_cast<std::int64_t>(tick - incident.onset_tick) *
                        r.scenario.scenario.tick_hours);
}

// ACLED's event_type and sub_event_type, with the comma between and after.
const char* event_type_columns(EventKind kind) {
  switch (kind) {
    case EventKind::violence_against_civilians:
      return "Violence against civilians,Attack,";
    case EventKind::battle:
      return "Battles,Armed clash,";
    case EventKind::explosion:
      return "Explosions/Remote violence,Remote explosive/landmine/IED,";
    case EventKind::abduction:
      return "Violence against civilians,Abduction/forced disappearance,";
  }
  return ",,";
}

std::string perpetrator_kind(const RunResult& r, std::int32_t faction) {
  return std::string(scenario::to_string(r.faction_kinds[static_cast<std::size_t>(faction)]));
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

std::string actor_name(const RunResult& r, std::int32_t actor) {
  if (actor == civilians_actor) return "Civilians";
  if (actor == unidentified_actor) return "Unidentified armed group";
  return r.faction_names[static_cast<std::size_t>(actor)];
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

std::string events_csv(const Outcomes& o) {
  const RunResult& r = *o.run;
  std::ostringstream out;
  out << "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,admin1,latitude,"
         "longitude,fatalities,civilian_fatalities,perpetrator_kind,episode_id,detection_hours,"
         "request_hours,authorisation_hours,arrival_hours,response_mode,outcome,investigation\n";
  const world::World& w = *r.world;
  for (const EventRecord& e : r.recorder.events()) {
    // An abduction is part of its episode's incident, and carries its columns.
    const bool violence =
        e.kind == EventKind::violence_against_civilians || e.kind == EventKind::abduction;
    const geo::LonLat at = w.grid.center_lonlat(e.cell);
    out << r.scenario.scenario.country_iso3 << e.id << ',' << day_date(r, e.day).to_string() << ','
        << event_type_columns(e.kind) << csv_field(actor_name(r, e.actor1)) << ','
        << csv_field(actor_name(r, e.actor2)) << ','
        << csv_field(w.places.region_names[static_cast<std::size_t>(w.region[e.cell])]) << ','
        << fixed4(at.lat) << ',' << fixed4(at.lon) << ',' << e.fatalities << ','
        << e.civilian_fatalities << ',' << (violence ? perpetrator_kind(r, e.actor1) : "") << ','
        << (violence ? std::to_string(e.episode) : "");
    if (violence) {
      // The response columns describe the whole incident, on each of its days.
      const Incident& i = r.recorder.incidents()[e.episode];
      out << ',' << hours_after_onset(r, i, i.detect_tick) << ','
          << hours_after_onset(r, i, i.request_tick) << ','
          << hours_after_onset(r, i, i.authorisation_tick) << ','
          << hours_after_onset(r, i, i.arrival_tick) << ','
          << response_mode_names[static_cast<int>(i.mode)] << ','
          << incident_outcome_names[static_cast<int>(i.outcome)] << ','
          << investigation_outcome_names[static_cast<int>(
                 i.investigation_tick < total_ticks(r)           ? i.investigation
                 : i.investigation == InvestigationOutcome::none ? InvestigationOutcome::none
                                                                 : InvestigationOutcome::pending)]
          << '\n';
    } else {
      out << ",,,,,,,\n";
    }
  }
  return out.str();
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
