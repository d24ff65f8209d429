// SPDX-License-Identifier: Apache-2.0
#pragma once
// The host state's flight policy and the responder's means of getting
// somewhere, shared by every trip the responder makes: response flights and
// convoys, medevac, investigations.
#include <cstdint>
#include <utility>

#include "pocsim/systems/context.hpp"

namespace pocsim {

// ⌈hours / tick_hours⌉ ticks, or `never` for an infinite or huge wait.
std::uint32_t hours_to_ticks(const SimulationContext& ctx, double hours);
// tick + ticks, saturating at `never`.
std::uint32_t later(std::uint32_t tick, std::uint32_t ticks);
// Exp(mean) by inversion from one uniform.
double exponential_hours(double mean, double u);

// Whether flights of this sort are grounded on the day of `tick`.
bool grounded(const SimulationContext& ctx, std::uint32_t tick, bool drone);
// The first tick at or after `tick` when flights are not grounded.
std::uint32_t first_flying_tick(const SimulationContext& ctx, std::uint32_t tick);

// The responder's open base nearest to the cell and its distance in km
// ({-1, infinity} without a responder).
std::pair<int, double> nearest_base(const SimulationContext& ctx, world::CellId cell);

// The responder's helicopters fit to fly (its own serviceability plus the
// partners' logistics) and the helicopters partners lend, on the day of `tick`.
int helicopters_on_hand(const SimulationContext& ctx, std::uint32_t tick);

// Some state or mercenary faction's presence in the cell is above
// control.operations_presence.
bool state_operations_in(const SimulationContext& ctx, world::CellId cell);

struct FlightAnswer {
  double wait_hours = 0.0;
  bool refused = false;
};

// The host state's answer to a flight over `cell` requested at `tick`. Its
// draws are keyed by the place and the day, not the request: requests about
// one place on one day get one answer, as they would from one office.
FlightAnswer ask_for_flight(const SimulationContext& ctx, world::CellId cell, std::uint32_t tick);

// Whether the host state bars the responder's vehicles from the cell on the
// day of `tick` (near state operations); one answer per place and day.
bool ground_access_denied(const SimulationContext& ctx, world::CellId cell, std::uint32_t tick);

}  // namespace pocsim
