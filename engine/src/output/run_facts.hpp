// SPDX-License-Identifier: Apache-2.0
#pragma once
// The figures of a finished run that its outcomes are computed from, worked
// out once: totals summed over factions, the protection figures of every set
// of incidents the summary reports, control on the last day, the focus
// regions, the scripted operations, the daily protection rows. Private to the
// output module (output/outcome_list.cpp reads it).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pocsim/simulation.hpp"

namespace pocsim {

// The protection figures of a set of incidents.
struct ProtectionFigures {
  std::int64_t incidents = 0, deaths = 0, reachable = 0, reachable_deaths = 0, detected = 0,
               declined = 0, reached = 0, within_6h = 0, within_24h = 0, stopped = 0, air = 0,
               ground = 0, requested = 0, authorised = 0, refused = 0;
  double wait_hours = 0.0;
  std::array<std::int64_t, 5> investigations{};  // by InvestigationOutcome
  // Mean, median and 90th percentile (nearest rank); empty when no sample.
  std::array<std::optional<double>, 3> to_detection, to_arrival;

  double share(std::int64_t n) const {
    return incidents > 0 ? static_cast<double>(n) / static_cast<double>(incidents) : 0.0;
  }
  double mean_wait_hours() const {
    return requested > 0 ? wait_hours / static_cast<double>(requested) : 0.0;
  }
  std::int64_t investigation(InvestigationOutcome o) const {
    return investigations[static_cast<std::size_t>(o)];
  }
};

// The protection outcomes of one day and region, by the day each step
// happened: incidents begun, detected (with their detection hours), reached
// (within 24 h of onset or not), flights requested and refused (on the day of
// the request, when the answer is drawn), investigations settled.
struct ProtectionDay {
  std::uint32_t incidents = 0, detected = 0, reached = 0, reached_within_24h = 0,
                flights_requested = 0, flights_refused = 0, investigations_done = 0,
                investigations_blocked = 0;
  double detection_hours = 0.0;
};

// The ticks of the whole run, recorded or not.
std::uint32_t total_ticks(const RunResult& r);

struct OperationFacts {
  std::int64_t incidents = 0, deaths = 0;
  std::uint32_t first_arrival = never;
  std::optional<double> hours_to_first_arrival;
};

// Per campaign (scenario.campaigns): its operations that started within the
// run; the episodes its faction began in the towns of those operations while
// they lasted, and their toll; and the toll of every episode its faction
// began in the campaign's regions from its first day to the end of its last
// operation, on an operation or not (what the campaign adds is this figure
// against the same run without it).
struct CampaignFacts {
  std::int64_t operations = 0, incidents = 0, deaths = 0, deaths_in_regions = 0;
};

struct FocusFacts {
  std::string names;  // joined by +
  std::int64_t deaths = 0;
  std::array<std::int64_t, scenario::faction_kind_count + 1> deaths_by_perpetrator{};
  double jihadist_held_mean = 0.0, jihadist_contested_mean = 0.0;
  std::int64_t peacekeeper_ied_deaths = 0;
  ProtectionFigures protection;
};

// One window of outputs.windows, clipped to the run: what happened from its
// first day to its last.
struct WindowFacts {
  std::string name;
  std::uint32_t first_day = 0, last_day = 0;  // day indices, both included
  std::int64_t deaths = 0;
  std::vector<std::int64_t> deaths_by_region, deaths_by_faction;
  std::array<std::int64_t, scenario::faction_kind_count + 1> deaths_by_perpetrator{};
  std::int64_t violence_events = 0, battles = 0, explosions = 0, combatant_deaths = 0,
               infrastructure_destroyed = 0, peacekeeper_ied_deaths = 0;
  std::int64_t displaced_start = 0, displaced_end = 0, displaced_peak = 0;
  std::int64_t abducted = 0;
  std::array<std::int64_t, scenario::faction_kind_count> abducted_by_kind{};
  ProtectionFigures protection;  // the incidents begun in the window
};

struct RunFacts {
  explicit RunFacts(const RunResult& result);

  const RunResult& r;
  const RunTotals& t;
  std::uint32_t days = 0;
  std::int64_t civilian_deaths = 0, combatant_deaths = 0, ied_deaths = 0, died_of_wounds = 0;
  // By faction kind, then crossfire.
  std::array<std::int64_t, scenario::faction_kind_count + 1> deaths_by_perpetrator{};
  std::int64_t abducted = 0;
  std::array<std::int64_t, scenario::faction_kind_count> abducted_by_kind{};
  ProtectionFigures protection;
  std::vector<ProtectionFigures> protection_by_region, protection_by_kind;
  std::vector<ProtectionDay> protection_days;  // day-major, days x regions
  std::vector<OperationFacts> operations;
  std::vector<CampaignFacts> campaigns;  // as scenario.campaigns
  std::int64_t recruits = 0, peacekeeper_ied = 0, peacekeeper_combat = 0, peacekeeper_wounds = 0;
  std::int64_t partner_hunt_days = 0, partner_enemies_killed = 0;
  std::optional<FocusFacts> focus;
  std::vector<WindowFacts> windows;  // as reported_windows lists them

  std::string date(std::uint32_t day) const;
  // Control on the last day recorded (days > 0).
  double national_share(bool held, std::size_t kind) const;
  double region_share(bool held, std::size_t region, std::size_t kind) const;
  double held_by_faction_share(std::size_t faction) const;

 private:
  RegionDay national_;
};

}  // namespace pocsim
