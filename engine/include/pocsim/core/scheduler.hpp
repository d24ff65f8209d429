// SPDX-License-Identifier: Apache-2.0
#pragma once
// Ordered phases per tick. A phase runs on the ticks its cadence selects, so
// hourly mechanisms (movement, combat, violence) and daily ones (displacement,
// recording) share one clock and always run in the same order.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace pocsim {

struct TickInfo {
  std::uint32_t tick = 0;  // ticks since the start
  std::uint32_t ticks_per_day = 24;
  std::uint32_t day() const { return tick / ticks_per_day; }
  bool last_tick_of_day() const { return (tick + 1) % ticks_per_day == 0; }
};

class Scheduler {
 public:
  using PhaseFn = std::function<void(const TickInfo&)>;

  // A phase with cadence c runs at the end of every c-th tick (tick + 1 is a
  // multiple of c): cadence 1 is every tick, cadence 24 the last hour of a day.
  void add_phase(std::string name, std::uint32_t cadence_ticks, PhaseFn fn);

  void run_tick(const TickInfo& tick) const;

  std::vector<std::string> phase_names() const;

 private:
  struct Phase {
    std::string name;
    std::uint32_t cadence;
    PhaseFn fn;
  };
  std::vector<Phase> phases_;
};

}  // namespace pocsim
