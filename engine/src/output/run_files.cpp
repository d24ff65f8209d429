#include "pocsim/output/run_files.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <numeric>
#include <sstream>

#include "pocsim/core/version.hpp"
#include "pocsim/output/csv.hpp"
#include "pocsim/scenario/printer.hpp"

namespace pocsim {

namespace {

using Json = nlohmann::ordered_json;

std::string fixed4(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

std::uint32_t total_ticks(const RunResult& r) {
  return static_cast<std::uint32_t>(r.scenario.scenario.duration_days * 24 /
                                    r.scenario.scenario.tick_hours);
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

// Mean, median and 90th percentile (nearest rank) of a sample; nulls when empty.
Json distribution(std::vector<double> values) {
  if (values.empty()) return {{"mean", nullptr}, {"median", nullptr}, {"p90", nullptr}};
  std::sort(values.begin(), values.end());
  double sum = 0.0;
  for (double v : values) sum += v;
  auto rank = [&](double q) {
    const auto k = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
    return values[k == 0 ? 0 : k - 1];
  };
  return {{"mean", sum / static_cast<double>(values.size())},
          {"median", rank(0.5)},
          {"p90", rank(0.9)}};
}

Json protection_json(const RunResult& r) {
  const RunTotals& t = r.recorder.totals();
  const double tick_hours = r.scenario.scenario.tick_hours;
  const std::uint32_t end = total_ticks(r);
  std::int64_t reachable = 0, reachable_deaths = 0, detected = 0, declined = 0, reached = 0,
               within_6h = 0, within_24h = 0, stopped = 0, air = 0, ground = 0;
  std::vector<double> to_arrival, to_detection;
  for (const Incident& i : r.recorder.incidents()) {
    if (i.reachable) {
      ++reachable;
      reachable_deaths += i.civilian_deaths;
    }
    if (i.detect_tick < end) {
      ++detected;
      to_detection.push_back((i.detect_tick - i.onset_tick) * tick_hours);
    }
    declined += i.declined ? 1 : 0;
    air += i.mode == ResponseMode::air ? 1 : 0;
    ground += i.mode == ResponseMode::ground ? 1 : 0;
    if (i.outcome == IncidentOutcome::not_reached) continue;
    ++reached;
    const double hours = (i.arrival_tick - i.onset_tick) * tick_hours;
    to_arrival.push_back(hours);
    within_6h += hours <= 6.0 ? 1 : 0;
    within_24h += hours <= 24.0 ? 1 : 0;
    stopped += i.outcome == IncidentOutcome::stopped ? 1 : 0;
  }
  const auto incidents = static_cast<std::int64_t>(r.recorder.incidents().size());
  auto share = [&](std::int64_t n) {
    return incidents > 0 ? static_cast<double>(n) / static_cast<double>(incidents) : 0.0;
  };
  const std::int64_t decided = t.flights_authorised + t.flights_refused;
  return {{"incidents", incidents},
          {"reachable_incidents", reachable},
          {"civilian_deaths_in_reachable_incidents", reachable_deaths},
          {"detected", detected},
          {"detection_hours", distribution(to_detection)},
          {"declined", declined},
          {"reached", reached},
          {"never_reached", incidents - reached},
          {"share_reached_within_6h", share(within_6h)},
          {"share_reached_within_24h", share(within_24h)},
          {"stopped_by_arrival", stopped},
          {"hours_to_first_arrival", distribution(to_arrival)},
          {"responses_by_mode", {{"air", air}, {"ground", ground}}},
          {"flights",
           {{"requested", t.flights_requested},
            {"authorised", t.flights_authorised},
            {"refused", t.flights_refused},
            {"mean_wait_hours",
             decided > 0 ? t.flight_wait_hours / static_cast<double>(decided) : 0.0}}}};
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
  }
  return ",,";
}

std::string actor_name(const RunResult& r, std::int32_t actor) {
  if (actor == civilians_actor) return "Civilians";
  if (actor == unidentified_actor) return "Unidentified armed group";
  return r.faction_names[static_cast<std::size_t>(actor)];
}

// Per scripted operation: the incidents its faction began in its town while
// it lasted, the civilians they killed, and when peacekeepers first arrived.
Json operations_json(const RunResult& r) {
  Json list = Json::array();
  const auto& w = *r.world;
  const std::int64_t start = r.scenario.scenario.start_date.days_since_epoch();
  const std::uint32_t ticks_per_day =
      static_cast<std::uint32_t>(24 / r.scenario.scenario.tick_hours);
  for (const auto& op : r.scenario.operations) {
    const world::CellId cell = w.town_cell[static_cast<std::size_t>(w.places.find_town(op.town))];
    const auto faction = static_cast<std::uint16_t>(
        std::find(r.faction_names.begin(), r.faction_names.end(), op.faction) -
        r.faction_names.begin());
    const std::int64_t first = op.from.days_since_epoch() - start;
    const std::int64_t from = std::max<std::int64_t>(0, first) * ticks_per_day;
    const std::int64_t to = (first + op.days) * ticks_per_day;
    std::int64_t incidents = 0, deaths = 0;
    std::uint32_t first_arrival = never;
    for (const Incident& i : r.recorder.incidents()) {
      if (i.cell != cell || i.faction != faction || i.onset_tick < from || i.onset_tick >= to)
        continue;
      ++incidents;
      deaths += i.civilian_deaths;
      if (i.outcome != IncidentOutcome::not_reached)
        first_arrival = std::min(first_arrival, i.arrival_tick);
    }
    list.push_back(
        {{"name", op.name},
         {"incidents", incidents},
         {"civilian_deaths", deaths},
         {"peacekeepers_arrived", first_arrival != never},
         {"hours_to_first_arrival",
          first_arrival == never
              ? Json(nullptr)
              : Json(static_cast<double>(first_arrival - static_cast<std::uint32_t>(from)) *
                     r.scenario.scenario.tick_hours)}});
  }
  return list;
}

std::string perpetrator_kind(const RunResult& r, std::int32_t faction) {
  return std::string(scenario::to_string(r.faction_kinds[static_cast<std::size_t>(faction)]));
}

}  // namespace

std::string summary_json(const RunResult& r) {
  const RunTotals& t = r.recorder.totals();
  const auto& regions = r.world->places.region_names;
  Json j;
  j["pocsim_version"] = engine_version;
  j["scenario"] = r.scenario.scenario.name;
  j["seed"] = r.scenario.scenario.seed;
  j["start_date"] = r.scenario.scenario.start_date.to_string();
  j["end_date"] =
      day_date(r, static_cast<std::uint32_t>(r.scenario.scenario.duration_days) - 1).to_string();
  j["days"] = r.recorder.days_recorded();

  const std::int64_t violence_deaths = std::accumulate(
      t.civilian_deaths_by_faction.begin(), t.civilian_deaths_by_faction.end(), std::int64_t{0});
  const std::int64_t civilian_deaths = violence_deaths + t.crossfire_deaths;
  const std::int64_t combatant_deaths = std::accumulate(
      t.combatant_deaths_by_faction.begin(), t.combatant_deaths_by_faction.end(), std::int64_t{0});
  const std::int64_t ied_deaths = std::accumulate(t.ied_deaths_by_faction.begin(),
                                                  t.ied_deaths_by_faction.end(), std::int64_t{0});

  j["population"] = {{"initial", r.population},
                     {"at_home_end", t.at_home_end},
                     {"displaced_end", t.displaced_end},
                     {"displaced_peak", t.displaced_peak},
                     {"killed", civilian_deaths}};
  j["fatalities_total"] = civilian_deaths + combatant_deaths + ied_deaths;

  Json by_kind = Json::object(), by_faction = Json::object(), by_region = Json::object();
  for (std::string_view kind : scenario::faction_kind_names) by_kind[std::string(kind)] = 0;
  for (std::size_t f = 0; f < r.faction_names.size(); ++f) {
    by_faction[r.faction_names[f]] = t.civilian_deaths_by_faction[f];
    const std::string kind = perpetrator_kind(r, static_cast<std::int32_t>(f));
    by_kind[kind] = by_kind[kind].get<std::int64_t>() + t.civilian_deaths_by_faction[f];
  }
  by_kind["crossfire"] = t.crossfire_deaths;
  for (std::size_t g = 0; g < regions.size(); ++g)
    by_region[regions[g]] = t.civilian_deaths_by_region[g];
  j["civilian_deaths"] = {{"total", civilian_deaths},
                          {"by_perpetrator_kind", by_kind},
                          {"by_faction", by_faction},
                          {"by_region", by_region}};

  Json combatants = Json::object();
  for (std::size_t f = 0; f < r.faction_names.size(); ++f)
    combatants[r.faction_names[f]] = t.combatant_deaths_by_faction[f];
  j["combatant_deaths"] = {{"total", combatant_deaths}, {"by_faction", combatants}};
  Json ied_victims = Json::object();
  for (std::size_t f = 0; f < r.faction_names.size(); ++f)
    ied_victims[r.faction_names[f]] = t.ied_deaths_by_faction[f];
  j["ied_deaths"] = {{"total", ied_deaths}, {"by_faction", ied_victims}};
  j["protection"] = protection_json(r);
  j["operations"] = operations_json(r);
  j["accord"] = {
      {"collapsed", r.accord_collapse_day >= 0},
      {"collapse_date",
       r.accord_collapse_day >= 0
           ? Json(day_date(r, static_cast<std::uint32_t>(r.accord_collapse_day)).to_string())
           : Json(nullptr)},
      {"tension_end", r.accord_tension}};
  std::int64_t peacekeeper_ied = 0, peacekeeper_combat = 0;
  for (std::size_t f = 0; f < r.faction_kinds.size(); ++f)
    if (r.faction_kinds[f] == scenario::FactionKind::peacekeepers) {
      peacekeeper_ied += t.ied_deaths_by_faction[f];
      peacekeeper_combat += t.combatant_deaths_by_faction[f];
    }
  Json recruits = Json::object();
  std::int64_t recruits_total = 0;
  for (std::size_t f = 0; f < r.faction_names.size(); ++f)
    if (r.faction_kinds[f] == scenario::FactionKind::jihadist) {
      recruits[r.faction_names[f]] = t.recruits_by_faction[f];
      recruits_total += t.recruits_by_faction[f];
    }
  j["recruitment"] = {{"total", recruits_total}, {"by_faction", recruits}};
  j["ied_attacks"] = t.ied_attacks;
  j["peacekeeper_deaths"] = {{"ied", peacekeeper_ied}, {"combat", peacekeeper_combat}};
  j["incidents"] = {{"violence_against_civilians", t.violence_events},
                    {"violent_episodes", t.violent_episodes},
                    {"battles", t.battles},
                    {"explosions", t.explosions}};
  Json infra = Json::object();
  for (int k = 0; k < world::infrastructure_kinds; ++k)
    infra[world::infrastructure_names[k]] = t.infrastructure_destroyed[static_cast<std::size_t>(k)];
  j["infrastructure_destroyed"] = infra;
  return j.dump(2) + "\n";
}

std::string timeseries_csv(const RunResult& r) {
  std::ostringstream out;
  out << "date,day,region,civilian_deaths,violence_events,battles,combatant_deaths,"
         "infrastructure_destroyed,displaced,at_home\n";
  const auto& regions = r.world->places.region_names;
  const auto& rows = r.recorder.region_days();
  for (std::uint32_t d = 0; d < r.recorder.days_recorded(); ++d)
    for (std::size_t g = 0; g < regions.size(); ++g) {
      const RegionDay& row = rows[d * regions.size() + g];
      out << day_date(r, d).to_string() << ',' << d << ',' << csv_field(regions[g]) << ','
          << row.civilian_deaths << ',' << row.violence_events << ',' << row.battles << ','
          << row.combatant_deaths << ',' << row.infrastructure_destroyed << ',' << row.displaced
          << ',' << row.at_home << '\n';
    }
  return out.str();
}

std::string events_csv(const RunResult& r) {
  std::ostringstream out;
  out << "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,admin1,latitude,"
         "longitude,fatalities,civilian_fatalities,perpetrator_kind,episode_id,detection_hours,"
         "request_hours,authorisation_hours,arrival_hours,response_mode,outcome\n";
  const world::World& w = *r.world;
  for (const EventRecord& e : r.recorder.events()) {
    const bool violence = e.kind == EventKind::violence_against_civilians;
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
          << incident_outcome_names[static_cast<int>(i.outcome)] << '\n';
    } else {
      out << ",,,,,,\n";
    }
  }
  return out.str();
}

std::string resolved_scenario_yaml(const RunResult& r) {
  return std::string("# Resolved by pocsim ") + engine_version +
         ": every key with its value, defaults filled in, the seed of this run.\n" +
         scenario::to_yaml(r.scenario);
}

}  // namespace pocsim
