// SPDX-License-Identifier: Apache-2.0
#pragma once
// A request to stop a long computation early. Anyone may make it (another
// thread, a signal handler: it is one lock-free atomic store) and the loops
// honour it only where stopping leaves nothing half-done: between the ticks
// of a run and before each run of a sweep, by throwing `Stopped`. The Python
// module makes the request when the interpreter sees Ctrl-C.
#include <atomic>
#include <stdexcept>

namespace pocsim {

class StopRequest {
 public:
  void request() noexcept { requested_.store(true, std::memory_order_relaxed); }
  bool requested() const noexcept { return requested_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> requested_{false};
};

// Not a failure of the run: a sweep lets it through instead of recording the
// run as failed.
class Stopped : public std::runtime_error {
 public:
  Stopped() : std::runtime_error("stopped on request before the end") {}
};

// Throws Stopped when `stop` is given and requested.
inline void throw_if_stop_requested(const StopRequest* stop) {
  if (stop && stop->requested()) throw Stopped();
}

}  // namespace pocsim
