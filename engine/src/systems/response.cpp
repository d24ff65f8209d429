// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/response.hpp"

#include "pocsim/scenario/sections/control.hpp"
#include "pocsim/scenario/sections/detection.hpp"
#include "pocsim/scenario/sections/faction.hpp"
#include "pocsim/scenario/sections/response.hpp"
#include "pocsim/systems/flights.hpp"
#include "pocsim/systems/ied.hpp"
#include "pocsim/systems/investigation.hpp"
#include "pocsim/systems/operations.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pocsim {

namespace {

using scenario::FactionKind;

std::int64_t day_of(const SimulationContext& ctx, std::uint32_t tick) {
  return static_cast<std::int64_t>(tick / ctx.ticks_per_day);
}

// Detection: the earliest of the channels that see this incident.
double detection_hours(const SimulationContext& ctx, const Episode& e, std::uint32_t tick) {
  const auto& cfg = ctx.scenario.detection;
  const auto draws = [&](std::uint32_t k) {
    return ctx.rng.uniform2(Purpose::detection, e.id, tick, k);
  };
  double best = exponential_hours(cfg.second_hand_hours, draws(0)[0]);
  const geo::PointKm at = ctx.world.grid.center(e.cell);
  // A sealed town lets no news out but what travels second-hand or is seen from the air.
  const bool sealed = cordoned(ctx, e.cell);
  if (ctx.responder >= 0 && !sealed) {
    for (std::size_t u = 0; u < ctx.units.size(); ++u)
      if (ctx.units.faction[u] == ctx.responder && ctx.units.active(u) &&
          geo::distance_km(at, {ctx.units.x[u], ctx.units.y[u]}) <= cfg.own_unit_km) {
        best = std::min(best, exponential_hours(cfg.own_unit_hours, draws(0)[1]));
        break;
      }
  }
  const auto phone = draws(1);
  if ((ctx.cells.infrastructure[e.cell] & world::phone_tower) && !sealed &&
      phone[0] < cfg.phone_report_share)
    best = std::min(best, exponential_hours(cfg.phone_report_hours, phone[1]));
  const int region = ctx.world.region[e.cell];
  const std::int64_t day = day_of(ctx, tick);
  if (!grounded(ctx, tick, true))
    for (std::size_t f = 0; f < ctx.factions.size(); ++f) {
      const Faction& partner = ctx.factions[f];
      if (!partner.watches[static_cast<std::size_t>(region)] || !partner.present_on(day)) continue;
      const auto isr = draws(2 + static_cast<std::uint32_t>(f));
      double hours = exponential_hours(partner.config.isr_hours, isr[0]);
      // The responder's own drones fly under the host state's policy too.
      if (static_cast<int>(f) == ctx.responder) {
        const FlightAnswer answer = ask_for_flight(ctx, e.cell, tick);
        if (answer.refused) continue;
        hours += answer.wait_hours;
      }
      best = std::min(best, hours);
    }
  return best;
}

// The responder's patrolling unit nearest to the incident within ground
// range, or -1. The quick-reaction force is a real detachment: a mission with
// fewer units, or with them all busy, answers from farther away or not at all.
int nearest_detachment(const SimulationContext& ctx, world::CellId cell) {
  return nearest_patrolling_unit(ctx.units, static_cast<std::uint16_t>(ctx.responder),
                                 ctx.world.grid.center(cell),
                                 ctx.scenario.response.ground_range_km);
}

// Sends the nearest detachment by road. It drives at the convoy speed
// (systems/movement.cpp), runs the IED risk of each stretch it covers and
// fights whoever it meets on the way (systems/ied.cpp, systems/combat.cpp);
// either can stop it.
void send_ground(SimulationContext& ctx, Incident& incident, OpenResponse& open,
                 std::uint32_t tick) {
  const int convoy =
      ground_access_denied(ctx, incident.cell, tick) ? -1 : nearest_detachment(ctx, incident.cell);
  if (convoy < 0) {
    open.stage = ResponseStage::closed;
    return;
  }
  incident.mode = ResponseMode::ground;
  open.stage = ResponseStage::travelling;
  open.convoy = convoy;
  const geo::PointKm at = ctx.world.grid.center(incident.cell);
  Units& units = ctx.units;
  units.task[static_cast<std::size_t>(convoy)] = UnitTask::responding;
  units.target_x[static_cast<std::size_t>(convoy)] = static_cast<float>(at.x);
  units.target_y[static_cast<std::size_t>(convoy)] = static_cast<float>(at.y);
}

// True once the detachment stands at the incident; a detachment that was
// turned back on the way (it no longer responds) closes the response.
bool convoy_arrived(SimulationContext& ctx, OpenResponse& open, Incident& incident,
                    std::uint32_t now) {
  const auto u = static_cast<std::size_t>(open.convoy);
  Units& units = ctx.units;
  if (units.task[u] != UnitTask::responding) {
    open.stage = ResponseStage::closed;
    return false;
  }
  if (units.x[u] != units.target_x[u] || units.y[u] != units.target_y[u]) return false;
  incident.arrival_tick = now;
  units.task[u] = UnitTask::breaking_off;  // back to its base once there
  return true;
}

// Requests a flight; the answer comes after the authorisation delay.
void request_flight(SimulationContext& ctx, Incident& incident, std::uint32_t tick) {
  const FlightAnswer answer = ask_for_flight(ctx, incident.cell, tick);
  incident.flight_requested = true;
  incident.flight_refused = answer.refused;
  incident.flight_wait_hours = answer.wait_hours;
  incident.authorisation_tick = later(tick, hours_to_ticks(ctx, answer.wait_hours));
}

// The authorisation came: fly if flights are allowed and a helicopter is
// free, else go by road at once (a grounding that began while the request
// waited is not waited out: people are being killed now).
void act_on_authorisation(SimulationContext& ctx, Incident& incident, OpenResponse& open,
                          std::uint32_t tick) {
  const auto& cfg = ctx.scenario.response;
  if (incident.flight_refused) {
    send_ground(ctx, incident, open, tick);
    return;
  }
  const std::uint32_t takeoff = first_flying_tick(ctx, tick);
  auto& busy = ctx.helicopter_busy_until;
  std::erase_if(busy, [&](std::uint32_t until) { return until <= tick; });
  if (takeoff != tick || static_cast<int>(busy.size()) >= helicopters_on_hand(ctx, tick)) {
    send_ground(ctx, incident, open, tick);
    return;
  }
  const double km = nearest_base(ctx, incident.cell).second;
  incident.mode = ResponseMode::air;
  open.stage = ResponseStage::travelling;
  incident.arrival_tick = later(tick, hours_to_ticks(ctx, km / cfg.helicopter_speed_kmh));
  busy.push_back(
      later(incident.arrival_tick, hours_to_ticks(ctx, cfg.helicopter_turnaround_hours)));
}

void arrive(SimulationContext& ctx, Incident& incident, std::uint32_t id, std::uint32_t tick) {
  if (incident.end_tick < tick) {
    incident.outcome = IncidentOutcome::arrived_after;
    return;
  }
  const Faction& perpetrator = ctx.factions[incident.faction];
  const double stop = ctx.scenario.response.stop_on_arrival.of(perpetrator.config.kind);
  if (ctx.rng.uniform(Purpose::response_arrival, id, tick) < stop) {
    incident.outcome = IncidentOutcome::stopped;
    incident.end_tick = tick;
    // The violence phase of this tick has run; the episode kills no more.
    std::erase_if(ctx.episodes, [&](const Episode& e) { return e.id == id; });
    episode_ended(ctx, id);
  } else {
    incident.outcome = IncidentOutcome::arrived_during;
  }
}

}  // namespace

void open_incident(SimulationContext& ctx, const Episode& e, std::uint32_t tick) {
  const auto& cfg = ctx.scenario.response;
  Incident incident;
  incident.onset_tick = tick;
  incident.end_tick = e.end_tick;
  incident.cell = e.cell;
  incident.faction = e.faction;
  const double km = nearest_base(ctx, e.cell).second;
  incident.reachable =
      ctx.responder >= 0 &&
      ctx.factions[static_cast<std::size_t>(ctx.responder)].present_on(day_of(ctx, tick)) &&
      (km <= cfg.helicopter_range_km || km <= cfg.ground_range_km);
  if (incident.reachable)
    incident.detect_tick = later(tick, hours_to_ticks(ctx, detection_hours(ctx, e, tick)));
  ctx.recorder.open_incident(incident);
  if (incident.reachable) ctx.open_responses.push_back({.incident = e.id});
}

namespace {

// One step of an incident's response; true when it moved on and may move
// again in the same tick.
bool advance(SimulationContext& ctx, OpenResponse& open, std::uint32_t now) {
  const auto& cfg = ctx.scenario.response;
  const std::uint32_t id = open.incident;
  Incident& incident = ctx.recorder.incident(id);
  ResponseStage& stage = open.stage;
  switch (stage) {
    case ResponseStage::unaware:
      if (now < incident.detect_tick) return false;
      if (ctx.rng.uniform(Purpose::response_decision, id, now) < cfg.respond_probability) {
        incident.request_tick =
            later(incident.detect_tick, hours_to_ticks(ctx, cfg.decision_hours));
        stage = ResponseStage::deciding;
      } else {
        incident.declined = true;
        stage = ResponseStage::closed;
      }
      return true;
    case ResponseStage::deciding:
      if (now < incident.request_tick) return false;
      // Nobody asks to fly while every flight is grounded: the road at once.
      if (nearest_base(ctx, incident.cell).second <= cfg.helicopter_range_km &&
          helicopters_on_hand(ctx, now) > 0 && !grounded(ctx, now, false)) {
        request_flight(ctx, incident, now);
        stage = ResponseStage::awaiting_authorisation;
      } else {
        send_ground(ctx, incident, open, now);
      }
      return true;
    case ResponseStage::awaiting_authorisation:
      if (now < incident.authorisation_tick) return false;
      act_on_authorisation(ctx, incident, open, now);
      return true;
    case ResponseStage::travelling:
      if (incident.mode == ResponseMode::ground) {
        if (!convoy_arrived(ctx, open, incident, now)) return false;
      } else if (now < incident.arrival_tick) {
        return false;
      }
      arrive(ctx, incident, id, now);
      stage = ResponseStage::closed;
      return true;
    case ResponseStage::closed:
      return false;
  }
  return false;
}

}  // namespace

void advance_responses(SimulationContext& ctx, const TickInfo& tick) {
  for (OpenResponse& open : ctx.open_responses) {
    while (advance(ctx, open, tick.tick)) {
    }
  }
  std::erase_if(ctx.open_responses,
                [](const OpenResponse& open) { return open.stage == ResponseStage::closed; });
}

double deterrence_by_presence(const SimulationContext& ctx, const Faction& perpetrator,
                              world::CellId cell) {
  double peacekeepers = 0.0, partners = 0.0;
  for (std::size_t f = 0; f < ctx.factions.size(); ++f) {
    const FactionKind kind = ctx.factions[f].config.kind;
    if (kind == FactionKind::peacekeepers) peacekeepers += ctx.presence(f, cell);
    if (kind == FactionKind::partner) partners += ctx.presence(f, cell);
  }
  const double saturation = ctx.scenario.control.presence_saturation;
  const auto& cfg = ctx.scenario.response;
  const FactionKind kind = perpetrator.config.kind;
  return (1.0 - cfg.presence_deterrence.of(kind) * std::min(1.0, peacekeepers / saturation)) *
         (1.0 - cfg.partner_deterrence.of(kind) * std::min(1.0, partners / saturation));
}

}  // namespace pocsim
