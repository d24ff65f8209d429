// SPDX-License-Identifier: Apache-2.0
// events.csv: one row per event in ACLED's column set and order (the 2024
// codebook, with text actor types), then pocsim's own columns. Every column
// is described in docs/outputs.md.
#include <bit>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <utility>

#include "pocsim/core/version.hpp"
#include "pocsim/output/csv.hpp"
#include "pocsim/output/run_files.hpp"
#include "pocsim/scenario/sections/faction.hpp"
#include "run_facts.hpp"

namespace pocsim {

namespace {

using scenario::ActorType;

constexpr const char* acled_header =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,"
    "region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp";
constexpr const char* pocsim_header =
    "civilian_fatalities,perpetrator_kind,episode_id,detection_hours,request_hours,"
    "authorisation_hours,arrival_hours,response_mode,outcome,investigation";

// geo_precision from the distance between the event's cell and the nearest
// town: 1 within half a cell (the town itself), 2 within this distance (near
// it, in its cercle), 3 farther (only the region is known).
constexpr double near_town_km = 50.0;

struct AcledTypes {
  const char* disorder;
  const char* event;
  const char* sub_event;
};

AcledTypes acled_types(EventKind kind) {
  switch (kind) {
    case EventKind::violence_against_civilians:
      return {"Political violence", "Violence against civilians", "Attack"};
    case EventKind::battle:
      return {"Political violence", "Battles", "Armed clash"};
    case EventKind::explosion:
      return {"Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"};
    case EventKind::abduction:
      return {"Political violence", "Violence against civilians", "Abduction/forced disappearance"};
    case EventKind::property_destruction:
      return {"Strategic developments", "Strategic developments", "Looting/property destruction"};
    case EventKind::territory_overtaken:
      return {"Strategic developments", "Strategic developments",
              "Non-state actor overtakes territory"};
    case EventKind::territory_regained:
      return {"Strategic developments", "Strategic developments", "Government regains territory"};
    case EventKind::base_established:
      return {"Strategic developments", "Strategic developments",
              "Headquarters or base established"};
    case EventKind::base_transferred:
      return {"Strategic developments", "Strategic developments",
              "Non-violent transfer of territory"};
  }
  return {"", "", ""};
}

// The cercle (admin-2) of a cell, where the scenario gives world.districts.
std::string event_district(const world::World& world, world::CellId cell) {
  return world.district_name(cell);
}

struct EventsWriter {
  const RunResult& r;
  const world::World& w;

  const std::string& country() const { return r.scenario.scenario.country; }

  // An actor's name in ACLED's words, and in the notes' shorter words.
  std::string acled_actor(std::int32_t actor) const {
    if (actor == civilians_actor) return "Civilians (" + country() + ")";
    if (actor == unidentified_actor) return "Unidentified Armed Group (" + country() + ")";
    if (actor == no_actor) return "";
    return r.scenario.factions[static_cast<std::size_t>(actor)].acled_actor_name();
  }
  std::string short_name(std::int32_t actor) const {
    if (actor == civilians_actor) return "civilians";
    if (actor == unidentified_actor) return "an unidentified armed group";
    return r.faction_names[static_cast<std::size_t>(actor)];
  }
  // ACLED codes unidentified armed groups as political militias.
  std::optional<ActorType> actor_type(std::int32_t actor) const {
    if (actor == civilians_actor) return ActorType::civilians;
    if (actor == unidentified_actor) return ActorType::political_militia;
    if (actor == no_actor) return std::nullopt;
    return r.scenario.factions[static_cast<std::size_t>(actor)].acled_actor_type();
  }
  // "State forces-Civilians": the two types in the order of ACLED's former
  // numeric codes; "Rebel group only" for an event of one actor.
  static std::string interaction(std::optional<ActorType> a, std::optional<ActorType> b) {
    if (!a) return "";
    if (!b) return std::string(scenario::acled_label(*a)) + " only";
    if (*b < *a) std::swap(a, b);
    return std::string(scenario::acled_label(*a)) + "-" + std::string(scenario::acled_label(*b));
  }
  static std::string label(std::optional<ActorType> t) {
    return t ? std::string(scenario::acled_label(*t)) : "";
  }

  struct Place {
    int town = 0;
    double km = 0.0;
    int precision = 3;
  };
  Place nearest_town(world::CellId cell) const {
    const geo::PointKm at = w.grid.center(cell);
    Place best{0, std::numeric_limits<double>::infinity(), 3};
    for (std::size_t t = 0; t < w.town_cell.size(); ++t) {
      const double km = geo::distance_km(at, w.grid.center(w.town_cell[t]));
      if (km < best.km) best = {static_cast<int>(t), km, 3};
    }
    best.precision = best.km <= w.grid.cell_km() / 2 ? 1 : best.km <= near_town_km ? 2 : 3;
    return best;
  }
  // "Moura (Djenné, Mopti)": the town, then the cercle and region of the cell.
  std::string town_and_admin(const Place& p, world::CellId cell) const {
    const std::string district = event_district(w, cell);
    return w.places.towns[static_cast<std::size_t>(p.town)].name + " (" +
           (district.empty() ? "" : district + ", ") +
           w.places.region_names[static_cast<std::size_t>(w.region[cell])] + ")";
  }
  // "in Moura (...)", "near Boni (...)", "about 80 km from Kidal (...)".
  std::string where(const Place& p, world::CellId cell) const {
    if (p.precision == 1) return "in " + town_and_admin(p, cell);
    if (p.precision == 2) return "near " + town_and_admin(p, cell);
    return "about " + std::to_string(std::lround(p.km)) + " km from " + town_and_admin(p, cell);
  }

  std::string hours_after_onset(const Incident& incident, std::uint32_t tick) const {
    if (tick == never || tick >= total_ticks(r)) return "";
    return std::to_string(static_cast<std::int64_t>(tick - incident.onset_tick) *
                          r.scenario.scenario.tick_hours);
  }

  // What the responder learned and did, as the notes tell it.
  std::string response_clause(const Incident& i) const {
    const std::string detected = hours_after_onset(i, i.detect_tick);
    if (detected.empty()) return "; the mission did not learn of it";
    std::string s = "; the mission learned of it after " + detected + " h";
    const std::string arrived = hours_after_onset(i, i.arrival_tick);
    if (i.flight_refused)
      s += "; its flight was refused";
    else if (!arrived.empty())
      s += i.mode == ResponseMode::air ? "; its helicopters arrived after " + arrived + " h"
                                       : "; its troops arrived by road after " + arrived + " h";
    else if (i.declined)
      s += "; it did not respond";
    else
      s += "; nobody came";
    return s;
  }

  static std::string destroyed(std::uint32_t kinds) {
    static constexpr const char* names[] = {"a health centre", "a water point", "a market",
                                            "a phone tower"};
    std::string list;
    int left = std::popcount(kinds);
    for (int k = 0; k < world::infrastructure_kinds; ++k) {
      if (!(kinds & (1u << k))) continue;
      --left;
      list += std::string(list.empty() ? "" : left == 0 ? " and " : ", ") + names[k];
    }
    return list;
  }

  static std::string killed(std::uint32_t n) { return std::to_string(n) + " killed"; }

  // One sentence of what happened, as ACLED's notes read.
  std::string notes(const EventRecord& e, const Place& p) const {
    const std::string a = short_name(e.actor1), at = where(p, e.cell);
    switch (e.kind) {
      case EventKind::violence_against_civilians: {
        const Incident& i = r.recorder.incidents()[e.episode];
        const std::string what =
            e.civilian_fatalities == 0
                ? a + " attacked civilians " + at + ", killing nobody that day"
                : a + " killed " + std::to_string(e.civilian_fatalities) +
                      (e.civilian_fatalities == 1 ? " civilian " : " civilians ") + at;
        return what + response_clause(i) + ".";
      }
      case EventKind::abduction:
        return a + " abducted " + std::to_string(e.abducted) +
               (e.abducted == 1 ? " civilian " : " civilians ") + at +
               response_clause(r.recorder.incidents()[e.episode]) + ".";
      case EventKind::battle:
        return a + " and " + short_name(e.actor2) + " clashed " + at + "; " + killed(e.fatalities) +
               (e.civilian_fatalities > 0
                    ? ", " + std::to_string(e.civilian_fatalities) + " of them civilians"
                    : "") +
               ".";
      case EventKind::explosion:
        return "An IED laid by " + a + " struck a vehicle of " + short_name(e.actor2) + " " + at +
               "; " + killed(e.fatalities) + ".";
      case EventKind::property_destruction:
        return a + " destroyed " + destroyed(e.detail) + " " + at + ".";
      case EventKind::territory_overtaken:
      case EventKind::territory_regained:
        return a + (e.kind == EventKind::territory_overtaken ? " took control of " : " regained ") +
               town_and_admin(p, e.cell) + " from " + short_name(e.actor2) + ", holding it " +
               std::to_string(e.detail) + " days running.";
      case EventKind::base_established:
        return a + " opened a base " + at + ".";
      case EventKind::base_transferred:
        return short_name(e.actor2) + " handed its camp " + at + " over to " + a + ".";
    }
    return "";
  }

  void row(std::ostringstream& out, const EventRecord& e) const {
    // An abduction is part of its episode's incident, and carries its columns.
    const bool violence =
        e.kind == EventKind::violence_against_civilians || e.kind == EventKind::abduction;
    const AcledTypes types = acled_types(e.kind);
    const Date date = r.scenario.scenario.start_date.plus_days(e.day);
    const geo::LonLat at = w.grid.center_lonlat(e.cell);
    const Place place = nearest_town(e.cell);
    const auto t1 = actor_type(e.actor1), t2 = actor_type(e.actor2);
    // Outputs are byte-identical from run to run: the timestamp is the run's
    // first day (midnight UTC), not the time of writing.
    const std::int64_t timestamp = r.scenario.scenario.start_date.days_since_epoch() * 86400;
    char lat[32], lon[32];
    std::snprintf(lat, sizeof lat, "%.4f", at.lat);
    std::snprintf(lon, sizeof lon, "%.4f", at.lon);
    out << r.scenario.scenario.country_iso3 << e.id << ',' << date.to_string() << ',' << date.year
        << ",1," << types.disorder << ',' << types.event << ',' << types.sub_event << ','
        << csv_field(acled_actor(e.actor1)) << ",," << csv_field(label(t1)) << ','
        << csv_field(acled_actor(e.actor2)) << ",," << csv_field(label(t2)) << ','
        << csv_field(interaction(t1, t2)) << ',' << (violence ? "Civilian targeting" : "") << ','
        << r.scenario.scenario.country_iso_numeric << ','
        << csv_field(r.scenario.scenario.acled_region) << ',' << csv_field(country()) << ','
        << csv_field(w.places.region_names[static_cast<std::size_t>(w.region[e.cell])]) << ','
        << csv_field(event_district(w, e.cell)) << ",,"
        << csv_field(w.places.towns[static_cast<std::size_t>(place.town)].name) << ',' << lat << ','
        << lon << ',' << place.precision << ','
        << csv_field(std::string("pocsim ") + engine_version()) << ",Other,"
        << csv_field(notes(e, place)) << ',' << e.fatalities << ",," << timestamp << ','
        << e.civilian_fatalities << ',' << (violence ? perpetrator(e.actor1) : "") << ','
        << (violence ? std::to_string(e.episode) : "");
    if (violence) {
      // The response columns describe the whole incident, on each of its days.
      const Incident& i = r.recorder.incidents()[e.episode];
      out << ',' << hours_after_onset(i, i.detect_tick) << ','
          << hours_after_onset(i, i.request_tick) << ','
          << hours_after_onset(i, i.authorisation_tick) << ','
          << hours_after_onset(i, i.arrival_tick) << ','
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

  std::string perpetrator(std::int32_t faction) const {
    return std::string(scenario::to_string(r.faction_kinds[static_cast<std::size_t>(faction)]));
  }
};

}  // namespace

std::string events_csv(const Outcomes& o) {
  const RunResult& r = *o.run;
  std::ostringstream out;
  out << acled_header << ',' << pocsim_header << '\n';
  const EventsWriter writer{r, *r.world};
  for (const EventRecord& e : r.recorder.events()) writer.row(out, e);
  return out.str();
}

}  // namespace pocsim
