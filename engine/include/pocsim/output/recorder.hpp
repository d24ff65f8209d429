// SPDX-License-Identifier: Apache-2.0
#pragma once
// Collects what a run produced: violent events (one per episode and day, one
// per battle, cell and day, as ACLED records them), the strategic
// developments (infrastructure destroyed, towns changing hands, bases opened
// and handed over), daily figures per region, and totals. Systems report to
// it from serial phases; events of a day are ordered by a fixed key when the
// day closes, so their order never depends on the order systems ran in.
#include <array>
#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

#include "pocsim/output/incident.hpp"
#include "pocsim/scenario/sections/common.hpp"
#include "pocsim/world/grid.hpp"

namespace pocsim {

// The violent kinds first: a day's events are ordered by kind, and the
// strategic developments (which count in no daily figure) come after.
enum class EventKind : std::uint8_t {
  violence_against_civilians,
  battle,
  explosion,
  abduction,             // civilians abducted at an episode's start
  property_destruction,  // infrastructure destroyed in a violent episode
  territory_overtaken,   // an armed group took a town from the state's side
  territory_regained,    // the state's side took a town back from an armed group
  base_established,      // a base opened on its date
  base_transferred,      // a camp handed over to another faction
};

inline constexpr std::int32_t civilians_actor = -1;
inline constexpr std::int32_t unidentified_actor = -2;
inline constexpr std::int32_t no_actor = -3;

// A town changes hands in events.csv once its new holder has held its cell
// without a break for this many days: the mission's and ACLED's sources
// report a town taken when the taker stays, not a patrol passing through.
inline constexpr std::uint32_t territory_change_min_days = 7;

// Which side holds a town's cell today (control.hold_presence, no hostile
// faction as strong): the state and its allies, armed groups (jihadists,
// signatories), or neither (contested, empty, foreign forces alone, or both
// sides without fighting).
enum class TownSide : std::uint8_t { none, state, armed_group };

struct EventRecord {
  std::uint32_t id = 0;  // 1-based, in order of the events file
  std::uint32_t day = 0;
  EventKind kind = EventKind::violence_against_civilians;
  std::int32_t actor1 = 0;  // faction index
  std::int32_t actor2 = civilians_actor;
  world::CellId cell = 0;
  std::uint32_t episode = 0;              // violence: the episode; battle: 0
  std::uint32_t fatalities = 0;           // everybody killed
  std::uint32_t civilian_fatalities = 0;  // civilians among them
  std::uint32_t abducted = 0;             // abduction: civilians taken
  // property_destruction: bit k for each Infrastructure kind k destroyed;
  // territory changes: days the new holder had held the town; bases: the town.
  std::uint32_t detail = 0;
};

struct RegionDay {
  std::uint32_t civilian_deaths = 0;
  std::uint32_t violence_events = 0;
  std::uint32_t battles = 0;
  std::uint32_t explosions = 0;
  std::uint32_t combatant_deaths = 0;
  std::uint32_t infrastructure_destroyed = 0;
  std::uint32_t civilians_abducted = 0;
  std::int64_t displaced = 0;
  std::int64_t at_home = 0;
  std::uint32_t medevac_requested = 0;
  std::uint32_t medevac_wounded = 0;
  double medevac_wait_hours = 0.0;  // summed over the day's medevac calls
  std::uint32_t died_of_wounds = 0;
  // Land cells of the region held / contested by some faction of each kind,
  // at the end of the day (scenario::FactionKind order).
  std::array<std::uint32_t, scenario::faction_kind_count> held{};
  std::array<std::uint32_t, scenario::faction_kind_count> contested{};
};

struct RunTotals {
  std::vector<std::int64_t> civilian_deaths_by_faction;  // violence by the faction
  std::int64_t crossfire_deaths = 0;
  std::vector<std::int64_t> civilian_deaths_by_region;
  std::vector<std::int64_t> combatant_deaths_by_faction;
  std::vector<std::int64_t> enemies_killed_by_faction;  // the other side's losses in its battles
  std::vector<std::int64_t> hunt_days_by_faction;       // unit-days on counter-terrorism operations
  std::vector<std::int64_t> infrastructure_destroyed;   // by Infrastructure kind
  std::vector<std::int64_t> abducted_by_faction;
  std::vector<std::int64_t> abducted_by_region;
  std::int64_t abductees_released = 0;
  std::int64_t abductees_killed = 0;
  std::int64_t violent_episodes = 0;  // an episode over several days is several events
  std::int64_t ultimatums = 0;        // episodes that were orders to leave instead
  std::int64_t violence_events = 0;
  std::int64_t battles = 0;
  std::int64_t explosions = 0;       // event-days of IED strikes
  std::int64_t displaced_start = 0;  // the stock on the first day recorded
  std::int64_t displaced_peak = 0;
  std::int64_t displaced_end = 0;
  std::int64_t at_home_end = 0;
  std::vector<std::int64_t> ied_deaths_by_faction;
  std::vector<std::int64_t> recruits_by_faction;
  std::int64_t ied_attacks = 0;
  std::int64_t medevac_requested = 0;
  std::int64_t medevac_by_air = 0;
  std::int64_t medevac_wounded = 0;
  double medevac_wait_hours = 0.0;
  std::vector<std::int64_t> died_of_wounds_by_faction;
  std::vector<std::int64_t> held_cells_by_faction;  // land cells held, on the last day recorded
  std::int64_t helicopter_days = 0;       // the responder's flyable helicopters, summed over days
  std::int64_t responder_troop_days = 0;  // the responder's deployed troops, summed over days
  std::int64_t responder_base_days = 0;   // the responder's open bases, summed over days
};

class Recorder {
 public:
  Recorder() = default;
  Recorder(const std::vector<std::int16_t>* cell_region, std::size_t regions, std::size_t factions);

  void violence(std::uint32_t day, std::uint32_t episode, std::uint16_t faction, world::CellId cell,
                std::uint32_t civilian_deaths);
  void battle(std::uint32_t day, world::CellId cell, std::uint16_t a, std::uint16_t b,
              std::uint32_t losses_a, std::uint32_t losses_b, std::uint32_t civilian_deaths);
  // A piece of infrastructure of `kind` destroyed in a violent episode of `faction`.
  void infrastructure_destroyed(std::uint32_t day, world::CellId cell, int kind,
                                std::uint16_t faction);
  // Today's holder of each town (called once a day, towns in order): the
  // side and the faction of that side most present in its cell (or no_actor).
  void town_held(int town, world::CellId cell, TownSide side, std::int32_t holder);
  void base_established(std::uint32_t day, world::CellId cell, std::uint16_t faction, int town);
  void base_transferred(std::uint32_t day, world::CellId cell, std::uint16_t from, std::uint16_t to,
                        int town);
  // Civilians abducted by `faction` at the start of an episode, and how many
  // of them are later released and killed.
  void abduction(std::uint32_t day, std::uint32_t episode, std::uint16_t faction,
                 world::CellId cell, std::uint32_t abducted, std::uint32_t released,
                 std::uint32_t killed);
  void episode_started() { ++totals_.violent_episodes; }
  void ultimatum_issued() { ++totals_.ultimatums; }
  void hunt_day(std::uint16_t faction) { ++totals_.hunt_days_by_faction[faction]; }
  void helicopters_on_hand(int helicopters) { totals_.helicopter_days += helicopters; }
  void responder_footprint(std::int64_t troops, std::int64_t bases) {
    totals_.responder_troop_days += troops;
    totals_.responder_base_days += bases;
  }
  void recruited(std::uint16_t faction, std::uint32_t fighters) {
    totals_.recruits_by_faction[faction] += fighters;
  }

  // Incidents are numbered like the episodes they describe.
  Incident& open_incident(const Incident& incident) {
    incidents_.push_back(incident);
    return incidents_.back();
  }
  Incident& incident(std::uint32_t episode) { return incidents_[episode]; }
  const std::vector<Incident>& incidents() const { return incidents_; }
  // An IED strike on a vehicle of `victim`, laid by `layer` (or unidentified_actor).
  void ied_strike(std::uint32_t day, world::CellId cell, std::int32_t layer, std::uint16_t victim,
                  std::uint32_t deaths);

  // A medevac call for `wounded` of `faction` hurt in `cell`, evacuated after
  // `wait_hours` (by air or road), of whom `died` died of their wounds.
  void medevac(world::CellId cell, std::uint16_t faction, std::uint32_t wounded, bool by_air,
               double wait_hours, std::uint32_t died);
  // The day's control of territory: cells held and contested, regions x kinds
  // (region-major), and cells held by each faction.
  void control(const std::vector<std::uint32_t>& held, const std::vector<std::uint32_t>& contested,
               const std::vector<std::uint32_t>& held_by_faction);

  // Closes a day: orders and numbers its events, stores the region rows.
  void end_of_day(std::uint32_t day, const std::vector<std::int64_t>& displaced_by_region,
                  const std::vector<std::int64_t>& at_home_by_region);

  const std::vector<EventRecord>& events() const { return events_; }
  // days_recorded() x regions rows, day-major.
  const std::vector<RegionDay>& region_days() const { return region_days_; }
  std::uint32_t days_recorded() const { return days_recorded_; }
  const RunTotals& totals() const { return totals_; }
  std::size_t regions() const { return regions_; }

 private:
  int region_of(world::CellId cell) const { return (*cell_region_)[cell]; }
  RegionDay& today(world::CellId cell) { return pending_rows_[region_of(cell)]; }
  EventRecord& pending(std::uint32_t day, EventKind kind, world::CellId cell, std::int32_t actor1,
                       std::int32_t actor2, std::uint32_t episode);

  const std::vector<std::int16_t>* cell_region_ = nullptr;
  std::size_t regions_ = 0;
  // kind, cell, actor1, actor2, episode -> event of the current day
  std::map<std::tuple<int, std::uint32_t, std::int32_t, std::int32_t, std::uint32_t>, EventRecord>
      pending_events_;
  std::vector<RegionDay> pending_rows_;
  std::vector<EventRecord> events_;
  std::vector<Incident> incidents_;
  std::vector<RegionDay> region_days_;
  std::uint32_t days_recorded_ = 0;
  RunTotals totals_;
  // Per town: the side last reported as holding it, and the run of days of
  // another side that may become a change of control.
  struct TownWatch {
    TownSide side = TownSide::none;  // none until a side first holds it
    std::int32_t holder = no_actor;
    TownSide challenger = TownSide::none;
    std::int32_t challenger_holder = no_actor;
    std::uint32_t challenger_days = 0;
  };
  std::vector<TownWatch> towns_;
};

}  // namespace pocsim
