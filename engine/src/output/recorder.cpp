// SPDX-License-Identifier: Apache-2.0
#include "pocsim/output/recorder.hpp"

#include <algorithm>
#include <numeric>

namespace pocsim {

Recorder::Recorder(const std::vector<std::int16_t>* cell_region, std::size_t regions,
                   std::size_t factions)
    : cell_region_(cell_region), regions_(regions), pending_rows_(regions) {
  totals_.civilian_deaths_by_faction.assign(factions, 0);
  totals_.combatant_deaths_by_faction.assign(factions, 0);
  totals_.enemies_killed_by_faction.assign(factions, 0);
  totals_.hunt_days_by_faction.assign(factions, 0);
  totals_.ied_deaths_by_faction.assign(factions, 0);
  totals_.recruits_by_faction.assign(factions, 0);
  totals_.died_of_wounds_by_faction.assign(factions, 0);
  totals_.held_cells_by_faction.assign(factions, 0);
  totals_.civilian_deaths_by_region.assign(regions, 0);
  totals_.infrastructure_destroyed.assign(4, 0);
  totals_.abducted_by_faction.assign(factions, 0);
  totals_.abducted_by_region.assign(regions, 0);
}

EventRecord& Recorder::pending(std::uint32_t day, EventKind kind, world::CellId cell,
                               std::int32_t actor1, std::int32_t actor2, std::uint32_t episode) {
  auto [it, inserted] =
      pending_events_.try_emplace({static_cast<int>(kind), cell, actor1, actor2, episode});
  if (inserted) it->second = {0, day, kind, actor1, actor2, cell, episode, 0, 0, 0};
  return it->second;
}

void Recorder::violence(std::uint32_t day, std::uint32_t episode, std::uint16_t faction,
                        world::CellId cell, std::uint32_t civilian_deaths) {
  EventRecord& e =
      pending(day, EventKind::violence_against_civilians, cell, faction, civilians_actor, episode);
  e.fatalities += civilian_deaths;
  e.civilian_fatalities += civilian_deaths;
  incidents_[episode].civilian_deaths += civilian_deaths;
  totals_.civilian_deaths_by_faction[faction] += civilian_deaths;
  totals_.civilian_deaths_by_region[region_of(cell)] += civilian_deaths;
  today(cell).civilian_deaths += civilian_deaths;
}

void Recorder::battle(std::uint32_t day, world::CellId cell, std::uint16_t a, std::uint16_t b,
                      std::uint32_t losses_a, std::uint32_t losses_b,
                      std::uint32_t civilian_deaths) {
  // One event per pair of factions, cell and day, whichever side engaged.
  const std::int32_t first = std::min(a, b), second = std::max(a, b);
  EventRecord& e = pending(day, EventKind::battle, cell, first, second, 0);
  e.fatalities += losses_a + losses_b + civilian_deaths;
  e.civilian_fatalities += civilian_deaths;
  totals_.combatant_deaths_by_faction[a] += losses_a;
  totals_.combatant_deaths_by_faction[b] += losses_b;
  totals_.enemies_killed_by_faction[a] += losses_b;
  totals_.enemies_killed_by_faction[b] += losses_a;
  totals_.crossfire_deaths += civilian_deaths;
  totals_.civilian_deaths_by_region[region_of(cell)] += civilian_deaths;
  RegionDay& row = today(cell);
  row.civilian_deaths += civilian_deaths;
  row.combatant_deaths += losses_a + losses_b;
}

void Recorder::ied_strike(std::uint32_t day, world::CellId cell, std::int32_t layer,
                          std::uint16_t victim, std::uint32_t deaths) {
  EventRecord& e =
      pending(day, EventKind::explosion, cell, layer < 0 ? unidentified_actor : layer, victim, 0);
  e.fatalities += deaths;
  ++totals_.ied_attacks;
  totals_.ied_deaths_by_faction[victim] += deaths;
  today(cell).combatant_deaths += deaths;
}

void Recorder::abduction(std::uint32_t day, std::uint32_t episode, std::uint16_t faction,
                         world::CellId cell, std::uint32_t abducted, std::uint32_t released,
                         std::uint32_t killed) {
  pending(day, EventKind::abduction, cell, faction, civilians_actor, episode).abducted += abducted;
  totals_.abducted_by_faction[faction] += abducted;
  totals_.abducted_by_region[region_of(cell)] += abducted;
  totals_.abductees_released += released;
  totals_.abductees_killed += killed;
  today(cell).civilians_abducted += abducted;
}

void Recorder::infrastructure_destroyed(std::uint32_t day, world::CellId cell, int kind,
                                        std::uint16_t faction) {
  ++totals_.infrastructure_destroyed[static_cast<std::size_t>(kind)];
  ++today(cell).infrastructure_destroyed;
  pending(day, EventKind::property_destruction, cell, faction, no_actor, 0).detail |= 1u << kind;
}

void Recorder::town_held(int town, world::CellId cell, TownSide side, std::int32_t holder) {
  if (towns_.size() <= static_cast<std::size_t>(town))
    towns_.resize(static_cast<std::size_t>(town) + 1);
  TownWatch& w = towns_[static_cast<std::size_t>(town)];
  if (side == TownSide::none || side == w.side) {
    // A day without a holder, or with the holding side, breaks a challenger's run.
    w.challenger_days = 0;
    if (side == w.side && side != TownSide::none) w.holder = holder;
    return;
  }
  if (w.side == TownSide::none) {
    // The first side seen holding a town holds it from the start: no event.
    w.side = side;
    w.holder = holder;
    return;
  }
  if (side != w.challenger) w.challenger_days = 0;
  w.challenger = side;
  w.challenger_holder = holder;
  if (++w.challenger_days < territory_change_min_days) return;
  const EventKind kind = side == TownSide::armed_group ? EventKind::territory_overtaken
                                                       : EventKind::territory_regained;
  pending(days_recorded_, kind, cell, holder, w.holder, 0).detail = w.challenger_days;
  w = TownWatch{side, holder, TownSide::none, no_actor, 0};
}

void Recorder::base_established(std::uint32_t day, world::CellId cell, std::uint16_t faction,
                                int town) {
  pending(day, EventKind::base_established, cell, faction, no_actor, 0).detail =
      static_cast<std::uint32_t>(town);
}

void Recorder::base_transferred(std::uint32_t day, world::CellId cell, std::uint16_t from,
                                std::uint16_t to, int town) {
  // The faction that acquires the place is actor1, as in ACLED.
  pending(day, EventKind::base_transferred, cell, to, from, 0).detail =
      static_cast<std::uint32_t>(town);
}

void Recorder::medevac(world::CellId cell, std::uint16_t faction, std::uint32_t wounded,
                       bool by_air, double wait_hours, std::uint32_t died) {
  ++totals_.medevac_requested;
  totals_.medevac_by_air += by_air ? 1 : 0;
  totals_.medevac_wounded += wounded;
  totals_.medevac_wait_hours += wait_hours;
  totals_.died_of_wounds_by_faction[faction] += died;
  RegionDay& row = today(cell);
  ++row.medevac_requested;
  row.medevac_wounded += wounded;
  row.medevac_wait_hours += wait_hours;
  row.died_of_wounds += died;
}

void Recorder::control(const std::vector<std::uint32_t>& held,
                       const std::vector<std::uint32_t>& contested,
                       const std::vector<std::uint32_t>& held_by_faction) {
  constexpr std::size_t kinds = scenario::faction_kind_count;
  for (std::size_t r = 0; r < regions_; ++r)
    for (std::size_t k = 0; k < kinds; ++k) {
      pending_rows_[r].held[k] = held[r * kinds + k];
      pending_rows_[r].contested[k] = contested[r * kinds + k];
    }
  totals_.held_cells_by_faction.assign(held_by_faction.begin(), held_by_faction.end());
}

void Recorder::end_of_day(std::uint32_t day, const std::vector<std::int64_t>& displaced_by_region,
                          const std::vector<std::int64_t>& at_home_by_region) {
  // The map's key order (kind, cell, actors, episode) is the events' order.
  // Bases open and change hands after the day closes, for the next day:
  // those events wait for their own day.
  for (auto it = pending_events_.begin(); it != pending_events_.end();) {
    EventRecord& e = it->second;
    if (e.day > day) {
      ++it;
      continue;
    }
    e.day = day;
    e.id = static_cast<std::uint32_t>(events_.size() + 1);
    RegionDay& row = today(e.cell);
    switch (e.kind) {
      case EventKind::battle:
        ++row.battles;
        ++totals_.battles;
        break;
      case EventKind::explosion:
        ++row.explosions;
        ++totals_.explosions;
        break;
      case EventKind::violence_against_civilians:
        ++row.violence_events;
        ++totals_.violence_events;
        break;
      case EventKind::abduction:  // counted in people (civilians_abducted), not as attacks
      case EventKind::property_destruction:  // counted when destroyed
      case EventKind::territory_overtaken:
      case EventKind::territory_regained:
      case EventKind::base_established:
      case EventKind::base_transferred:
        break;
    }
    events_.push_back(e);
    it = pending_events_.erase(it);
  }
  for (std::size_t r = 0; r < regions_; ++r) {
    pending_rows_[r].displaced = displaced_by_region[r];
    pending_rows_[r].at_home = at_home_by_region[r];
    region_days_.push_back(pending_rows_[r]);
    pending_rows_[r] = RegionDay{};
  }
  const std::int64_t displaced =
      std::accumulate(displaced_by_region.begin(), displaced_by_region.end(), std::int64_t{0});
  if (days_recorded_ == 0) totals_.displaced_start = displaced;
  totals_.displaced_peak = std::max(totals_.displaced_peak, displaced);
  totals_.displaced_end = displaced;
  totals_.at_home_end =
      std::accumulate(at_home_by_region.begin(), at_home_by_region.end(), std::int64_t{0});
  ++days_recorded_;
}

}  // namespace pocsim
