// SPDX-License-Identifier: Apache-2.0
#include "pocsim/systems/investigation.hpp"

#include <algorithm>

#include "pocsim/scenario/sections/investigations.hpp"
#include "pocsim/scenario/sections/response.hpp"
#include "pocsim/systems/flights.hpp"

namespace pocsim {

void episode_ended(SimulationContext& ctx, std::uint32_t id) {
  Incident& incident = ctx.recorder.incident(id);
  if (!incident.reachable || incident.civilian_deaths == 0 || incident.detect_tick == never) return;
  if (ctx.rng.uniform(Purpose::investigation, id, 0) >= ctx.scenario.investigations.share) return;
  const std::uint32_t known = std::max(incident.end_tick + 1, incident.detect_tick);
  incident.investigation_tick =
      later(known, hours_to_ticks(ctx, ctx.scenario.investigations.delay_hours));
  incident.investigation = InvestigationOutcome::pending;
  ctx.open_investigations.push_back(id);
}

namespace {

// True when the investigation is settled (its outcome and the tick it comes
// at are known), false when it must wait.
bool send_investigators(SimulationContext& ctx, Incident& incident, std::uint32_t now) {
  const auto& cfg = ctx.scenario.response;
  const double km = nearest_base(ctx, incident.cell).second;
  // Peacekeepers who got there had access: the investigators go in with them.
  if (incident.outcome != IncidentOutcome::not_reached && incident.arrival_tick <= now) {
    incident.investigation = InvestigationOutcome::done;
    incident.investigation_tick = now;
    return true;
  }
  if (km <= cfg.helicopter_range_km && helicopters_on_hand(ctx, now) > 0) {
    // An investigation can wait out a grounding, unlike a response.
    const std::uint32_t takeoff = first_flying_tick(ctx, now);
    if (takeoff != now) {
      incident.investigation_tick = takeoff;
      return takeoff == never;
    }
    const FlightAnswer answer = ask_for_flight(ctx, incident.cell, now);
    if (answer.refused) {
      incident.investigation = InvestigationOutcome::blocked_by_refusal;
      incident.investigation_tick = later(now, hours_to_ticks(ctx, answer.wait_hours));
    } else {
      incident.investigation = InvestigationOutcome::done;
      incident.investigation_tick =
          later(now, hours_to_ticks(ctx, answer.wait_hours + km / cfg.helicopter_speed_kmh));
    }
  } else if (km <= cfg.ground_range_km) {
    if (ground_access_denied(ctx, incident.cell, now)) {
      incident.investigation = InvestigationOutcome::blocked_by_denial;
      incident.investigation_tick = now;
    } else {
      incident.investigation = InvestigationOutcome::done;
      incident.investigation_tick = later(now, hours_to_ticks(ctx, km / cfg.ground_speed_kmh));
    }
  } else {
    // No helicopter on hand and the road too long: nobody goes.
    incident.investigation = InvestigationOutcome::none;
    incident.investigation_tick = never;
  }
  return true;
}

}  // namespace

void advance_investigations(SimulationContext& ctx, const TickInfo& tick) {
  std::erase_if(ctx.open_investigations, [&](std::uint32_t id) {
    Incident& incident = ctx.recorder.incident(id);
    return tick.tick >= incident.investigation_tick && send_investigators(ctx, incident, tick.tick);
  });
}

}  // namespace pocsim
