// SPDX-License-Identifier: Apache-2.0
#include "run_facts.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "pocsim/output/reported_windows.hpp"
#include "pocsim/systems/campaigns.hpp"

namespace pocsim {

namespace {

using scenario::FactionKind;

// Mean, median and 90th percentile (nearest rank) of a sample; empty when
// the sample is.
std::array<std::optional<double>, 3> distribution(std::vector<double> values) {
  if (values.empty()) return {};
  std::sort(values.begin(), values.end());
  double sum = 0.0;
  for (double v : values) sum += v;
  auto rank = [&](double q) {
    const auto k = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
    return values[k == 0 ? 0 : k - 1];
  };
  return {sum / static_cast<double>(values.size()), rank(0.5), rank(0.9)};
}

// Adds incidents up into the figures of the protection block.
class ProtectionTally {
 public:
  ProtectionTally(double tick_hours, std::uint32_t end) : tick_hours_(tick_hours), end_(end) {}

  void add(const Incident& i) {
    ProtectionFigures& p = figures_;
    ++p.incidents;
    p.deaths += i.civilian_deaths;
    if (i.reachable) {
      ++p.reachable;
      p.reachable_deaths += i.civilian_deaths;
    }
    if (i.detect_tick < end_) {
      ++p.detected;
      to_detection_.push_back((i.detect_tick - i.onset_tick) * tick_hours_);
    }
    p.declined += i.declined ? 1 : 0;
    p.air += i.mode == ResponseMode::air ? 1 : 0;
    p.ground += i.mode == ResponseMode::ground ? 1 : 0;
    if (i.flight_requested) {
      ++p.requested;
      ++(i.flight_refused ? p.refused : p.authorised);
      p.wait_hours += i.flight_wait_hours;
    }
    const bool settled = i.investigation_tick < end_;
    if (i.investigation != InvestigationOutcome::none)
      ++p.investigations[static_cast<std::size_t>(settled ? i.investigation
                                                          : InvestigationOutcome::pending)];
    if (i.outcome == IncidentOutcome::not_reached) return;
    ++p.reached;
    const double hours = (i.arrival_tick - i.onset_tick) * tick_hours_;
    to_arrival_.push_back(hours);
    p.within_6h += hours <= 6.0 ? 1 : 0;
    p.within_24h += hours <= 24.0 ? 1 : 0;
    p.stopped += i.outcome == IncidentOutcome::stopped ? 1 : 0;
  }

  ProtectionFigures figures() const {
    ProtectionFigures p = figures_;
    p.to_detection = distribution(to_detection_);
    p.to_arrival = distribution(to_arrival_);
    return p;
  }

 private:
  double tick_hours_;
  std::uint32_t end_;
  ProtectionFigures figures_;
  std::vector<double> to_arrival_, to_detection_;
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

// Per scripted operation: the incidents its faction began in its town while
// it lasted, the civilians they killed, and when peacekeepers first arrived.
std::vector<OperationFacts> operation_facts(const RunResult& r) {
  std::vector<OperationFacts> list;
  const auto& w = *r.world;
  const std::int64_t start = r.scenario.scenario.start_date.days_since_epoch();
  const auto ticks_per_day = static_cast<std::uint32_t>(24 / r.scenario.scenario.tick_hours);
  for (const auto& op : r.scenario.operations) {
    const world::CellId cell = w.town_cell[static_cast<std::size_t>(w.places.find_town(op.town))];
    const auto faction = static_cast<std::uint16_t>(
        std::find(r.faction_names.begin(), r.faction_names.end(), op.faction) -
        r.faction_names.begin());
    const std::int64_t first = op.from.days_since_epoch() - start;
    const std::int64_t from = std::max<std::int64_t>(0, first) * ticks_per_day;
    const std::int64_t to = (first + op.days) * ticks_per_day;
    OperationFacts o;
    for (const Incident& i : r.recorder.incidents()) {
      if (i.cell != cell || i.faction != faction || i.onset_tick < from || i.onset_tick >= to)
        continue;
      ++o.incidents;
      o.deaths += i.civilian_deaths;
      if (i.outcome != IncidentOutcome::not_reached)
        o.first_arrival = std::min(o.first_arrival, i.arrival_tick);
    }
    if (o.first_arrival != never)
      o.hours_to_first_arrival =
          static_cast<double>(o.first_arrival - static_cast<std::uint32_t>(from)) *
          r.scenario.scenario.tick_hours;
    list.push_back(o);
  }
  return list;
}

// Per campaign: its operations planned again as the run planned them
// (campaign_operations is a function of the scenario and the world), and the
// incidents of its faction in their towns and in its regions.
std::vector<CampaignFacts> campaign_facts(const RunResult& r) {
  const auto& w = *r.world;
  const auto ticks_per_day = static_cast<std::uint32_t>(24 / r.scenario.scenario.tick_hours);
  const std::int64_t run_start = r.scenario.scenario.start_date.days_since_epoch();
  const std::vector<PlannedOperation> planned = campaign_operations(r.scenario, w);
  std::vector<CampaignFacts> list(r.scenario.campaigns.size());
  for (std::size_t c = 0; c < list.size(); ++c) {
    const scenario::CampaignSection& campaign = r.scenario.campaigns[c];
    CampaignFacts& facts = list[c];
    // [from, to) in ticks, for each of its operations that started
    struct Held {
      world::CellId cell;
      std::int64_t from, to;
    };
    std::vector<Held> held;
    for (const PlannedOperation& op : planned)
      if (op.campaign == static_cast<int>(c) && op.first_day < r.recorder.days_recorded()) {
        ++facts.operations;
        held.push_back({w.town_cell[static_cast<std::size_t>(op.town)],
                        op.first_day * ticks_per_day, (op.first_day + op.days) * ticks_per_day});
      }
    std::vector<std::uint8_t> in_regions(w.places.region_names.size(), 0);
    for (const std::string& name : campaign.regions)
      in_regions[static_cast<std::size_t>(w.places.find_region(name))] = 1;
    const std::int64_t first_tick = (campaign.from.days_since_epoch() - run_start) * ticks_per_day;
    const std::int64_t end_tick =
        (campaign.to.days_since_epoch() - run_start + campaign.days) * ticks_per_day;
    const int faction = faction_index_of(r.scenario, campaign.faction);
    for (const Incident& i : r.recorder.incidents()) {
      if (i.faction != faction) continue;
      const std::int64_t onset = i.onset_tick;
      if (in_regions[static_cast<std::size_t>(w.region[i.cell])] && onset >= first_tick &&
          onset < end_tick)
        facts.deaths_in_regions += i.civilian_deaths;
      if (std::any_of(held.begin(), held.end(), [&](const Held& h) {
            return h.cell == i.cell && onset >= h.from && onset < h.to;
          })) {
        ++facts.incidents;
        facts.deaths += i.civilian_deaths;
      }
    }
  }
  return list;
}

// The focus regions taken together: who killed civilians there, how much of
// their land jihadists held or contested on an average day, how the
// responder protected them, and what IEDs cost the mission there.
FocusFacts focus_facts(const RunResult& r) {
  const auto& w = *r.world;
  FocusFacts focus;
  std::vector<std::uint8_t> in_focus(w.places.region_names.size(), 0);
  for (const std::string& name : r.scenario.outputs.focus_regions) {
    in_focus[static_cast<std::size_t>(w.places.find_region(name))] = 1;
    focus.names += (focus.names.empty() ? "" : "+") + name;
  }
  const RunTotals& t = r.recorder.totals();
  std::size_t land = 0;
  for (std::size_t g = 0; g < in_focus.size(); ++g)
    if (in_focus[g]) {
      focus.deaths += t.civilian_deaths_by_region[g];
      land += w.region_cells[g].size();
    }
  ProtectionTally protection(r.scenario.scenario.tick_hours, total_ticks(r));
  std::int64_t by_violence = 0;
  for (const Incident& i : r.recorder.incidents())
    if (in_focus[static_cast<std::size_t>(w.region[i.cell])]) {
      focus.deaths_by_perpetrator[static_cast<std::size_t>(r.faction_kinds[i.faction])] +=
          i.civilian_deaths;
      by_violence += i.civilian_deaths;
      protection.add(i);
    }
  focus.deaths_by_perpetrator[scenario::faction_kind_count] = focus.deaths - by_violence;
  focus.protection = protection.figures();
  const std::size_t regions = in_focus.size();
  const std::uint32_t days = r.recorder.days_recorded();
  const auto jihadist = static_cast<std::size_t>(FactionKind::jihadist);
  double held = 0.0, contested = 0.0;
  for (std::uint32_t d = 0; d < days; ++d)
    for (std::size_t g = 0; g < regions; ++g)
      if (in_focus[g]) {
        held += r.recorder.region_days()[d * regions + g].held[jihadist];
        contested += r.recorder.region_days()[d * regions + g].contested[jihadist];
      }
  const double cell_days = static_cast<double>(std::max<std::size_t>(land, 1)) *
                           static_cast<double>(std::max<std::uint32_t>(days, 1));
  focus.jihadist_held_mean = held / cell_days;
  focus.jihadist_contested_mean = contested / cell_days;
  for (const EventRecord& e : r.recorder.events())
    if (e.kind == EventKind::explosion && in_focus[static_cast<std::size_t>(w.region[e.cell])] &&
        r.faction_kinds[static_cast<std::size_t>(e.actor2)] == FactionKind::peacekeepers)
      focus.peacekeeper_ied_deaths += e.fatalities;
  return focus;
}

// What happened within a window of days: deaths and events by the day they
// were recorded, incidents by the day they began.
WindowFacts window_facts(const RunResult& r, const scenario::WindowSection& window) {
  const std::uint32_t days = r.recorder.days_recorded();
  const std::int64_t start = r.scenario.scenario.start_date.days_since_epoch();
  WindowFacts w;
  w.name = window.name;
  w.first_day =
      static_cast<std::uint32_t>(std::max<std::int64_t>(0, window.from.days_since_epoch() - start));
  w.last_day = static_cast<std::uint32_t>(std::clamp<std::int64_t>(
      window.to.days_since_epoch() - start, 0, std::max<std::int64_t>(days, 1) - 1));
  const std::size_t regions = r.world->places.region_names.size();
  w.deaths_by_region.assign(regions, 0);
  w.deaths_by_faction.assign(r.faction_names.size(), 0);
  for (std::uint32_t d = w.first_day; d <= w.last_day && d < days; ++d) {
    std::int64_t displaced = 0;
    for (std::size_t g = 0; g < regions; ++g) {
      const RegionDay& row = r.recorder.region_days()[d * regions + g];
      w.deaths += row.civilian_deaths;
      w.deaths_by_region[g] += row.civilian_deaths;
      w.infrastructure_destroyed += row.infrastructure_destroyed;
      displaced += row.displaced;
    }
    if (d == w.first_day) w.displaced_start = displaced;
    w.displaced_peak = std::max(w.displaced_peak, displaced);
    if (d == w.last_day) w.displaced_end = displaced;
  }
  for (const EventRecord& e : r.recorder.events()) {
    if (e.day < w.first_day || e.day > w.last_day) continue;
    switch (e.kind) {
      case EventKind::violence_against_civilians: {
        ++w.violence_events;
        const auto f = static_cast<std::size_t>(e.actor1);
        w.deaths_by_faction[f] += e.civilian_fatalities;
        w.deaths_by_perpetrator[static_cast<std::size_t>(r.faction_kinds[f])] +=
            e.civilian_fatalities;
        break;
      }
      case EventKind::battle:
        ++w.battles;
        w.deaths_by_perpetrator[scenario::faction_kind_count] += e.civilian_fatalities;
        w.combatant_deaths += e.fatalities - e.civilian_fatalities;
        break;
      case EventKind::explosion:
        ++w.explosions;
        if (r.faction_kinds[static_cast<std::size_t>(e.actor2)] == FactionKind::peacekeepers)
          w.peacekeeper_ied_deaths += e.fatalities;
        break;
      case EventKind::abduction:
        w.abducted += e.abducted;
        w.abducted_by_kind[static_cast<std::size_t>(
            r.faction_kinds[static_cast<std::size_t>(e.actor1)])] += e.abducted;
        break;
      case EventKind::property_destruction:  // counted by the region rows above
      case EventKind::territory_overtaken:
      case EventKind::territory_regained:
      case EventKind::base_established:
      case EventKind::base_transferred:
        break;
    }
  }
  const auto ticks_per_day = static_cast<std::uint32_t>(24 / r.scenario.scenario.tick_hours);
  const std::uint32_t from = w.first_day * ticks_per_day, to = (w.last_day + 1) * ticks_per_day;
  ProtectionTally protection(r.scenario.scenario.tick_hours, total_ticks(r));
  for (const Incident& i : r.recorder.incidents())
    if (i.onset_tick >= from && i.onset_tick < to) protection.add(i);
  w.protection = protection.figures();
  return w;
}

}  // namespace

std::uint32_t total_ticks(const RunResult& r) {
  return static_cast<std::uint32_t>(r.scenario.scenario.duration_days * 24 /
                                    r.scenario.scenario.tick_hours);
}

RunFacts::RunFacts(const RunResult& result)
    : r(result), t(result.recorder.totals()), days(result.recorder.days_recorded()) {
  auto sum = [](const std::vector<std::int64_t>& v) {
    return std::accumulate(v.begin(), v.end(), std::int64_t{0});
  };
  const std::int64_t violence = sum(t.civilian_deaths_by_faction);
  civilian_deaths = violence + t.crossfire_deaths;
  combatant_deaths = sum(t.combatant_deaths_by_faction);
  ied_deaths = sum(t.ied_deaths_by_faction);
  died_of_wounds = sum(t.died_of_wounds_by_faction);
  for (std::size_t f = 0; f < r.faction_names.size(); ++f) {
    const auto kind = static_cast<std::size_t>(r.faction_kinds[f]);
    deaths_by_perpetrator[kind] += t.civilian_deaths_by_faction[f];
    abducted_by_kind[kind] += t.abducted_by_faction[f];
    abducted += t.abducted_by_faction[f];
    if (r.faction_kinds[f] == FactionKind::peacekeepers) {
      peacekeeper_ied += t.ied_deaths_by_faction[f];
      peacekeeper_combat += t.combatant_deaths_by_faction[f];
      peacekeeper_wounds += t.died_of_wounds_by_faction[f];
    }
    if (r.faction_kinds[f] == FactionKind::jihadist) recruits += t.recruits_by_faction[f];
    if (r.faction_kinds[f] == FactionKind::partner) {
      partner_hunt_days += t.hunt_days_by_faction[f];
      partner_enemies_killed += t.enemies_killed_by_faction[f];
    }
  }
  deaths_by_perpetrator[scenario::faction_kind_count] = t.crossfire_deaths;

  const double tick_hours = r.scenario.scenario.tick_hours;
  const std::uint32_t end = total_ticks(r);
  const std::size_t regions = r.world->places.region_names.size();
  ProtectionTally all(tick_hours, end);
  std::vector<ProtectionTally> by_region(regions, ProtectionTally(tick_hours, end));
  std::vector<ProtectionTally> by_kind(scenario::faction_kind_count,
                                       ProtectionTally(tick_hours, end));
  for (const Incident& i : r.recorder.incidents()) {
    all.add(i);
    by_region[static_cast<std::size_t>(r.world->region[i.cell])].add(i);
    by_kind[static_cast<std::size_t>(r.faction_kinds[i.faction])].add(i);
  }
  protection = all.figures();
  for (const auto& tally : by_region) protection_by_region.push_back(tally.figures());
  for (const auto& tally : by_kind) protection_by_kind.push_back(tally.figures());
  protection_days = pocsim::protection_days(r);
  operations = operation_facts(r);
  campaigns = campaign_facts(r);
  if (!r.scenario.outputs.focus_regions.empty()) focus = focus_facts(r);
  for (const scenario::WindowSection& w : reported_windows(r.scenario))
    windows.push_back(window_facts(r, w));

  if (days > 0)
    for (std::size_t g = 0; g < regions; ++g) {
      const RegionDay& row = r.recorder.region_days()[(days - 1) * regions + g];
      for (std::size_t k = 0; k < scenario::faction_kind_count; ++k) {
        national_.held[k] += row.held[k];
        national_.contested[k] += row.contested[k];
      }
    }
}

std::string RunFacts::date(std::uint32_t day) const {
  return r.scenario.scenario.start_date.plus_days(day).to_string();
}

double RunFacts::national_share(bool held, std::size_t kind) const {
  const double n = static_cast<double>(std::max<std::size_t>(r.world->land_cells.size(), 1));
  return (held ? national_.held[kind] : national_.contested[kind]) / n;
}

double RunFacts::region_share(bool held, std::size_t region, std::size_t kind) const {
  const std::size_t regions = r.world->places.region_names.size();
  const RegionDay& row = r.recorder.region_days()[(days - 1) * regions + region];
  const double n =
      static_cast<double>(std::max<std::size_t>(r.world->region_cells[region].size(), 1));
  return (held ? row.held[kind] : row.contested[kind]) / n;
}

double RunFacts::held_by_faction_share(std::size_t faction) const {
  return static_cast<double>(t.held_cells_by_faction[faction]) /
         static_cast<double>(std::max<std::size_t>(r.world->land_cells.size(), 1));
}

}  // namespace pocsim
