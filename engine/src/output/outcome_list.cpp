// SPDX-License-Identifier: Apache-2.0
#include "pocsim/output/outcome_list.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numeric>
#include <sstream>

#include "pocsim/core/version.hpp"
#include "run_facts.hpp"

namespace pocsim {

namespace {

using scenario::FactionKind;

// What a placeholder of an outcome's name expands over.
enum class Over : std::uint8_t {
  region,            // <region>: every region of the places file
  faction,           // <faction>: every faction
  wounded_faction,   // <faction>: the factions with any death of wounds
  jihadist_faction,  // <faction>: the factions of kind jihadist
  kind,              // <kind>: the six faction kinds
  perpetrator,       // <kind>: the six faction kinds, then crossfire
  infrastructure,    // <infrastructure>: health_centre, water_point, market, phone_tower
  operation,         // <operation>: the scripted operations, a list
  window,            // <window>: the scenario's windows and its quarters, by name
  campaign,          // <campaign>: the scenario's campaigns, by name
};

using Value = std::function<OutcomeValue(const RunFacts&, std::size_t, std::size_t)>;
using Condition = bool (*)(const RunFacts&);

struct Declaration {
  OutcomeInfo info;
  std::vector<Over> over;  // the placeholders of the name, in order
  Condition when = nullptr;
  Value value;
};

bool after_a_day(const RunFacts& f) { return f.days > 0; }
bool with_focus(const RunFacts& f) { return f.focus.has_value(); }
bool with_campaigns(const RunFacts& f) { return !f.campaigns.empty(); }

// The summary's entries, in the order summary.json writes them.
class SummaryList {
 public:
  void add(std::string name, std::string unit, OutcomeType type, std::string doc,
           std::vector<Over> over, Value value, Condition when = nullptr) {
    list_.push_back({{std::move(name), std::move(unit), type, std::move(doc)},
                     std::move(over),
                     when,
                     std::move(value)});
  }
  void group(std::string name, OutcomeType type, std::string doc, std::vector<Over> over = {},
             Condition when = nullptr) {
    add(std::move(name), "", type, std::move(doc), std::move(over), nullptr, when);
  }
  const std::vector<Declaration>& list() const { return list_; }

 private:
  std::vector<Declaration> list_;
};

OutcomeValue optional(const std::optional<double>& v) {
  return v ? OutcomeValue(*v) : OutcomeValue(Null{});
}

// The figures of the protection block, under each prefix that reports them
// (all incidents, a region's, a perpetrator kind's, the focus regions').
void add_protection(SummaryList& s, const std::string& prefix, std::vector<Over> over,
                    std::function<const ProtectionFigures&(const RunFacts&, std::size_t)> of,
                    Condition when, const std::string& scope) {
  using T = OutcomeType;
  auto figure = [&](const std::string& name, const std::string& unit, T type,
                    const std::string& doc,
                    std::function<OutcomeValue(const ProtectionFigures&)> get) {
    s.add(
        prefix + name, unit, type, doc + scope, over,
        [of, get](const RunFacts& f, std::size_t a, std::size_t) { return get(of(f, a)); }, when);
  };
  figure("incidents", "incidents", T::count, "violent episodes",
         [](const ProtectionFigures& p) { return p.incidents; });
  figure("civilian_deaths", "people", T::count,
         "civilians killed in the incidents (crossfire is not an incident)",
         [](const ProtectionFigures& p) { return p.deaths; });
  figure("reachable_incidents", "incidents", T::count,
         "incidents within air or ground range of a responder base at onset",
         [](const ProtectionFigures& p) { return p.reachable; });
  figure("civilian_deaths_in_reachable_incidents", "people", T::count,
         "civilians killed in reachable incidents",
         [](const ProtectionFigures& p) { return p.reachable_deaths; });
  figure("detected", "incidents", T::count, "incidents detected within the run",
         [](const ProtectionFigures& p) { return p.detected; });
  const std::array<const char*, 3> stats{"mean", "median", "p90"};
  for (std::size_t k = 0; k < stats.size(); ++k)
    figure(std::string("detection_hours.") + stats[k], "hours", T::optional_real,
           std::string("hours from onset to detection over detected incidents, ") + stats[k] +
               " (null when none)",
           [k](const ProtectionFigures& p) { return optional(p.to_detection[k]); });
  figure("declined", "incidents", T::count, "detected incidents the responder chose not to answer",
         [](const ProtectionFigures& p) { return p.declined; });
  figure("reached", "incidents", T::count, "incidents with an arrival within the run",
         [](const ProtectionFigures& p) { return p.reached; });
  figure("never_reached", "incidents", T::count, "incidents minus reached",
         [](const ProtectionFigures& p) { return p.incidents - p.reached; });
  figure("share_reached_within_6h", "share", T::real,
         "incidents reached within 6 h of onset, as a share of all incidents",
         [](const ProtectionFigures& p) { return p.share(p.within_6h); });
  figure("share_reached_within_24h", "share", T::real,
         "incidents reached within 24 h of onset, as a share of all incidents",
         [](const ProtectionFigures& p) { return p.share(p.within_24h); });
  figure("stopped_by_arrival", "incidents", T::count, "incidents an arrival stopped",
         [](const ProtectionFigures& p) { return p.stopped; });
  for (std::size_t k = 0; k < stats.size(); ++k)
    figure(std::string("hours_to_first_arrival.") + stats[k], "hours", T::optional_real,
           std::string("hours from onset to arrival over reached incidents, ") + stats[k] +
               " (null when none)",
           [k](const ProtectionFigures& p) { return optional(p.to_arrival[k]); });
  figure("responses_by_mode.air", "incidents", T::count, "incidents sent a response by air",
         [](const ProtectionFigures& p) { return p.air; });
  figure("responses_by_mode.ground", "incidents", T::count, "incidents sent a response by road",
         [](const ProtectionFigures& p) { return p.ground; });
  figure("flights.requested", "flights", T::count, "response flights asked for",
         [](const ProtectionFigures& p) { return p.requested; });
  figure("flights.authorised", "flights", T::count, "response flights authorised",
         [](const ProtectionFigures& p) { return p.authorised; });
  figure("flights.refused", "flights", T::count, "response flights refused",
         [](const ProtectionFigures& p) { return p.refused; });
  figure("flights.mean_wait_hours", "hours", T::real,
         "mean drawn wait for the host state's answer over answered requests (0 when none)",
         [](const ProtectionFigures& p) { return p.mean_wait_hours(); });
  figure("investigations.done", "incidents", T::count, "investigations carried out",
         [](const ProtectionFigures& p) { return p.investigation(InvestigationOutcome::done); });
  figure("investigations.blocked", "incidents", T::count, "investigations blocked, all causes",
         [](const ProtectionFigures& p) {
           return p.investigation(InvestigationOutcome::blocked_by_refusal) +
                  p.investigation(InvestigationOutcome::blocked_by_denial);
         });
  figure("investigations.blocked_by_refusal", "incidents", T::count,
         "investigations blocked by a refused flight", [](const ProtectionFigures& p) {
           return p.investigation(InvestigationOutcome::blocked_by_refusal);
         });
  figure("investigations.blocked_by_denial", "incidents", T::count,
         "investigations blocked by denied ground access", [](const ProtectionFigures& p) {
           return p.investigation(InvestigationOutcome::blocked_by_denial);
         });
  figure("investigations.pending", "incidents", T::count,
         "investigations chosen whose outcome had not come by the end",
         [](const ProtectionFigures& p) { return p.investigation(InvestigationOutcome::pending); });
}

std::vector<Declaration> summary_declarations() {
  using T = OutcomeType;
  SummaryList s;
  auto count = [](auto get) {
    return [get](const RunFacts& f, std::size_t a, std::size_t b) {
      return OutcomeValue(static_cast<std::int64_t>(get(f, a, b)));
    };
  };
  auto real = [](auto get) {
    return [get](const RunFacts& f, std::size_t a, std::size_t b) {
      return OutcomeValue(static_cast<double>(get(f, a, b)));
    };
  };
  auto text = [](auto get) {
    return [get](const RunFacts& f, std::size_t a, std::size_t b) {
      return OutcomeValue(std::string(get(f, a, b)));
    };
  };

  s.add("pocsim.version", "", T::text, "the engine's version", {},
        text([](const RunFacts&, auto, auto) { return build_info().version; }));
  s.add("pocsim.commit", "", T::text, "the commit the engine was built from", {},
        text([](const RunFacts&, auto, auto) { return build_info().commit; }));
  s.add("pocsim.tree", "", T::text, "clean or modified: the state of the tree at the build", {},
        text([](const RunFacts&, auto, auto) { return build_info().tree; }));
  s.add("pocsim.build", "", T::text, "the build's description", {},
        text([](const RunFacts&, auto, auto) { return build_description(); }));
  s.add("scenario", "", T::text, "the scenario's name", {},
        text([](const RunFacts& f, auto, auto) { return f.r.scenario.scenario.name; }));
  s.add("seed", "", T::seed, "the run's seed", {}, [](const RunFacts& f, std::size_t, std::size_t) {
    return OutcomeValue(static_cast<std::uint64_t>(f.r.scenario.scenario.seed));
  });
  s.add("start_date", "date", T::text, "the first day of the run", {},
        text([](const RunFacts& f, auto, auto) { return f.date(0); }));
  s.add("end_date", "date", T::text, "the last day of the run", {},
        text([](const RunFacts& f, auto, auto) {
          return f.date(static_cast<std::uint32_t>(f.r.scenario.scenario.duration_days) - 1);
        }));
  s.add("days", "days", T::count, "days recorded", {},
        count([](const RunFacts& f, auto, auto) { return f.days; }));

  s.add("population.initial", "people", T::count, "civilians at the start", {},
        count([](const RunFacts& f, auto, auto) { return f.r.population; }));
  s.add("population.at_home_end", "people", T::count, "civilians at home at the end", {},
        count([](const RunFacts& f, auto, auto) { return f.t.at_home_end; }));
  s.add("population.displaced_start", "people", T::count,
        "civilians displaced on the first day (its displacement included)", {},
        count([](const RunFacts& f, auto, auto) { return f.t.displaced_start; }));
  s.add("population.displaced_end", "people", T::count, "civilians displaced at the end", {},
        count([](const RunFacts& f, auto, auto) { return f.t.displaced_end; }));
  s.add("population.displaced_peak", "people", T::count, "most civilians displaced on one day", {},
        count([](const RunFacts& f, auto, auto) { return f.t.displaced_peak; }));
  s.add("population.killed", "people", T::count, "civilians killed", {},
        count([](const RunFacts& f, auto, auto) { return f.civilian_deaths; }));
  s.add("fatalities_total", "people", T::count,
        "civilians killed, combatants killed in combat and IED deaths", {},
        count([](const RunFacts& f, auto, auto) {
          return f.civilian_deaths + f.combatant_deaths + f.ied_deaths;
        }));

  s.add("civilian_deaths.total", "people", T::count, "civilians killed, violence and crossfire", {},
        count([](const RunFacts& f, auto, auto) { return f.civilian_deaths; }));
  s.add("civilian_deaths.by_perpetrator_kind.<kind>", "people", T::count,
        "civilians killed by factions of a kind; crossfire: in battles", {Over::perpetrator},
        count([](const RunFacts& f, std::size_t k, auto) { return f.deaths_by_perpetrator[k]; }));
  s.group("civilian_deaths.by_faction", T::empty_object, "civilians killed by each faction");
  s.add("civilian_deaths.by_faction.<faction>", "people", T::count,
        "civilians killed by the faction's violence", {Over::faction},
        count([](const RunFacts& f, std::size_t i, auto) {
          return f.t.civilian_deaths_by_faction[i];
        }));
  s.add("civilian_deaths.by_region.<region>", "people", T::count,
        "civilians killed in the region, violence and crossfire", {Over::region},
        count([](const RunFacts& f, std::size_t g, auto) {
          return f.t.civilian_deaths_by_region[g];
        }));

  s.add("civilians_abducted.total", "people", T::count,
        "civilians abducted, or detained and disappeared", {},
        count([](const RunFacts& f, auto, auto) { return f.abducted; }));
  s.add("civilians_abducted.by_perpetrator_kind.<kind>", "people", T::count,
        "civilians abducted or disappeared by factions of a kind", {Over::kind},
        count([](const RunFacts& f, std::size_t k, auto) { return f.abducted_by_kind[k]; }));
  s.group("civilians_abducted.by_faction", T::empty_object,
          "civilians abducted or disappeared by each faction");
  s.add("civilians_abducted.by_faction.<faction>", "people", T::count,
        "civilians the faction abducted or made disappear", {Over::faction},
        count([](const RunFacts& f, std::size_t i, auto) { return f.t.abducted_by_faction[i]; }));
  s.add("civilians_abducted.by_region.<region>", "people", T::count,
        "civilians abducted or disappeared in the region", {Over::region},
        count([](const RunFacts& f, std::size_t g, auto) { return f.t.abducted_by_region[g]; }));
  s.add("civilians_abducted.released", "people", T::count, "abductees later released", {},
        count([](const RunFacts& f, auto, auto) { return f.t.abductees_released; }));
  s.add("civilians_abducted.killed", "people", T::count,
        "abductees later killed (not counted in civilian_deaths)", {},
        count([](const RunFacts& f, auto, auto) { return f.t.abductees_killed; }));
  s.add("civilians_abducted.missing", "people", T::count,
        "abductees neither released nor killed: still held or disappeared", {},
        count([](const RunFacts& f, auto, auto) {
          return f.abducted - f.t.abductees_released - f.t.abductees_killed;
        }));

  s.add("combatant_deaths.total", "people", T::count, "combatants killed in combat", {},
        count([](const RunFacts& f, auto, auto) { return f.combatant_deaths; }));
  s.group("combatant_deaths.by_faction", T::empty_object, "combatants killed, by faction");
  s.add("combatant_deaths.by_faction.<faction>", "people", T::count,
        "the faction's fighters killed in combat", {Over::faction},
        count([](const RunFacts& f, std::size_t i, auto) {
          return f.t.combatant_deaths_by_faction[i];
        }));
  s.add("ied_deaths.total", "people", T::count, "people killed by IEDs", {},
        count([](const RunFacts& f, auto, auto) { return f.ied_deaths; }));
  s.group("ied_deaths.by_faction", T::empty_object, "IED deaths, by the victims' faction");
  s.add("ied_deaths.by_faction.<faction>", "people", T::count,
        "the faction's people killed by IEDs", {Over::faction},
        count([](const RunFacts& f, std::size_t i, auto) { return f.t.ied_deaths_by_faction[i]; }));

  const std::string all = " (all incidents)";
  add_protection(
      s, "protection.", {},
      [](const RunFacts& f, std::size_t) -> const ProtectionFigures& { return f.protection; },
      nullptr, all);
  add_protection(
      s, "protection.by_region.<region>.", {Over::region},
      [](const RunFacts& f, std::size_t g) -> const ProtectionFigures& {
        return f.protection_by_region[g];
      },
      nullptr, " (incidents in the region)");
  add_protection(
      s, "protection.by_perpetrator_kind.<kind>.", {Over::kind},
      [](const RunFacts& f, std::size_t k) -> const ProtectionFigures& {
        return f.protection_by_kind[k];
      },
      nullptr, " (incidents by factions of the kind)");

  s.add("control.hold_presence", "unit-days", T::real,
        "presence at which a kind holds a cell (control.hold_presence)", {},
        real([](const RunFacts& f, auto, auto) { return f.r.scenario.control.hold_presence; }));
  s.add("control.national.held.<kind>", "share", T::real,
        "share of the land cells held by factions of the kind, on the last day", {Over::kind},
        real([](const RunFacts& f, std::size_t k, auto) { return f.national_share(true, k); }),
        after_a_day);
  s.add("control.national.contested.<kind>", "share", T::real,
        "share of the land cells contested by factions of the kind, on the last day", {Over::kind},
        real([](const RunFacts& f, std::size_t k, auto) { return f.national_share(false, k); }),
        after_a_day);
  s.group("control.held_by_faction", T::empty_object, "land held by each faction", {}, after_a_day);
  s.add("control.held_by_faction.<faction>", "share", T::real,
        "share of the land cells held by the faction, on the last day", {Over::faction},
        real([](const RunFacts& f, std::size_t i, auto) { return f.held_by_faction_share(i); }),
        after_a_day);
  s.add("control.by_region.<region>.held.<kind>", "share", T::real,
        "share of the region's land cells held by factions of the kind, on the last day",
        {Over::region, Over::kind}, real([](const RunFacts& f, std::size_t g, std::size_t k) {
          return f.region_share(true, g, k);
        }),
        after_a_day);
  s.add("control.by_region.<region>.contested.<kind>", "share", T::real,
        "share of the region's land cells contested by factions of the kind, on the last day",
        {Over::region, Over::kind}, real([](const RunFacts& f, std::size_t g, std::size_t k) {
          return f.region_share(false, g, k);
        }),
        after_a_day);

  s.add("medevac.requested", "calls", T::count, "medevac calls", {},
        count([](const RunFacts& f, auto, auto) { return f.t.medevac_requested; }));
  s.add("medevac.by_air", "calls", T::count, "medevac calls answered by air", {},
        count([](const RunFacts& f, auto, auto) { return f.t.medevac_by_air; }));
  s.add("medevac.by_road", "calls", T::count, "medevac calls answered by road", {},
        count([](const RunFacts& f, auto, auto) {
          return f.t.medevac_requested - f.t.medevac_by_air;
        }));
  s.add("medevac.wounded", "people", T::count, "wounded evacuated", {},
        count([](const RunFacts& f, auto, auto) { return f.t.medevac_wounded; }));
  s.add("medevac.mean_wait_hours", "hours", T::real, "mean hours to care per call (0 when none)",
        {}, real([](const RunFacts& f, auto, auto) {
          return f.t.medevac_requested > 0
                     ? f.t.medevac_wait_hours / static_cast<double>(f.t.medevac_requested)
                     : 0.0;
        }));
  s.add("medevac.died_of_wounds", "people", T::count, "wounded who died of their wounds", {},
        count([](const RunFacts& f, auto, auto) { return f.died_of_wounds; }));
  s.group("medevac.died_of_wounds_by_faction", T::empty_object,
          "deaths of wounds, by faction (factions with any)");
  s.add("medevac.died_of_wounds_by_faction.<faction>", "people", T::count,
        "the faction's wounded who died of their wounds (factions with any)",
        {Over::wounded_faction}, count([](const RunFacts& f, std::size_t i, auto) {
          return f.t.died_of_wounds_by_faction[i];
        }));

  s.group("operations", T::empty_list, "one entry per scripted operation");
  s.add(
      "operations.<operation>.name", "", T::text, "the operation's name", {Over::operation},
      text([](const RunFacts& f, std::size_t o, auto) { return f.r.scenario.operations[o].name; }));
  s.add("operations.<operation>.incidents", "incidents", T::count,
        "episodes its faction began in its town while it lasted", {Over::operation},
        count([](const RunFacts& f, std::size_t o, auto) { return f.operations[o].incidents; }));
  s.add("operations.<operation>.civilian_deaths", "people", T::count,
        "civilians those episodes killed", {Over::operation},
        count([](const RunFacts& f, std::size_t o, auto) { return f.operations[o].deaths; }));
  s.add("operations.<operation>.peacekeepers_arrived", "", T::flag,
        "whether peacekeepers reached one of those episodes", {Over::operation},
        [](const RunFacts& f, std::size_t o, std::size_t) {
          return OutcomeValue(f.operations[o].first_arrival != never);
        });
  s.add("operations.<operation>.hours_to_first_arrival", "hours", T::optional_real,
        "hours from the operation's first day to the first arrival (null when none)",
        {Over::operation}, [](const RunFacts& f, std::size_t o, std::size_t) {
          return optional(f.operations[o].hours_to_first_arrival);
        });

  // Written only when the scenario has campaigns, so a scenario without them
  // keeps its summary.json as it was.
  const std::vector<Over> campaign{Over::campaign};
  s.group("campaigns", T::empty_object, "one entry per campaign, by name (scenario.campaigns)", {},
          with_campaigns);
  s.add("campaigns.<campaign>.operations", "operations", T::count,
        "its operations that started within the run", campaign,
        count([](const RunFacts& f, std::size_t c, auto) { return f.campaigns[c].operations; }));
  s.add("campaigns.<campaign>.incidents", "incidents", T::count,
        "episodes its faction began in the towns of its operations while they lasted", campaign,
        count([](const RunFacts& f, std::size_t c, auto) { return f.campaigns[c].incidents; }));
  s.add("campaigns.<campaign>.civilian_deaths", "people", T::count,
        "civilians those episodes killed", campaign,
        count([](const RunFacts& f, std::size_t c, auto) { return f.campaigns[c].deaths; }));
  s.add("campaigns.<campaign>.civilian_deaths_in_regions", "people", T::count,
        "civilians killed in episodes its faction began in its regions, on its operations or "
        "not, from its first day to the end of its last operation",
        campaign, count([](const RunFacts& f, std::size_t c, auto) {
          return f.campaigns[c].deaths_in_regions;
        }));

  s.add("accord.collapsed", "", T::flag, "whether the accord collapsed", {},
        [](const RunFacts& f, std::size_t, std::size_t) {
          return OutcomeValue(f.r.accord_collapse_day >= 0);
        });
  s.add("accord.collapse_date", "date", T::optional_text, "the day it collapsed (null if not)", {},
        [](const RunFacts& f, std::size_t, std::size_t) {
          return f.r.accord_collapse_day >= 0
                     ? OutcomeValue(f.date(static_cast<std::uint32_t>(f.r.accord_collapse_day)))
                     : OutcomeValue(Null{});
        });
  s.add("accord.tension_end", "index", T::real, "the accord's tension at the end", {},
        real([](const RunFacts& f, auto, auto) { return f.r.accord_tension; }));

  s.add("recruitment.total", "fighters", T::count, "fighters recruited by jihadist factions", {},
        count([](const RunFacts& f, auto, auto) { return f.recruits; }));
  s.group("recruitment.by_faction", T::empty_object, "recruits, by jihadist faction");
  s.add("recruitment.by_faction.<faction>", "fighters", T::count,
        "fighters the jihadist faction recruited", {Over::jihadist_faction},
        count([](const RunFacts& f, std::size_t i, auto) { return f.t.recruits_by_faction[i]; }));
  s.add("ied_attacks", "strikes", T::count, "IED strikes", {},
        count([](const RunFacts& f, auto, auto) { return f.t.ied_attacks; }));
  s.add("peacekeeper_deaths.ied", "people", T::count, "peacekeepers killed by IEDs", {},
        count([](const RunFacts& f, auto, auto) { return f.peacekeeper_ied; }));
  s.add("peacekeeper_deaths.combat", "people", T::count, "peacekeepers killed in combat", {},
        count([](const RunFacts& f, auto, auto) { return f.peacekeeper_combat; }));
  s.add("peacekeeper_deaths.died_of_wounds", "people", T::count,
        "peacekeepers who died of their wounds", {},
        count([](const RunFacts& f, auto, auto) { return f.peacekeeper_wounds; }));
  s.add("incidents.violence_against_civilians", "events", T::count,
        "violence events (episode-days, as ACLED records them)", {},
        count([](const RunFacts& f, auto, auto) { return f.t.violence_events; }));
  s.add("incidents.violent_episodes", "episodes", T::count, "violent episodes", {},
        count([](const RunFacts& f, auto, auto) { return f.t.violent_episodes; }));
  s.add("incidents.ultimatums", "episodes", T::count,
        "orders to leave a village given instead of a violent episode (ultimatums)", {},
        count([](const RunFacts& f, auto, auto) { return f.t.ultimatums; }));
  s.add("incidents.battles", "events", T::count, "battle events", {},
        count([](const RunFacts& f, auto, auto) { return f.t.battles; }));
  s.add("incidents.explosions", "events", T::count, "explosion events (IED strikes merged)", {},
        count([](const RunFacts& f, auto, auto) { return f.t.explosions; }));
  s.add("infrastructure_destroyed.<infrastructure>", "pieces", T::count,
        "infrastructure destroyed, by type", {Over::infrastructure},
        count([](const RunFacts& f, std::size_t k, auto) {
          return f.t.infrastructure_destroyed[k];
        }));

  s.add("partners.operation_days", "unit-days", T::count,
        "unit-days of partners' counter-terrorism operations", {},
        count([](const RunFacts& f, auto, auto) { return f.partner_hunt_days; }));
  s.add("partners.enemies_killed", "fighters", T::count,
        "the other side's losses in every battle a partner unit fought", {},
        count([](const RunFacts& f, auto, auto) { return f.partner_enemies_killed; }));
  s.add("partners.helicopters_mean", "helicopters", T::real,
        "the responder's helicopters on hand on an average day", {},
        real([](const RunFacts& f, auto, auto) {
          return static_cast<double>(f.t.helicopter_days) / std::max<std::uint32_t>(f.days, 1);
        }));

  s.add("peacekeepers.troops_mean", "troops", T::real,
        "the responder's troops in the country (units' strength) on an average day", {},
        real([](const RunFacts& f, auto, auto) {
          return static_cast<double>(f.t.responder_troop_days) / std::max<std::uint32_t>(f.days, 1);
        }));
  s.add("peacekeepers.bases_mean", "bases", T::real,
        "the responder's open bases (camps and temporary bases) on an average day", {},
        real([](const RunFacts& f, auto, auto) {
          return static_cast<double>(f.t.responder_base_days) / std::max<std::uint32_t>(f.days, 1);
        }));

  s.add("focus.regions", "", T::text, "the focus regions (outputs.focus_regions), joined by +", {},
        text([](const RunFacts& f, auto, auto) { return f.focus->names; }), with_focus);
  s.add("focus.civilian_deaths.total", "people", T::count, "civilians killed in the focus regions",
        {}, count([](const RunFacts& f, auto, auto) { return f.focus->deaths; }), with_focus);
  s.add("focus.civilian_deaths.by_perpetrator_kind.<kind>", "people", T::count,
        "civilians killed there by factions of a kind (from the incidents); crossfire: the rest",
        {Over::perpetrator}, count([](const RunFacts& f, std::size_t k, auto) {
          return f.focus->deaths_by_perpetrator[k];
        }),
        with_focus);
  s.add("focus.jihadist_held_mean", "share", T::real,
        "share of the focus regions' land held by jihadists, averaged over the days", {},
        real([](const RunFacts& f, auto, auto) { return f.focus->jihadist_held_mean; }),
        with_focus);
  s.add("focus.jihadist_contested_mean", "share", T::real,
        "share of the focus regions' land contested by jihadists, averaged over the days", {},
        real([](const RunFacts& f, auto, auto) { return f.focus->jihadist_contested_mean; }),
        with_focus);
  s.add("focus.peacekeeper_ied_deaths", "people", T::count,
        "IED deaths of the mission's vehicles in the focus regions", {},
        count([](const RunFacts& f, auto, auto) { return f.focus->peacekeeper_ied_deaths; }),
        with_focus);
  add_protection(
      s, "focus.protection.", {},
      [](const RunFacts& f, std::size_t) -> const ProtectionFigures& {
        return f.focus->protection;
      },
      with_focus, " (incidents in the focus regions)");

  const std::vector<Over> window{Over::window};
  s.add(
      "windows.<window>.from", "date", T::text, "the window's first day within the run", window,
      text([](const RunFacts& f, std::size_t w, auto) { return f.date(f.windows[w].first_day); }));
  s.add("windows.<window>.to", "date", T::text, "the window's last day within the run", window,
        text([](const RunFacts& f, std::size_t w, auto) { return f.date(f.windows[w].last_day); }));
  s.add("windows.<window>.days", "days", T::count, "days of the window within the run", window,
        count([](const RunFacts& f, std::size_t w, auto) {
          return f.windows[w].last_day - f.windows[w].first_day + 1;
        }));
  s.add("windows.<window>.civilian_deaths.total", "people", T::count,
        "civilians killed within the window, violence and crossfire", window,
        count([](const RunFacts& f, std::size_t w, auto) { return f.windows[w].deaths; }));
  s.add("windows.<window>.civilian_deaths.by_perpetrator_kind.<kind>", "people", T::count,
        "civilians killed within the window by factions of a kind; crossfire: in battles",
        {Over::window, Over::perpetrator},
        count([](const RunFacts& f, std::size_t w, std::size_t k) {
          return f.windows[w].deaths_by_perpetrator[k];
        }));
  s.group("windows.<window>.civilian_deaths.by_faction", T::empty_object,
          "civilians killed within the window, by faction", window);
  s.add("windows.<window>.civilian_deaths.by_faction.<faction>", "people", T::count,
        "civilians killed within the window by the faction's violence",
        {Over::window, Over::faction}, count([](const RunFacts& f, std::size_t w, std::size_t i) {
          return f.windows[w].deaths_by_faction[i];
        }));
  s.add("windows.<window>.civilian_deaths.by_region.<region>", "people", T::count,
        "civilians killed within the window in the region", {Over::window, Over::region},
        count([](const RunFacts& f, std::size_t w, std::size_t g) {
          return f.windows[w].deaths_by_region[g];
        }));
  s.add("windows.<window>.civilians_abducted.total", "people", T::count,
        "civilians abducted or disappeared within the window", window,
        count([](const RunFacts& f, std::size_t w, auto) { return f.windows[w].abducted; }));
  s.add("windows.<window>.civilians_abducted.by_perpetrator_kind.<kind>", "people", T::count,
        "civilians abducted or disappeared within the window by factions of a kind",
        {Over::window, Over::kind}, count([](const RunFacts& f, std::size_t w, std::size_t k) {
          return f.windows[w].abducted_by_kind[k];
        }));
  s.add(
      "windows.<window>.combatant_deaths", "people", T::count,
      "combatants killed in combat within the window", window,
      count([](const RunFacts& f, std::size_t w, auto) { return f.windows[w].combatant_deaths; }));
  s.add("windows.<window>.peacekeeper_ied_deaths", "people", T::count,
        "peacekeepers killed by IEDs within the window", window,
        count([](const RunFacts& f, std::size_t w, auto) {
          return f.windows[w].peacekeeper_ied_deaths;
        }));
  s.add("windows.<window>.incidents.violence_against_civilians", "events", T::count,
        "violence events within the window", window,
        count([](const RunFacts& f, std::size_t w, auto) { return f.windows[w].violence_events; }));
  s.add("windows.<window>.incidents.battles", "events", T::count, "battle events within the window",
        window, count([](const RunFacts& f, std::size_t w, auto) { return f.windows[w].battles; }));
  s.add("windows.<window>.incidents.explosions", "events", T::count,
        "explosion events within the window", window,
        count([](const RunFacts& f, std::size_t w, auto) { return f.windows[w].explosions; }));
  s.add("windows.<window>.infrastructure_destroyed", "pieces", T::count,
        "infrastructure destroyed within the window", window,
        count([](const RunFacts& f, std::size_t w, auto) {
          return f.windows[w].infrastructure_destroyed;
        }));
  s.add("windows.<window>.displaced_start", "people", T::count,
        "people displaced on the window's first day", window,
        count([](const RunFacts& f, std::size_t w, auto) { return f.windows[w].displaced_start; }));
  s.add("windows.<window>.displaced_end", "people", T::count,
        "people displaced on the window's last day", window,
        count([](const RunFacts& f, std::size_t w, auto) { return f.windows[w].displaced_end; }));
  s.add("windows.<window>.displaced_peak", "people", T::count,
        "most people displaced on one day of the window", window,
        count([](const RunFacts& f, std::size_t w, auto) { return f.windows[w].displaced_peak; }));
  add_protection(
      s, "windows.<window>.protection.", window,
      [](const RunFacts& f, std::size_t w) -> const ProtectionFigures& {
        return f.windows[w].protection;
      },
      nullptr, " (incidents begun within the window)");
  return s.list();
}

// The daily series' columns after date, day and region.
struct SeriesColumn {
  OutcomeInfo info;
  std::function<double(const RegionDay&, const ProtectionDay&, double cells)> value;
};

std::vector<SeriesColumn> series_columns() {
  using T = OutcomeType;
  std::vector<SeriesColumn> c;
  auto region = [&](const char* name, const char* unit, const char* doc, auto get) {
    c.push_back({{name, unit, T::count, doc, true},
                 [get](const RegionDay& r, const ProtectionDay&, double) {
                   return static_cast<double>(get(r));
                 }});
  };
  auto protection = [&](const char* name, const char* unit, T type, const char* doc, auto get) {
    c.push_back(
        {{name, unit, type, doc, true}, [get](const RegionDay&, const ProtectionDay& p, double) {
           return static_cast<double>(get(p));
         }});
  };
  region("civilian_deaths", "people", "civilians killed that day in the region",
         [](const RegionDay& r) { return r.civilian_deaths; });
  region("violence_events", "events", "violence events",
         [](const RegionDay& r) { return r.violence_events; });
  region("battles", "events", "battle events", [](const RegionDay& r) { return r.battles; });
  region("combatant_deaths", "people", "combatants killed in combat and by IEDs",
         [](const RegionDay& r) { return r.combatant_deaths; });
  region("infrastructure_destroyed", "pieces", "infrastructure destroyed",
         [](const RegionDay& r) { return r.infrastructure_destroyed; });
  region("displaced", "people", "people of the region displaced (by home region), that day",
         [](const RegionDay& r) { return r.displaced; });
  region("at_home", "people", "people at home in the region, that day",
         [](const RegionDay& r) { return r.at_home; });
  protection("incidents", "incidents", T::count, "incidents begun",
             [](const ProtectionDay& p) { return p.incidents; });
  protection("detected", "incidents", T::count, "incidents detected",
             [](const ProtectionDay& p) { return p.detected; });
  protection("detection_hours", "hours", T::real, "summed hours from onset of those detected",
             [](const ProtectionDay& p) { return p.detection_hours; });
  protection("reached", "incidents", T::count, "arrivals",
             [](const ProtectionDay& p) { return p.reached; });
  protection("reached_within_24h", "incidents", T::count, "arrivals within 24 h of onset",
             [](const ProtectionDay& p) { return p.reached_within_24h; });
  protection("flights_requested", "flights", T::count, "response flights requested",
             [](const ProtectionDay& p) { return p.flights_requested; });
  protection("flights_refused", "flights", T::count, "response flights refused",
             [](const ProtectionDay& p) { return p.flights_refused; });
  protection("investigations_done", "incidents", T::count, "investigations done",
             [](const ProtectionDay& p) { return p.investigations_done; });
  protection("investigations_blocked", "incidents", T::count, "investigations blocked",
             [](const ProtectionDay& p) { return p.investigations_blocked; });
  region("medevac_requested", "calls", "medevac calls",
         [](const RegionDay& r) { return r.medevac_requested; });
  region("medevac_wounded", "people", "wounded evacuated",
         [](const RegionDay& r) { return r.medevac_wounded; });
  c.push_back(
      {{"medevac_wait_hours", "hours", T::real, "summed hours to care of the calls", true},
       [](const RegionDay& r, const ProtectionDay&, double) { return r.medevac_wait_hours; }});
  region("died_of_wounds", "people", "wounded who died of their wounds",
         [](const RegionDay& r) { return r.died_of_wounds; });
  for (const bool held : {true, false})
    for (std::size_t k = 0; k < scenario::faction_kind_count; ++k)
      c.push_back({{std::string(held ? "held_" : "contested_") +
                        std::string(scenario::faction_kind_names[k]),
                    "share", T::real,
                    std::string("share of the region's land cells ") +
                        (held ? "held" : "contested") + " by factions of the kind, end of the day",
                    true},
                   [held, k](const RegionDay& r, const ProtectionDay&, double cells) {
                     return (held ? r.held[k] : r.contested[k]) / cells;
                   }});
  // Added after the others (issue 23), so that no column before it moved.
  region("civilians_abducted", "people", "civilians abducted or disappeared",
         [](const RegionDay& r) { return r.civilians_abducted; });
  return c;
}

const std::vector<Declaration>& declarations() {
  static const std::vector<Declaration> list = summary_declarations();
  return list;
}

const std::vector<SeriesColumn>& columns() {
  static const std::vector<SeriesColumn> list = series_columns();
  return list;
}

// The values a placeholder takes in this run, with the text that replaces it.
std::vector<std::pair<std::size_t, std::string>> expansion(const RunFacts& f, Over over) {
  std::vector<std::pair<std::size_t, std::string>> out;
  const auto& r = f.r;
  switch (over) {
    case Over::region:
      for (std::size_t g = 0; g < r.world->places.region_names.size(); ++g)
        out.emplace_back(g, r.world->places.region_names[g]);
      break;
    case Over::faction:
    case Over::wounded_faction:
    case Over::jihadist_faction:
      for (std::size_t i = 0; i < r.faction_names.size(); ++i)
        if ((over != Over::wounded_faction || f.t.died_of_wounds_by_faction[i] > 0) &&
            (over != Over::jihadist_faction || r.faction_kinds[i] == FactionKind::jihadist))
          out.emplace_back(i, r.faction_names[i]);
      break;
    case Over::kind:
    case Over::perpetrator:
      for (std::size_t k = 0; k < scenario::faction_kind_count; ++k)
        out.emplace_back(k, std::string(scenario::faction_kind_names[k]));
      if (over == Over::perpetrator) out.emplace_back(scenario::faction_kind_count, "crossfire");
      break;
    case Over::infrastructure:
      for (int k = 0; k < world::infrastructure_kinds; ++k)
        out.emplace_back(static_cast<std::size_t>(k), world::infrastructure_names[k]);
      break;
    case Over::operation:
      for (std::size_t o = 0; o < r.scenario.operations.size(); ++o)
        out.emplace_back(o, std::to_string(o));
      break;
    case Over::window:
      for (std::size_t w = 0; w < f.windows.size(); ++w) out.emplace_back(w, f.windows[w].name);
      break;
    case Over::campaign:
      for (std::size_t c = 0; c < f.campaigns.size(); ++c)
        out.emplace_back(c, r.scenario.campaigns[c].name);
      break;
  }
  return out;
}

std::vector<std::string> split(const std::string& name) {
  std::vector<std::string> keys;
  std::string key;
  for (char c : name) {
    if (c == '.') {
      keys.push_back(key);
      key.clear();
    } else {
      key += c;
    }
  }
  keys.push_back(key);
  return keys;
}

// Every entry a declaration gives in this run, its placeholders expanded.
void expand(const RunFacts& f, const Declaration& d, std::vector<SummaryEntry>& out) {
  if (d.when && !d.when(f)) return;
  const std::vector<std::string> pattern = split(d.info.name);
  std::vector<std::vector<std::pair<std::size_t, std::string>>> values;
  for (Over o : d.over) values.push_back(expansion(f, o));
  std::vector<std::size_t> at(values.size(), 0);
  for (const auto& v : values)
    if (v.empty()) return;  // nothing to expand over
  auto emit = [&]() {
    SummaryEntry e;
    e.type = d.info.type;
    std::size_t next = 0;
    std::size_t index[2] = {0, 0};
    for (std::size_t k = 0; k < pattern.size(); ++k) {
      const std::string& key = pattern[k];
      if (key.size() > 2 && key.front() == '<' && key.back() == '>') {
        const auto& [i, name] = values[next][at[next]];
        if (next < 2) index[next] = i;
        if (d.over[next] == Over::operation) e.list_keys |= 1u << e.keys.size();
        e.keys.push_back(name);
        ++next;
      } else {
        e.keys.push_back(key);
      }
    }
    if (d.value) e.value = d.value(f, index[0], index[1]);  // a group has no value
    out.push_back(std::move(e));
  };
  // Odometer over the placeholders, the first slowest.
  while (true) {
    emit();
    std::size_t k = values.size();
    while (k > 0) {
      --k;
      if (++at[k] < values[k].size()) break;
      at[k] = 0;
      if (k == 0) return;
    }
    if (values.empty()) return;
  }
}

DailySeries daily_series(const RunFacts& f) {
  DailySeries s;
  const auto& r = f.r;
  const auto& regions = r.world->places.region_names;
  for (const SeriesColumn& c : columns()) {
    s.columns.push_back(c.info.name);
    s.types.push_back(c.info.type);
  }
  s.values.resize(columns().size());
  s.region_names = regions;
  const auto& rows = r.recorder.region_days();
  for (std::uint32_t d = 0; d < f.days; ++d)
    for (std::size_t g = 0; g < regions.size(); ++g) {
      s.dates.push_back(r.scenario.scenario.start_date.plus_days(d));
      s.days.push_back(d);
      s.regions.push_back(regions[g]);
      const RegionDay& row = rows[d * regions.size() + g];
      const ProtectionDay& p = f.protection_days[d * regions.size() + g];
      const double cells =
          static_cast<double>(std::max<std::size_t>(r.world->region_cells[g].size(), 1));
      for (std::size_t c = 0; c < columns().size(); ++c)
        s.values[c].push_back(columns()[c].value(row, p, cells));
    }
  return s;
}

}  // namespace

const std::vector<OutcomeInfo>& outcome_list() {
  static const std::vector<OutcomeInfo> list = [] {
    std::vector<OutcomeInfo> out;
    for (const Declaration& d : declarations())
      if (d.value) out.push_back(d.info);
    for (const SeriesColumn& c : columns()) out.push_back(c.info);
    return out;
  }();
  return list;
}

const OutcomeInfo* summary_outcome_info(std::string_view name) {
  auto parts = [](std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
      const std::size_t dot = text.find('.', start);
      out.push_back(text.substr(start, dot == std::string_view::npos ? dot : dot - start));
      if (dot == std::string_view::npos) return out;
      start = dot + 1;
    }
  };
  const std::vector<std::string_view> wanted = parts(name);
  for (const OutcomeInfo& o : outcome_list()) {
    if (o.daily) continue;
    const std::vector<std::string_view> pattern = parts(o.name);
    if (pattern.size() != wanted.size()) continue;
    bool same = true;
    for (std::size_t i = 0; same && i < pattern.size(); ++i)
      same = pattern[i] == wanted[i] || (pattern[i].starts_with('<') && pattern[i].ends_with('>'));
    if (same) return &o;
  }
  return nullptr;
}

std::string outcome_list_markdown() {
  std::ostringstream out;
  out << "| outcome | file | type | unit | meaning |\n|---|---|---|---|---|\n";
  for (const OutcomeInfo& o : outcome_list())
    out << "| `" << o.name << "` | " << (o.daily ? "timeseries.csv" : "summary.json") << " | "
        << to_string(o.type) << " | " << o.unit << " | " << o.doc << " |\n";
  return out.str();
}

Outcomes collect_outcomes(RunResult result) {
  auto run = std::make_shared<const RunResult>(std::move(result));
  const RunFacts facts(*run);
  std::vector<SummaryEntry> summary;
  for (const Declaration& d : declarations()) expand(facts, d, summary);
  DailySeries series = daily_series(facts);
  return Outcomes(std::move(run), std::move(summary), std::move(series));
}

}  // namespace pocsim
