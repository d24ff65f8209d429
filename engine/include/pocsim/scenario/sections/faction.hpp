// SPDX-License-Identifier: Apache-2.0
#pragma once
// An entry of `factions:`, one armed actor (agents/factions.hpp).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pocsim/core/date.hpp"
#include "pocsim/scenario/sections/common.hpp"
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

// ACLED's actor types (inter1, inter2), in the order of its former numeric
// codes 1..8; events.csv writes them with ACLED's text labels (2024 codebook).
enum class ActorType {
  state_forces,
  rebel_group,
  political_militia,
  identity_militia,
  rioters,
  protesters,
  civilians,
  external_other_forces,
};
inline constexpr std::string_view actor_type_names[] = {
    "state_forces", "rebel_group", "political_militia", "identity_militia",
    "rioters",      "protesters",  "civilians",         "external_other_forces"};
inline constexpr std::string_view actor_type_labels[] = {
    "State forces", "Rebel group", "Political militia", "Identity militia",
    "Rioters",      "Protesters",  "Civilians",         "External/Other forces"};
inline std::string_view to_string(ActorType t) { return actor_type_names[static_cast<int>(t)]; }
inline std::string_view acled_label(ActorType t) { return actor_type_labels[static_cast<int>(t)]; }
// Found by argument-dependent lookup from the loader's enum reader.
inline std::span<const std::string_view> enum_names(ActorType) { return actor_type_names; }

// The actor type ACLED gives a kind of faction: foreign armies are coded as
// state forces (of their own country), UN missions and private military
// companies as external/other forces, armed groups fighting the state as
// rebel groups.
constexpr ActorType default_actor_type(FactionKind kind) {
  switch (kind) {
    case FactionKind::state_forces:
    case FactionKind::partner:
      return ActorType::state_forces;
    case FactionKind::jihadist:
    case FactionKind::signatory:
      return ActorType::rebel_group;
    case FactionKind::peacekeepers:
    case FactionKind::mercenaries:
      return ActorType::external_other_forces;
  }
  return ActorType::external_other_forces;
}

// The dates one of a faction's bases opens and is handed over (issue 22:
// MINUSMA left its camps one by one in 2023, and the host state's forces
// took most of them).
struct BaseDatesSection {
  std::string town;
  std::optional<Date> opens;
  std::optional<Date> closes;
  std::optional<std::string> handed_to;

  template <class V>
  void describe(V& v) {
    v("town", town, {.doc = "a town of the faction's bases or temporary_bases", .required = true});
    v("opens", opens,
      {.doc = "first day the base is open; its units wait until then; null: open from the start"});
    v("closes", closes,
      {.doc = "day the base is handed over; its units move to the nearest base still open, or "
              "leave the country when none is; null: open to the end"});
    v("handed_to", handed_to,
      {.doc = "faction that takes the camp on that day (its nearest patrolling unit makes it "
              "its base); null: nobody"});
  }
};

struct FactionSection {
  std::string name;
  FactionKind kind = FactionKind::jihadist;
  int units = 0;
  int unit_strength = 100;
  std::vector<std::string> bases;
  int units_per_base = 0;
  std::vector<std::string> temporary_bases;
  std::vector<BaseDatesSection> base_dates;
  std::vector<std::string> area;
  Mobility mobility = Mobility::road;
  double road_speed_kmh = 30.0;
  double offroad_speed_kmh = 8.0;
  double patrol_radius_km = 60.0;
  double offroad_patrol_share = 0.0;
  double firepower = 0.0005;
  FireMode fire = FireMode::aimed;
  double abuse_rate = 0.0;
  double abuse_base_share = 0.1;
  double killings_per_hour = 1.0;
  double episode_hours = 4.0;
  double destroy_probability = 0.05;
  double abductions_per_episode = 0.0;
  double abductees_released_share = 0.0;
  double abductees_killed_share = 0.0;
  std::optional<double> operation_abuse_rate;
  std::optional<Date> ultimatums_from;
  double ultimatum_share = 0.0;
  std::vector<std::string> hostile_to;
  std::optional<Date> arrival_date;
  std::optional<Date> withdrawal_date;
  std::vector<std::string> isr_regions;
  double isr_hours = 3.0;
  int helicopters = 0;
  double logistics_support = 0.0;
  double escalation_deterrence = 0.0;
  double hunt_radius_km = 0.0;
  std::optional<std::string> acled_actor;
  std::optional<ActorType> acled_inter;

  std::string acled_actor_name() const { return acled_actor.value_or(name); }
  ActorType acled_actor_type() const { return acled_inter.value_or(default_actor_type(kind)); }

  template <class V>
  void describe(V& v) {
    v("name", name,
      {.doc = "unique name of the faction (MINUSMA, FAMa, JNIM, ...)", .required = true});
    v("kind", kind,
      {.doc = "peacekeepers, state_forces, mercenaries, jihadist, signatory or partner",
       .required = true});
    v("units", units,
      {.doc = "number of armed units (company- or group-sized agents)", .min = 0, .max = 100000});
    v("unit_strength", unit_strength,
      {.doc = "fighters or troops per unit at full strength", .min = 1, .max = 100000});
    v("bases", bases,
      {.doc = "towns where units start and return to, in order of priority; units are spread "
              "over the open ones in turn"});
    v("units_per_base", units_per_base,
      {.doc = "units a base holds: the faction opens one base per this many units, in the order "
              "of bases then temporary_bases (fewer units, fewer bases; more, more); 0: every "
              "listed base, however few the units",
       .min = 0,
       .max = 100000});
    v("temporary_bases", temporary_bases,
      {.doc = "towns, in order, where temporary operating bases open when the units are more "
              "than the bases hold (units_per_base)"});
    v("base_dates", base_dates,
      {.doc = "opening and handover dates of single bases; a base not listed is open from the "
              "start to the end (or the faction's withdrawal_date)"});
    v("area", area, {.doc = "regions where units operate; empty means the regions of the bases"});
    v("mobility", mobility,
      {.doc = "road: patrols go town to town along roads; offroad: units roam across country"});
    v("road_speed_kmh", road_speed_kmh,
      {.doc = "speed along a road in km/h", .min = 0.1, .max = 300.0});
    v("offroad_speed_kmh", offroad_speed_kmh,
      {.doc = "speed across country in km/h (halved in the inner delta)",
       .min = 0.1,
       .max = 300.0});
    v("patrol_radius_km", patrol_radius_km,
      {.doc = "off-road units pick targets within this distance of their base",
       .min = 1.0,
       .max = 2000.0});
    v("offroad_patrol_share", offroad_patrol_share,
      {.doc = "share of a road faction's units that patrol across country (on foot and in "
              "vehicles) within patrol_radius_km of their base instead of along the roads",
       .min = 0.0,
       .max = 1.0});
    v("firepower", firepower,
      {.doc = "Lanchester attrition coefficient: enemy losses per own fighter per hour",
       .min = 0.0,
       .max = 1.0});
    v("fire", fire,
      {.doc = "aimed: losses inflicted grow with own strength (Lanchester square law); area: "
              "also with the target's strength (linear law), with more crossfire"});
    v("abuse_rate", abuse_rate,
      {.doc = "violent episodes against civilians started per unit and day where the trigger "
              "holds (enemy influence in the cell)",
       .min = 0.0,
       .max = 24.0});
    v("abuse_base_share", abuse_base_share,
      {.doc = "share of abuse_rate that applies where the trigger does not hold",
       .min = 0.0,
       .max = 1.0});
    v("killings_per_hour", killings_per_hour,
      {.doc = "civilians an episode kills per hour on average, while the cell has people "
              "(each resident's chance is this over the residents)",
       .min = 0.0,
       .max = 1000.0});
    v("episode_hours", episode_hours,
      {.doc = "mean length of a violent episode in hours (geometric)", .min = 1.0, .max = 2400.0});
    v("operation_abuse_rate", operation_abuse_rate,
      {.doc = "abuse_rate of units on a scripted cordon-and-search operation; null means "
              "abuse_rate",
       .min = 0.0,
       .max = 240.0});
    v("destroy_probability", destroy_probability,
      {.doc = "chance that an episode destroys one piece of infrastructure in its cell",
       .min = 0.0,
       .max = 1.0});
    v("abductions_per_episode", abductions_per_episode,
      {.doc = "civilians the faction abducts, or detains so that they disappear, in a violent "
              "episode on average (Poisson, at the episode's start)",
       .min = 0.0,
       .max = 1000.0});
    v("abductees_released_share", abductees_released_share,
      {.doc = "share of the faction's abductees later released", .min = 0.0, .max = 1.0});
    v("abductees_killed_share", abductees_killed_share,
      {.doc = "share of the faction's abductees later killed; the rest stay missing "
              "(released_share + killed_share <= 1)",
       .min = 0.0,
       .max = 1.0});
    v("ultimatums_from", ultimatums_from,
      {.doc = "date from which some of the faction's violent episodes are ultimatums instead: "
              "the village is ordered to leave, and no one is killed; null means never"});
    v("ultimatum_share", ultimatum_share,
      {.doc = "share of the faction's violent episodes from ultimatums_from that are "
              "ultimatums; the village's risk rises above civilians.flee_risk",
       .min = 0.0,
       .max = 1.0});
    v("hostile_to", hostile_to, {.doc = "names of the factions this one fights on contact"});
    v("arrival_date", arrival_date,
      {.doc = "date the faction's units deploy; null means present from the start"});
    v("withdrawal_date", withdrawal_date,
      {.doc = "date the faction's units leave; null means they stay"});
    v("isr_regions", isr_regions,
      {.doc = "regions this faction watches with drones and aircraft and reports to the "
              "responder (partners' ISR)"});
    v("isr_hours", isr_hours,
      {.doc = "mean hours before the faction's ISR spots an incident in a watched region",
       .min = 0.0,
       .max = 1000.0});
    v("helicopters", helicopters,
      {.doc = "helicopters the faction lends the responder while present (air support)",
       .min = 0,
       .max = 1000});
    v("logistics_support", logistics_support,
      {.doc = "share added to the responder's helicopter serviceability while this faction is "
              "present (partners' logistics)",
       .min = 0.0,
       .max = 1.0});
    v("escalation_deterrence", escalation_deterrence,
      {.doc = "share of the accord's daily tension drift this faction holds back while present",
       .min = 0.0,
       .max = 1.0});
    v("hunt_radius_km", hunt_radius_km,
      {.doc = "counter-terrorism operations: each day, patrolling units set out across country "
              "for the nearest hostile jihadist unit within this distance of their base that "
              "the faction's ISR (isr_regions) sees; 0: no operations, patrols only",
       .min = 0.0,
       .max = 2000.0});
    v("acled_actor", acled_actor,
      {.doc = "the faction's name in events.csv (actor1, actor2), as ACLED writes it, e.g. "
              "'Military Forces of Mali (2021-)'; null: the faction's name"});
    v("acled_inter", acled_inter,
      {.doc = "ACLED's actor type for inter1/inter2: state_forces, rebel_group, "
              "political_militia, identity_militia, rioters, protesters, civilians or "
              "external_other_forces; null: by kind (state_forces and partner: state_forces; "
              "jihadist and signatory: rebel_group; peacekeepers and mercenaries: "
              "external_other_forces)"});
  }
};

}  // namespace pocsim::scenario
