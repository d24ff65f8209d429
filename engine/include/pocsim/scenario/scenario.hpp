// SPDX-License-Identifier: Apache-2.0
#pragma once
// The scenario as plain typed structs. Default member values are the
// defaults a user gets when a key is left out; each key's `doc` says what it
// means. The shipped scenarios state the source of every value they set.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pocsim/core/date.hpp"
#include "pocsim/scenario/spec.hpp"

namespace pocsim::scenario {

// Hostility between factions is a 64-bit mask.
inline constexpr std::size_t max_factions = 64;

enum class FactionKind { peacekeepers, state_forces, mercenaries, jihadist, signatory, partner };
enum class Mobility { road, offroad };
// Aimed fire (small arms) kills in proportion to the shooters; area fire
// (mortars, rockets, air strikes) also in proportion to how many targets stand
// in the area, and spills onto civilians.
enum class FireMode { aimed, area };
inline constexpr std::size_t faction_kind_count = 6;

inline constexpr std::string_view faction_kind_names[] = {
    "peacekeepers", "state_forces", "mercenaries", "jihadist", "signatory", "partner"};
inline constexpr std::string_view mobility_names[] = {"road", "offroad"};

inline std::string_view to_string(FactionKind k) { return faction_kind_names[static_cast<int>(k)]; }
inline std::string_view to_string(Mobility m) { return mobility_names[static_cast<int>(m)]; }
inline constexpr std::string_view fire_mode_names[] = {"aimed", "area"};
inline std::string_view to_string(FireMode m) { return fire_mode_names[static_cast<int>(m)]; }
// Found by argument-dependent lookup from the loader's enum reader.
inline std::span<const std::string_view> enum_names(FireMode) { return fire_mode_names; }

struct RunSection {
  std::string name = "unnamed";
  std::string description;
  std::string country_iso3 = "MLI";
  Date start_date{2022, 1, 1};
  int duration_days = 365;
  std::uint64_t seed = 1;
  int tick_hours = 1;

  template <class V>
  void describe(V& v) {
    v("name", name, {.doc = "short name of the scenario, used in outputs"});
    v("description", description, {.doc = "free text shown by `pocsim show`"});
    v("country_iso3", country_iso3,
      {.doc = "ISO 3166 alpha-3 code that prefixes event ids in events.csv, as in ACLED"});
    v("start_date", start_date, {.doc = "first simulated day, YYYY-MM-DD"});
    v("duration_days", duration_days, {.doc = "number of simulated days", .min = 1, .max = 3660});
    v("seed", seed, {.doc = "base seed of all random numbers; `--seed` overrides it"});
    v("tick_hours", tick_hours,
      {.doc = "hours per tick of the fast phases (movement, combat, violence); must divide 24",
       .min = 1,
       .max = 24});
  }
};

struct WorldSection {
  DataFile outline{"../data/mali_outline.geojson", {}};
  DataFile places{"../data/mali_places.yaml", {}};
  double cell_km = 10.0;
  double desert_latitude = 18.0;
  double town_radius_km = 5.0;
  double phone_range_km = 30.0;

  template <class V>
  void describe(V& v) {
    v("outline", outline,
      {.doc = "GeoJSON file with the country outline (a Polygon or MultiPolygon feature), "
              "relative to the scenario file"});
    v("places", places,
      {.doc =
           "YAML file of regions, towns, camps, roads and river, relative to the scenario file"});
    v("cell_km", cell_km, {.doc = "edge of a square grid cell in km", .min = 2.0, .max = 200.0});
    v("desert_latitude", desert_latitude,
      {.doc = "cells north of this latitude (degrees) are desert terrain",
       .min = -90.0,
       .max = 90.0});
    v("town_radius_km", town_radius_km,
      {.doc = "cells whose centre lies within this distance of a town are town terrain",
       .min = 0.0,
       .max = 100.0});
    v("phone_range_km", phone_range_km,
      {.doc = "cells within this distance of a town have a phone tower at the start",
       .min = 0.0,
       .max = 1000.0});
  }
};

// People already displaced when the run starts, from one region.
struct InitialDisplacementSection {
  std::string region;
  std::int64_t people = 0;

  template <class V>
  void describe(V& v) {
    v("region", region, {.doc = "home region of the displaced", .required = true});
    v("people", people,
      {.doc = "people of the region away from home at the start, taken from its rural cells",
       .min = 0,
       .max = 1e9});
  }
};

struct CivilianSection {
  std::int64_t population = 22'600'000;
  int people_per_agent = 25;
  double urban_weight = 40.0;
  double urban_scale_km = 15.0;
  double desert_weight = 0.05;
  double flee_risk = 0.002;
  double flee_probability = 0.5;
  double return_risk = 0.0005;
  double return_probability = 0.02;
  double risk_memory_days = 30.0;
  std::vector<InitialDisplacementSection> initially_displaced;

  template <class V>
  void describe(V& v) {
    v("population", population,
      {.doc = "people in the country, spread over regions by their census shares",
       .min = 1,
       .max = 1e10});
    v("people_per_agent", people_per_agent,
      {.doc = "people represented by one civilian agent (a household group)",
       .min = 1,
       .max = 255});
    v("urban_weight", urban_weight,
      {.doc = "extra weight of a cell at a town centre relative to a rural cell when population "
              "is spread inside a region",
       .min = 0.0,
       .max = 1e6});
    v("urban_scale_km", urban_scale_km,
      {.doc = "distance in km over which a town's extra weight falls by a factor e",
       .min = 0.1,
       .max = 1000.0});
    v("desert_weight", desert_weight,
      {.doc = "weight of a desert cell relative to a Sahel cell when population is spread",
       .min = 0.0,
       .max = 1.0});
    v("flee_risk", flee_risk,
      {.doc = "recent civilian deaths per resident of a cell above which residents start to flee",
       .min = 0.0,
       .max = 1.0});
    v("flee_probability", flee_probability,
      {.doc = "daily chance that an agent at home in a cell above flee_risk leaves",
       .min = 0.0,
       .max = 1.0});
    v("return_risk", return_risk,
      {.doc = "risk of the home cell below which a displaced agent may return",
       .min = 0.0,
       .max = 1.0});
    v("return_probability", return_probability,
      {.doc = "daily chance that a displaced agent whose home is below return_risk goes home",
       .min = 0.0,
       .max = 1.0});
    v("risk_memory_days", risk_memory_days,
      {.doc = "e-folding time in days of a cell's memory of violence", .min = 0.5, .max = 3650.0});
    v("initially_displaced", initially_displaced,
      {.doc = "people displaced before the start, by home region; they stay in the nearest town "
              "of their region and return like anyone displaced"});
  }
};

struct RecruitmentSection {
  double grievance_per_abuse_hour = 0.05;
  double grievance_memory_days = 180.0;
  double recruits_per_grievance = 0.00002;

  template <class V>
  void describe(V& v) {
    v("grievance_per_abuse_hour", grievance_per_abuse_hour,
      {.doc = "grievance a civilian group gains for each hour of abuse by state forces or "
              "mercenaries in its cell",
       .min = 0.0,
       .max = 100.0});
    v("grievance_memory_days", grievance_memory_days,
      {.doc = "e-folding time in days of a group's grievance", .min = 1.0, .max = 36500.0});
    v("recruits_per_grievance", recruits_per_grievance,
      {.doc = "fighters a jihadist faction recruits per day per person-unit of grievance among "
              "the people of its area",
       .min = 0.0,
       .max = 1.0});
  }
};

struct CombatSection {
  double crossfire_kill_probability = 0.00002;
  double break_off_ratio = 0.5;
  double replenish_per_day = 0.02;
  double town_defence = 1.5;
  double delta_defence = 1.3;
  int contact_cells = 1;
  double engage_probability = 0.01;
  double area_fire_reference_strength = 100.0;
  double area_fire_crossfire_factor = 5.0;
  double isr_warning = 0.0;

  template <class V>
  void describe(V& v) {
    v("crossfire_kill_probability", crossfire_kill_probability,
      {.doc = "chance per resident and per hour of fighting in the cell of being killed in the "
              "crossfire",
       .min = 0.0,
       .max = 1.0});
    v("break_off_ratio", break_off_ratio,
      {.doc = "a side whose strength falls below this share of the other side's breaks off",
       .min = 0.0,
       .max = 1.0});
    v("replenish_per_day", replenish_per_day,
      {.doc = "share of a unit's missing strength made good each day (reinforcement, recruits)",
       .min = 0.0,
       .max = 1.0});
    v("town_defence", town_defence,
      {.doc = "factor dividing the losses of a unit fighting from a town cell",
       .min = 1.0,
       .max = 10.0});
    v("delta_defence", delta_defence,
      {.doc = "factor dividing the losses of a unit fighting from inner-delta terrain",
       .min = 1.0,
       .max = 10.0});
    v("contact_cells", contact_cells,
      {.doc = "hostile units at most this many cells apart (in x and in y) meet and fight",
       .min = 0,
       .max = 10});
    v("engage_probability", engage_probability,
      {.doc = "chance per hour that units in contact fight rather than avoid each other",
       .min = 0.0,
       .max = 1.0});
    v("area_fire_reference_strength", area_fire_reference_strength,
      {.doc = "target strength at which area fire kills as many as aimed fire; area fire's "
              "toll grows with the targets' strength over this",
       .min = 1.0,
       .max = 100000.0});
    v("area_fire_crossfire_factor", area_fire_crossfire_factor,
      {.doc = "factor on crossfire_kill_probability for each side firing by area (the mean of "
              "the two sides' factors applies)",
       .min = 1.0,
       .max = 1000.0});
    v("isr_warning", isr_warning,
      {.doc = "share of their losses in combat that the mission's and partners' units are "
              "spared where a present partner's ISR watches the region and drones fly (warning "
              "of attacks)",
       .min = 0.0,
       .max = 1.0});
  }
};

struct ControlSection {
  int presence_cells = 2;
  double presence_memory_days = 7.0;
  double presence_saturation = 1.0;
  double operations_presence = 0.1;
  double hold_presence = 0.5;

  template <class V>
  void describe(V& v) {
    v("presence_cells", presence_cells,
      {.doc = "a unit marks its presence on the cells at most this many cells away",
       .min = 0,
       .max = 20});
    v("presence_memory_days", presence_memory_days,
      {.doc = "e-folding time in days of a faction's presence in a cell",
       .min = 0.1,
       .max = 3650.0});
    v("presence_saturation", presence_saturation,
      {.doc = "enemy presence (unit-days) at which the abuse trigger holds fully",
       .min = 0.001,
       .max = 1000.0});
    v("operations_presence", operations_presence,
      {.doc = "state or mercenary presence (unit-days) above which a cell counts as under "
              "their operations (flight refusals, ground access denied)",
       .min = 0.0,
       .max = 1000.0});
    v("hold_presence", hold_presence,
      {.doc = "presence (unit-days) from which a faction counts as holding a cell, or contesting "
              "it where a hostile faction has as much (control of territory, an output)",
       .min = 0.001,
       .max = 1000.0});
  }
};

// What a run reports beyond its fixed outputs.
struct OutputSection {
  std::vector<std::string> focus_regions;

  template <class V>
  void describe(V& v) {
    v("focus_regions", focus_regions,
      {.doc = "regions summed into summary.json's focus block (civilian deaths by perpetrator "
              "kind, jihadist control, protection, the mission's losses there); empty: no block"});
  }
};

// The 2015 Algiers accord between the state and the signatory groups.
struct AccordSection {
  double initial_tension = 0.3;
  double drift_per_day = 0.004;
  double tension_per_provocation = 0.01;
  double dialogue_per_day = 0.002;
  double collapse_at = 1.0;

  template <class V>
  void describe(V& v) {
    v("initial_tension", initial_tension,
      {.doc = "tension between the state and the signatories at the start (collapse at "
              "collapse_at)",
       .min = 0.0,
       .max = 100.0});
    v("drift_per_day", drift_per_day,
      {.doc = "daily rise of tension left unchecked; partners' escalation_deterrence holds it "
              "back",
       .min = 0.0,
       .max = 10.0});
    v("tension_per_provocation", tension_per_provocation,
      {.doc = "rise of tension per episode of state or mercenary violence in a region where a "
              "signatory operates",
       .min = 0.0,
       .max = 10.0});
    v("dialogue_per_day", dialogue_per_day,
      {.doc = "daily fall of tension while the responder (peacekeepers) keeps units in a "
              "signatory's area",
       .min = 0.0,
       .max = 10.0});
    v("collapse_at", collapse_at,
      {.doc = "tension at which the accord collapses and state forces and signatories fight",
       .min = 0.0,
       .max = 100.0});
  }
};

// A number per perpetrator kind (peacekeepers and partners never abuse, so
// only the four kinds that do have one).
struct ByPerpetratorKind {
  double state_forces = 0.0;
  double mercenaries = 0.0;
  double jihadist = 0.0;
  double signatory = 0.0;

  double of(FactionKind kind) const {
    switch (kind) {
      case FactionKind::state_forces:
        return state_forces;
      case FactionKind::mercenaries:
        return mercenaries;
      case FactionKind::jihadist:
        return jihadist;
      case FactionKind::signatory:
        return signatory;
      default:
        return 0.0;
    }
  }

  template <class V>
  void describe(V& v) {
    v("state_forces", state_forces, {.doc = "for state forces", .min = 0.0, .max = 1.0});
    v("mercenaries", mercenaries, {.doc = "for mercenaries", .min = 0.0, .max = 1.0});
    v("jihadist", jihadist, {.doc = "for jihadist groups", .min = 0.0, .max = 1.0});
    v("signatory", signatory, {.doc = "for accord signatories", .min = 0.0, .max = 1.0});
  }
};

struct DetectionSection {
  double own_unit_km = 30.0;
  double own_unit_hours = 1.0;
  double phone_report_share = 0.5;
  double phone_report_hours = 6.0;
  double second_hand_hours = 72.0;

  template <class V>
  void describe(V& v) {
    v("own_unit_km", own_unit_km,
      {.doc = "a peacekeeper unit this close to an incident learns of it itself",
       .min = 0.0,
       .max = 1000.0});
    v("own_unit_hours", own_unit_hours,
      {.doc = "mean hours before a nearby peacekeeper unit reports an incident (exponential)",
       .min = 0.0,
       .max = 1000.0});
    v("phone_report_share", phone_report_share,
      {.doc = "chance that residents report an incident by phone, where the cell's phone tower "
              "stands",
       .min = 0.0,
       .max = 1.0});
    v("phone_report_hours", phone_report_hours,
      {.doc = "mean hours before a phone report reaches the mission (exponential)",
       .min = 0.0,
       .max = 1000.0});
    v("second_hand_hours", second_hand_hours,
      {.doc = "mean hours before second-hand reports (social media, word of mouth) reach the "
              "mission (exponential)",
       .min = 0.0,
       .max = 10000.0});
  }
};

struct GroundingSection {
  Date from{2022, 1, 1};
  std::optional<Date> to;
  bool drones_only = false;

  template <class V>
  void describe(V& v) {
    v("from", from, {.doc = "first day of the grounding", .required = true});
    v("to", to, {.doc = "last day of the grounding; null means to the end of the run"});
    v("drones_only", drones_only,
      {.doc = "true: only drones (partner ISR) are grounded; false: every flight"});
  }
};

enum class DelayLaw { fixed, exponential };
inline constexpr std::string_view delay_law_names[] = {"fixed", "exponential"};
inline std::string_view to_string(DelayLaw d) { return delay_law_names[static_cast<int>(d)]; }

struct FlightPolicySection {
  bool authorisation_required = true;
  double delay_hours = 24.0;
  DelayLaw delay_law = DelayLaw::exponential;
  double refusal_probability = 0.1;
  double refusal_near_operations = 0.4;
  bool medevac_exempt = false;
  std::vector<GroundingSection> groundings;

  template <class V>
  void describe(V& v) {
    v("authorisation_required", authorisation_required,
      {.doc = "every flight needs the host state's authorisation"});
    v("delay_hours", delay_hours,
      {.doc = "mean hours from a flight request to the authorisation", .min = 0.0, .max = 10000.0});
    v("delay_law", delay_law,
      {.doc = "fixed: every wait is delay_hours; exponential: waits vary around that mean"});
    v("refusal_probability", refusal_probability,
      {.doc = "chance that a request is refused", .min = 0.0, .max = 1.0});
    v("refusal_near_operations", refusal_near_operations,
      {.doc = "added chance of refusal where state or mercenary units operate in the incident's "
              "cell",
       .min = 0.0,
       .max = 1.0});
    v("medevac_exempt", medevac_exempt,
      {.doc = "medevac flights need no authorisation (a grounding still sends them by road)"});
    v("groundings", groundings, {.doc = "dated windows when flights are grounded"});
  }
};

struct IedSection {
  double per_km = 0.0000003;
  double jihadist_factor = 20.0;
  double deaths = 0.5;
  double isr_clearance = 0.0;

  template <class V>
  void describe(V& v) {
    v("per_km", per_km,
      {.doc = "chance per km driven on a road that a vehicle of the state, the mission or a "
              "partner strikes an IED where no jihadist is present",
       .min = 0.0,
       .max = 1.0});
    v("jihadist_factor", jihadist_factor,
      {.doc = "factor on per_km where jihadist presence is full", .min = 1.0, .max = 10000.0});
    v("deaths", deaths, {.doc = "mean deaths per IED strike (Poisson)", .min = 0.0, .max = 100.0});
    v("isr_clearance", isr_clearance,
      {.doc = "share of the IED risk that partners' ISR and route clearance take off the roads "
              "for the mission's and the partners' own vehicles, in regions a present partner "
              "watches while its drones fly",
       .min = 0.0,
       .max = 1.0});
  }
};

struct MedevacSection {
  double wounded_per_death = 3.0;
  double golden_hours = 2.0;
  double death_rate_per_hour = 0.02;

  template <class V>
  void describe(V& v) {
    v("wounded_per_death", wounded_per_death,
      {.doc = "mean wounded per expected death of a peacekeeper or partner IED strike or fight "
              "(Poisson); each casualty event with wounded calls one medevac flight",
       .min = 0.0,
       .max = 100.0});
    v("golden_hours", golden_hours,
      {.doc = "hours within which an evacuated wounded survives", .min = 0.0, .max = 1000.0});
    v("death_rate_per_hour", death_rate_per_hour,
      {.doc = "hourly chance that a wounded dies of wounds once the wait passes golden_hours",
       .min = 0.0,
       .max = 1.0});
  }
};

struct InvestigationSection {
  double share = 0.5;
  double delay_hours = 48.0;

  template <class V>
  void describe(V& v) {
    v("share", share,
      {.doc = "chance that the responder's human-rights division investigates an incident it "
              "knows of that killed civilians",
       .min = 0.0,
       .max = 1.0});
    v("delay_hours", delay_hours,
      {.doc = "hours after the episode's end (or its detection, if later) before investigators "
              "set out",
       .min = 0.0,
       .max = 10000.0});
  }
};

struct ResponseSection {
  std::string responder;
  double respond_probability = 0.9;
  double decision_hours = 2.0;
  int helicopters = 11;
  double helicopter_serviceability = 0.6;
  double helicopter_speed_kmh = 200.0;
  double helicopter_range_km = 400.0;
  double helicopter_turnaround_hours = 6.0;
  double ground_speed_kmh = 25.0;
  double ground_denial_near_operations = 0.0;
  double ground_range_km = 300.0;
  ByPerpetratorKind stop_on_arrival{0.3, 0.2, 0.8, 0.8};
  ByPerpetratorKind presence_deterrence{0.1, 0.0, 0.6, 0.6};
  ByPerpetratorKind partner_deterrence{0.0, 0.0, 0.0, 0.0};

  template <class V>
  void describe(V& v) {
    v("responder", responder,
      {.doc = "the peacekeepers faction that responds; empty means the first of kind "
              "peacekeepers"});
    v("respond_probability", respond_probability,
      {.doc = "chance that the mission decides to respond to an incident it knows of",
       .min = 0.0,
       .max = 1.0});
    v("decision_hours", decision_hours,
      {.doc = "hours from learning of an incident to requesting a response",
       .min = 0.0,
       .max = 1000.0});
    v("helicopters", helicopters,
      {.doc = "the responder's own helicopters available for quick reaction",
       .min = 0,
       .max = 1000});
    v("helicopter_serviceability", helicopter_serviceability,
      {.doc = "share of the responder's helicopters fit to fly on its own logistics; partners' "
              "logistics_support adds to it",
       .min = 0.0,
       .max = 1.0});
    v("helicopter_speed_kmh", helicopter_speed_kmh,
      {.doc = "cruise speed of a helicopter", .min = 1.0, .max = 1000.0});
    v("helicopter_range_km", helicopter_range_km,
      {.doc = "farthest incident a helicopter flies to from a base", .min = 0.0, .max = 5000.0});
    v("helicopter_turnaround_hours", helicopter_turnaround_hours,
      {.doc = "hours a helicopter is busy after it lands at an incident",
       .min = 0.0,
       .max = 1000.0});
    v("ground_speed_kmh", ground_speed_kmh,
      {.doc = "speed of a ground response convoy", .min = 1.0, .max = 200.0});
    v("ground_denial_near_operations", ground_denial_near_operations,
      {.doc = "chance that the host state bars a convoy from a cell where state or mercenary "
              "units operate",
       .min = 0.0,
       .max = 1.0});
    v("ground_range_km", ground_range_km,
      {.doc = "farthest incident a convoy sets out for", .min = 0.0, .max = 5000.0});
    v("stop_on_arrival", stop_on_arrival,
      {.doc = "chance that the arrival of peacekeepers ends an ongoing episode, by perpetrator"});
    v("presence_deterrence", presence_deterrence,
      {.doc = "share by which full peacekeeper presence in a cell lowers the onset of violence, "
              "by perpetrator"});
    v("partner_deterrence", partner_deterrence,
      {.doc = "share by which full presence of partner forces in a cell lowers the onset of "
              "violence, by perpetrator; applies on top of presence_deterrence"});
  }
};

// A scripted operation: its date, place and forces are given; what happens to
// the civilians there is left to the model's mechanisms.
struct OperationSection {
  std::string name;
  std::string faction;
  std::string town;
  Date from{2022, 1, 1};
  int days = 1;
  int units = 1;
  bool cordon = true;

  template <class V>
  void describe(V& v) {
    v("name", name, {.doc = "name of the operation, used in summary.json", .required = true});
    v("faction", faction, {.doc = "the faction that conducts it", .required = true});
    v("town", town, {.doc = "the town where its units land and hold", .required = true});
    v("from", from, {.doc = "first day of the operation", .required = true});
    v("days", days, {.doc = "how many days the units hold the town", .min = 1, .max = 3650});
    v("units", units,
      {.doc = "units of the faction taken for it (the first deployed ones)",
       .min = 1,
       .max = 1000});
    v("cordon", cordon,
      {.doc = "the town is sealed: residents cannot flee and phone reports cannot get out"});
  }
};

struct FactionSection {
  std::string name;
  FactionKind kind = FactionKind::jihadist;
  int units = 0;
  int unit_strength = 100;
  std::vector<std::string> bases;
  std::vector<std::string> area;
  Mobility mobility = Mobility::road;
  double road_speed_kmh = 30.0;
  double offroad_speed_kmh = 8.0;
  double patrol_radius_km = 60.0;
  double firepower = 0.0005;
  FireMode fire = FireMode::aimed;
  double abuse_rate = 0.0;
  double abuse_base_share = 0.1;
  double killings_per_hour = 1.0;
  double episode_hours = 4.0;
  double destroy_probability = 0.05;
  std::optional<double> operation_abuse_rate;
  std::vector<std::string> hostile_to;
  std::optional<Date> arrival_date;
  std::optional<Date> withdrawal_date;
  std::vector<std::string> isr_regions;
  double isr_hours = 3.0;
  int helicopters = 0;
  double logistics_support = 0.0;
  double escalation_deterrence = 0.0;
  double hunt_radius_km = 0.0;

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
      {.doc = "towns where units start and return to; units are spread over them in turn"});
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
  }
};

struct Scenario {
  RunSection scenario;
  WorldSection world;
  CivilianSection civilians;
  RecruitmentSection recruitment;
  CombatSection combat;
  ControlSection control;
  DetectionSection detection;
  FlightPolicySection flights;
  ResponseSection response;
  IedSection ied;
  MedevacSection medevac;
  InvestigationSection investigations;
  AccordSection accord;
  OutputSection outputs;
  std::vector<FactionSection> factions;
  std::vector<OperationSection> operations;

  template <class V>
  void describe(V& v) {
    v("scenario", scenario, {.doc = "name, dates, seed and time step of the run"});
    v("world", world, {.doc = "the grid: outline, places and cell size"});
    v("civilians", civilians, {.doc = "the population and how it flees and returns"});
    v("recruitment", recruitment,
      {.doc = "grievance from abuse by the state and its allies, and recruitment by jihadists"});
    v("combat", combat, {.doc = "how engagements between armed units are resolved"});
    v("control", control, {.doc = "how units mark presence, which triggers abuse"});
    v("detection", detection, {.doc = "how the responder learns of incidents"});
    v("flights", flights, {.doc = "the host state's flight-authorisation policy"});
    v("response", response, {.doc = "how the responder reaches incidents, by air or ground"});
    v("ied", ied, {.doc = "improvised explosive devices on the roads"});
    v("medevac", medevac,
      {.doc = "evacuation of wounded peacekeepers and partners, and deaths of wounds"});
    v("investigations", investigations,
      {.doc = "human-rights investigations of incidents, and access to them"});
    v("accord", accord, {.doc = "the peace accord between the state and the signatories"});
    v("outputs", outputs, {.doc = "what a run reports beyond its fixed outputs"});
    v("factions", factions, {.doc = "the armed actors, one entry per faction"});
    v("operations", operations, {.doc = "scripted operations (date, place, forces)"});
  }
};

}  // namespace pocsim::scenario
