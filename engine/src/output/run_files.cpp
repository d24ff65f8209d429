// SPDX-License-Identifier: Apache-2.0
#include "pocsim/output/run_files.hpp"

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

// The protection figures of a set of incidents, as summary.json reports them
// for all incidents, for each region and for each perpetrator kind.
class ProtectionTally {
 public:
  ProtectionTally(double tick_hours, std::uint32_t end) : tick_hours_(tick_hours), end_(end) {}

  void add(const Incident& i) {
    ++incidents_;
    deaths_ += i.civilian_deaths;
    if (i.reachable) {
      ++reachable_;
      reachable_deaths_ += i.civilian_deaths;
    }
    if (i.detect_tick < end_) {
      ++detected_;
      to_detection_.push_back((i.detect_tick - i.onset_tick) * tick_hours_);
    }
    declined_ += i.declined ? 1 : 0;
    air_ += i.mode == ResponseMode::air ? 1 : 0;
    ground_ += i.mode == ResponseMode::ground ? 1 : 0;
    if (i.flight_requested) {
      ++requested_;
      ++(i.flight_refused ? refused_ : authorised_);
      wait_hours_ += i.flight_wait_hours;
    }
    const bool settled = i.investigation_tick < end_;
    if (i.investigation != InvestigationOutcome::none)
      ++investigations_[static_cast<std::size_t>(settled ? i.investigation
                                                         : InvestigationOutcome::pending)];
    if (i.outcome == IncidentOutcome::not_reached) return;
    ++reached_;
    const double hours = (i.arrival_tick - i.onset_tick) * tick_hours_;
    to_arrival_.push_back(hours);
    within_6h_ += hours <= 6.0 ? 1 : 0;
    within_24h_ += hours <= 24.0 ? 1 : 0;
    stopped_ += i.outcome == IncidentOutcome::stopped ? 1 : 0;
  }

  Json json() const {
    auto share = [&](std::int64_t n) {
      return incidents_ > 0 ? static_cast<double>(n) / static_cast<double>(incidents_) : 0.0;
    };
    auto investigations = [&](InvestigationOutcome o) {
      return investigations_[static_cast<std::size_t>(o)];
    };
    const std::int64_t refusal = investigations(InvestigationOutcome::blocked_by_refusal);
    const std::int64_t denial = investigations(InvestigationOutcome::blocked_by_denial);
    return {{"incidents", incidents_},
            {"civilian_deaths", deaths_},
            {"reachable_incidents", reachable_},
            {"civilian_deaths_in_reachable_incidents", reachable_deaths_},
            {"detected", detected_},
            {"detection_hours", distribution(to_detection_)},
            {"declined", declined_},
            {"reached", reached_},
            {"never_reached", incidents_ - reached_},
            {"share_reached_within_6h", share(within_6h_)},
            {"share_reached_within_24h", share(within_24h_)},
            {"stopped_by_arrival", stopped_},
            {"hours_to_first_arrival", distribution(to_arrival_)},
            {"responses_by_mode", {{"air", air_}, {"ground", ground_}}},
            {"flights",
             {{"requested", requested_},
              {"authorised", authorised_},
              {"refused", refused_},
              {"mean_wait_hours",
               requested_ > 0 ? wait_hours_ / static_cast<double>(requested_) : 0.0}}},
            {"investigations",
             {{"done", investigations(InvestigationOutcome::done)},
              {"blocked", refusal + denial},
              {"blocked_by_refusal", refusal},
              {"blocked_by_denial", denial},
              {"pending", investigations(InvestigationOutcome::pending)}}}};
  }

 private:
  double tick_hours_;
  std::uint32_t end_;
  std::int64_t incidents_ = 0, deaths_ = 0, reachable_ = 0, reachable_deaths_ = 0, detected_ = 0,
               declined_ = 0, reached_ = 0, within_6h_ = 0, within_24h_ = 0, stopped_ = 0, air_ = 0,
               ground_ = 0, requested_ = 0, authorised_ = 0, refused_ = 0;
  double wait_hours_ = 0.0;
  std::array<std::int64_t, 5> investigations_{};  // by InvestigationOutcome
  std::vector<double> to_arrival_, to_detection_;
};

std::string perpetrator_kind(const RunResult& r, std::int32_t faction) {
  return std::string(scenario::to_string(r.faction_kinds[static_cast<std::size_t>(faction)]));
}

Json protection_json(const RunResult& r) {
  const double tick_hours = r.scenario.scenario.tick_hours;
  const std::uint32_t end = total_ticks(r);
  const auto& regions = r.world->places.region_names;
  ProtectionTally all(tick_hours, end);
  std::vector<ProtectionTally> by_region(regions.size(), ProtectionTally(tick_hours, end));
  std::vector<ProtectionTally> by_kind(scenario::faction_kind_count,
                                       ProtectionTally(tick_hours, end));
  for (const Incident& i : r.recorder.incidents()) {
    all.add(i);
    by_region[static_cast<std::size_t>(r.world->region[i.cell])].add(i);
    by_kind[static_cast<std::size_t>(r.faction_kinds[i.faction])].add(i);
  }
  Json j = all.json();
  Json regions_json = Json::object(), kinds_json = Json::object();
  for (std::size_t g = 0; g < regions.size(); ++g) regions_json[regions[g]] = by_region[g].json();
  for (std::size_t k = 0; k < scenario::faction_kind_count; ++k)
    kinds_json[std::string(scenario::faction_kind_names[k])] = by_kind[k].json();
  j["by_region"] = regions_json;
  j["by_perpetrator_kind"] = kinds_json;
  return j;
}

// The protection outcomes of each day and region, by the day each step
// happened: incidents begun, detected (with their detection hours), reached
// (within 24 h of onset or not), flights requested and refused (on the day
// of the request, when the answer is drawn), investigations settled.
struct ProtectionDay {
  std::uint32_t incidents = 0, detected = 0, reached = 0, reached_within_24h = 0,
                flights_requested = 0, flights_refused = 0, investigations_done = 0,
                investigations_blocked = 0;
  double detection_hours = 0.0;
};

std::vector<ProtectionDay> protection_days(const RunResult& r) {
  const std::size_t regions = r.world->places.region_names.size();
  const std::uint32_t days = r.recorder.days_recorded();
  const auto ticks_per_day = static_cast<std::uint32_t>(24 / r.scenario.scenario.tick_hours);
  const double tick_hours = r.scenario.scenario.tick_hours;
  const std::uint32_t end = days * ticks_per_day;
  std::vector<ProtectionDay> rows(static_cast<std::size_t>(days) * regions);
  for (const Incident& i : r.recorder.incidents()) {
    const auto g = static_cast<std::size_t>(r.world->region[i.cell]);
    auto row = [&](std::uint32_t tick) -> ProtectionDay& {
      return rows[(tick / ticks_per_day) * regions + g];
    };
    if (i.onset_tick < end) ++row(i.onset_tick).incidents;
    if (i.detect_tick < end) {
      ++row(i.detect_tick).detected;
      row(i.detect_tick).detection_hours += (i.detect_tick - i.onset_tick) * tick_hours;
    }
    if (i.flight_requested && i.request_tick < end) {
      ++row(i.request_tick).flights_requested;
      row(i.request_tick).flights_refused += i.flight_refused ? 1 : 0;
    }
    if (i.outcome != IncidentOutcome::not_reached && i.arrival_tick < end) {
      ++row(i.arrival_tick).reached;
      row(i.arrival_tick).reached_within_24h +=
          (i.arrival_tick - i.onset_tick) * tick_hours <= 24.0 ? 1 : 0;
    }
    if (i.investigation_tick < end) {
      if (i.investigation == InvestigationOutcome::done)
        ++row(i.investigation_tick).investigations_done;
      else if (i.investigation == InvestigationOutcome::blocked_by_refusal ||
               i.investigation == InvestigationOutcome::blocked_by_denial)
        ++row(i.investigation_tick).investigations_blocked;
    }
  }
  return rows;
}

// Shares of a region's land cells held and contested by each faction kind,
// from a day's row.
Json control_shares(const RegionDay& row, std::size_t cells) {
  Json held = Json::object(), contested = Json::object();
  const double n = static_cast<double>(std::max<std::size_t>(cells, 1));
  for (std::size_t k = 0; k < scenario::faction_kind_count; ++k) {
    const std::string kind(scenario::faction_kind_names[k]);
    held[kind] = row.held[k] / n;
    contested[kind] = row.contested[k] / n;
  }
  return {{"held", held}, {"contested", contested}};
}

// Control of territory on the last day recorded.
Json control_json(const RunResult& r) {
  const auto& regions = r.world->places.region_names;
  const std::uint32_t days = r.recorder.days_recorded();
  Json j;
  j["hold_presence"] = r.scenario.control.hold_presence;
  if (days == 0) return j;
  RegionDay national;
  Json by_region = Json::object();
  for (std::size_t g = 0; g < regions.size(); ++g) {
    const RegionDay& row = r.recorder.region_days()[(days - 1) * regions.size() + g];
    for (std::size_t k = 0; k < scenario::faction_kind_count; ++k) {
      national.held[k] += row.held[k];
      national.contested[k] += row.contested[k];
    }
    by_region[regions[g]] = control_shares(row, r.world->region_cells[g].size());
  }
  const std::size_t land = r.world->land_cells.size();
  j["national"] = control_shares(national, land);
  Json by_faction = Json::object();
  for (std::size_t f = 0; f < r.faction_names.size(); ++f)
    by_faction[r.faction_names[f]] =
        static_cast<double>(r.recorder.totals().held_cells_by_faction[f]) /
        static_cast<double>(std::max<std::size_t>(land, 1));
  j["held_by_faction"] = by_faction;
  j["by_region"] = by_region;
  return j;
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

// The focus regions of the scenario (outputs.focus_regions) taken together:
// who killed civilians there, how much of their land jihadists held or
// contested on an average day, how the responder protected them, and what
// IEDs cost the mission there.
Json focus_json(const RunResult& r) {
  const auto& w = *r.world;
  std::vector<std::uint8_t> in_focus(w.places.region_names.size(), 0);
  std::string names;
  for (const std::string& name : r.scenario.outputs.focus_regions) {
    in_focus[static_cast<std::size_t>(w.places.find_region(name))] = 1;
    names += (names.empty() ? "" : "+") + name;
  }
  const RunTotals& t = r.recorder.totals();
  std::int64_t deaths = 0;
  std::size_t land = 0;
  for (std::size_t g = 0; g < in_focus.size(); ++g)
    if (in_focus[g]) {
      deaths += t.civilian_deaths_by_region[g];
      land += w.region_cells[g].size();
    }
  std::array<std::int64_t, scenario::faction_kind_count> by_kind{};
  ProtectionTally protection(r.scenario.scenario.tick_hours, total_ticks(r));
  for (const Incident& i : r.recorder.incidents())
    if (in_focus[static_cast<std::size_t>(w.region[i.cell])]) {
      by_kind[static_cast<std::size_t>(r.faction_kinds[i.faction])] += i.civilian_deaths;
      protection.add(i);
    }
  Json kinds = Json::object();
  std::int64_t by_violence = 0;
  for (std::size_t k = 0; k < scenario::faction_kind_count; ++k) {
    kinds[std::string(scenario::faction_kind_names[k])] = by_kind[k];
    by_violence += by_kind[k];
  }
  kinds["crossfire"] = deaths - by_violence;
  const std::size_t regions = in_focus.size();
  const std::uint32_t days = r.recorder.days_recorded();
  const auto jihadist = static_cast<std::size_t>(scenario::FactionKind::jihadist);
  double held = 0.0, contested = 0.0;
  for (std::uint32_t d = 0; d < days; ++d)
    for (std::size_t g = 0; g < regions; ++g)
      if (in_focus[g]) {
        held += r.recorder.region_days()[d * regions + g].held[jihadist];
        contested += r.recorder.region_days()[d * regions + g].contested[jihadist];
      }
  const double cell_days = static_cast<double>(std::max<std::size_t>(land, 1)) *
                           static_cast<double>(std::max<std::uint32_t>(days, 1));
  std::int64_t mission_ied_deaths = 0;
  for (const EventRecord& e : r.recorder.events())
    if (e.kind == EventKind::explosion && in_focus[static_cast<std::size_t>(w.region[e.cell])] &&
        r.faction_kinds[static_cast<std::size_t>(e.actor2)] == scenario::FactionKind::peacekeepers)
      mission_ied_deaths += e.fatalities;
  return {{"regions", names},
          {"civilian_deaths", {{"total", deaths}, {"by_perpetrator_kind", kinds}}},
          {"jihadist_held_mean", held / cell_days},
          {"jihadist_contested_mean", contested / cell_days},
          {"peacekeeper_ied_deaths", mission_ied_deaths},
          {"protection", protection.json()}};
}

// What the partners did themselves: unit-days of counter-terrorism operations, the
// enemy fighters their units killed, and the responder's flyable
// helicopters on an average day (partners lend some and keep others flying).
Json partners_json(const RunResult& r) {
  const RunTotals& t = r.recorder.totals();
  std::int64_t hunts = 0, killed = 0;
  for (std::size_t f = 0; f < r.faction_kinds.size(); ++f)
    if (r.faction_kinds[f] == scenario::FactionKind::partner) {
      hunts += t.hunt_days_by_faction[f];
      killed += t.enemies_killed_by_faction[f];
    }
  const std::uint32_t days = r.recorder.days_recorded();
  return {{"operation_days", hunts},
          {"enemies_killed", killed},
          {"helicopters_mean",
           static_cast<double>(t.helicopter_days) / std::max<std::uint32_t>(days, 1)}};
}

}  // namespace

std::string summary_json(const RunResult& r) {
  const RunTotals& t = r.recorder.totals();
  const auto& regions = r.world->places.region_names;
  Json j;
  // What produced the run (strings only: summary_values() flattens numbers and booleans into
  // the outcome columns of a sweep).
  const BuildInfo& build = build_info();
  j["pocsim"] = {{"version", build.version},
                 {"commit", build.commit},
                 {"tree", build.tree},
                 {"build", build_description()}};
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
  j["control"] = control_json(r);
  const std::int64_t died_of_wounds = std::accumulate(
      t.died_of_wounds_by_faction.begin(), t.died_of_wounds_by_faction.end(), std::int64_t{0});
  Json died_by_faction = Json::object();
  for (std::size_t f = 0; f < r.faction_names.size(); ++f)
    if (t.died_of_wounds_by_faction[f] > 0)
      died_by_faction[r.faction_names[f]] = t.died_of_wounds_by_faction[f];
  j["medevac"] = {
      {"requested", t.medevac_requested},
      {"by_air", t.medevac_by_air},
      {"by_road", t.medevac_requested - t.medevac_by_air},
      {"wounded", t.medevac_wounded},
      {"mean_wait_hours", t.medevac_requested > 0
                              ? t.medevac_wait_hours / static_cast<double>(t.medevac_requested)
                              : 0.0},
      {"died_of_wounds", died_of_wounds},
      {"died_of_wounds_by_faction", died_by_faction}};
  j["operations"] = operations_json(r);
  j["accord"] = {
      {"collapsed", r.accord_collapse_day >= 0},
      {"collapse_date",
       r.accord_collapse_day >= 0
           ? Json(day_date(r, static_cast<std::uint32_t>(r.accord_collapse_day)).to_string())
           : Json(nullptr)},
      {"tension_end", r.accord_tension}};
  std::int64_t peacekeeper_ied = 0, peacekeeper_combat = 0, peacekeeper_wounds = 0;
  for (std::size_t f = 0; f < r.faction_kinds.size(); ++f)
    if (r.faction_kinds[f] == scenario::FactionKind::peacekeepers) {
      peacekeeper_ied += t.ied_deaths_by_faction[f];
      peacekeeper_combat += t.combatant_deaths_by_faction[f];
      peacekeeper_wounds += t.died_of_wounds_by_faction[f];
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
  j["peacekeeper_deaths"] = {{"ied", peacekeeper_ied},
                             {"combat", peacekeeper_combat},
                             {"died_of_wounds", peacekeeper_wounds}};
  j["incidents"] = {{"violence_against_civilians", t.violence_events},
                    {"violent_episodes", t.violent_episodes},
                    {"battles", t.battles},
                    {"explosions", t.explosions}};
  Json infra = Json::object();
  for (int k = 0; k < world::infrastructure_kinds; ++k)
    infra[world::infrastructure_names[k]] = t.infrastructure_destroyed[static_cast<std::size_t>(k)];
  j["infrastructure_destroyed"] = infra;
  j["partners"] = partners_json(r);
  if (!r.scenario.outputs.focus_regions.empty()) j["focus"] = focus_json(r);
  return j.dump(2) + "\n";
}

std::string timeseries_csv(const RunResult& r) {
  std::ostringstream out;
  out << "date,day,region,civilian_deaths,violence_events,battles,combatant_deaths,"
         "infrastructure_destroyed,displaced,at_home,incidents,detected,detection_hours,reached,"
         "reached_within_24h,flights_requested,flights_refused,investigations_done,"
         "investigations_blocked,medevac_requested,medevac_wounded,medevac_wait_hours,"
         "died_of_wounds";
  for (const char* what : {"held_", "contested_"})
    for (std::string_view kind : scenario::faction_kind_names) out << ',' << what << kind;
  out << '\n';
  const auto& regions = r.world->places.region_names;
  const auto& rows = r.recorder.region_days();
  const std::vector<ProtectionDay> protection = protection_days(r);
  for (std::uint32_t d = 0; d < r.recorder.days_recorded(); ++d)
    for (std::size_t g = 0; g < regions.size(); ++g) {
      const RegionDay& row = rows[d * regions.size() + g];
      const ProtectionDay& p = protection[d * regions.size() + g];
      out << day_date(r, d).to_string() << ',' << d << ',' << csv_field(regions[g]) << ','
          << row.civilian_deaths << ',' << row.violence_events << ',' << row.battles << ','
          << row.combatant_deaths << ',' << row.infrastructure_destroyed << ',' << row.displaced
          << ',' << row.at_home << ',' << p.incidents << ',' << p.detected << ','
          << fixed4(p.detection_hours) << ',' << p.reached << ',' << p.reached_within_24h << ','
          << p.flights_requested << ',' << p.flights_refused << ',' << p.investigations_done << ','
          << p.investigations_blocked << ',' << row.medevac_requested << ',' << row.medevac_wounded
          << ',' << fixed4(row.medevac_wait_hours) << ',' << row.died_of_wounds;
      const double cells =
          static_cast<double>(std::max<std::size_t>(r.world->region_cells[g].size(), 1));
      for (std::uint32_t n : row.held) out << ',' << fixed4(n / cells);
      for (std::uint32_t n : row.contested) out << ',' << fixed4(n / cells);
      out << '\n';
    }
  return out.str();
}

std::string events_csv(const RunResult& r) {
  std::ostringstream out;
  out << "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,admin1,latitude,"
         "longitude,fatalities,civilian_fatalities,perpetrator_kind,episode_id,detection_hours,"
         "request_hours,authorisation_hours,arrival_hours,response_mode,outcome,investigation\n";
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

std::string resolved_scenario_yaml(const RunResult& r) {
  return std::string("# Resolved by pocsim ") + engine_version() + ", commit " +
         commit_description() +
         ": every key with its value, defaults filled in, the seed of this run.\n" +
         scenario::to_yaml(r.scenario);
}

}  // namespace pocsim
