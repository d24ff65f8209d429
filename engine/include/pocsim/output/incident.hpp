// SPDX-License-Identifier: Apache-2.0
#pragma once
// One violent episode seen from the side of protection: when the responder
// learned of it, asked to fly, was authorised, and arrived, and how it ended.
#include <cstdint>
#include <limits>

#include "pocsim/world/grid.hpp"

namespace pocsim {

inline constexpr std::uint32_t never = std::numeric_limits<std::uint32_t>::max();

enum class ResponseMode : std::uint8_t { none, air, ground };
inline constexpr const char* response_mode_names[] = {"none", "air", "ground"};

enum class IncidentOutcome : std::uint8_t {
  not_reached,     // nobody came
  stopped,         // the arrival ended the episode
  arrived_during,  // arrived while it went on, and it went on
  arrived_after,   // arrived once it had ended
};
inline constexpr const char* incident_outcome_names[] = {"not_reached", "stopped", "arrived_during",
                                                         "arrived_after"};

// The responder's human-rights investigation of an incident.
enum class InvestigationOutcome : std::uint8_t {
  none,                // not investigated (nobody died, unknown, or not chosen)
  pending,             // investigators set out at investigation_tick
  done,                // completed at investigation_tick
  blocked_by_refusal,  // the host state refused the flight (answer at investigation_tick)
  blocked_by_denial,   // the host state barred the road (at investigation_tick)
};
inline constexpr const char* investigation_outcome_names[] = {
    "none", "pending", "done", "blocked_by_refusal", "blocked_by_denial"};

struct Incident {
  std::uint32_t onset_tick = 0;
  std::uint32_t end_tick = 0;  // last tick of the episode (moved earlier when stopped)
  world::CellId cell = 0;
  std::uint16_t faction = 0;
  bool reachable = false;  // a responder base lay within air or ground range at onset
  std::uint32_t detect_tick = never;
  std::uint32_t request_tick = never;
  std::uint32_t authorisation_tick = never;  // when the flight was authorised (or refused)
  std::uint32_t arrival_tick = never;
  bool flight_requested = false;
  bool flight_refused = false;
  double flight_wait_hours = 0.0;  // the host state's drawn wait, before rounding to ticks
  bool declined = false;           // the responder knew but decided not to respond
  ResponseMode mode = ResponseMode::none;
  IncidentOutcome outcome = IncidentOutcome::not_reached;
  std::uint32_t civilian_deaths = 0;
  InvestigationOutcome investigation = InvestigationOutcome::none;
  std::uint32_t investigation_tick = never;
};

}  // namespace pocsim
