// SPDX-License-Identifier: Apache-2.0
#pragma once
// The response system's own state: how far the response to each open
// incident has got. The times the stages were reached (detection, request,
// authorisation, arrival) are facts of the incident that the outputs print,
// so they stay in its record (output/incident.hpp); the stage itself is
// working state that nothing outside systems/response.cpp reads.
#include <cstdint>

namespace pocsim {

enum class ResponseStage : std::uint8_t {
  unaware,                 // the responder has not heard yet
  deciding,                // heard; the request goes out at request_tick
  awaiting_authorisation,  // a flight was requested; the answer comes at authorisation_tick
  travelling,              // on the way; arrives at arrival_tick
  closed,                  // arrived, declined, or out of reach
};

// A reachable incident whose response is still being worked on.
struct OpenResponse {
  std::uint32_t incident = 0;  // its id, that of its episode
  ResponseStage stage = ResponseStage::unaware;
  std::int32_t convoy = -1;  // the unit sent by road, while it travels
};

}  // namespace pocsim
