// SPDX-License-Identifier: Apache-2.0
#pragma once
// How many runs the server does at once and how many may wait: a request
// past the waiting room is turned away at once (HTTP 503) rather than left
// hanging, so that a burst of requests cannot pile up work without end.
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace pocsim::cli {

class RunGate {
 public:
  RunGate(std::size_t running, std::size_t waiting)
      : running_max_(running), waiting_max_(waiting) {}

  // A place among the runs, held until destroyed; empty() when the queue was full.
  class Pass {
   public:
    Pass() = default;
    explicit Pass(RunGate* gate) : gate_(gate) {}
    Pass(Pass&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Pass& operator=(Pass&&) = delete;
    Pass(const Pass&) = delete;
    ~Pass() {
      if (gate_) gate_->leave();
    }
    bool empty() const { return gate_ == nullptr; }

   private:
    RunGate* gate_ = nullptr;
  };

  // Waits for a free run slot, or returns an empty pass at once when
  // `waiting` requests already wait.
  Pass enter();

 private:
  void leave();

  std::mutex mutex_;
  std::condition_variable freed_;
  std::size_t running_max_, waiting_max_;
  std::size_t running_ = 0, waiting_ = 0;
};

}  // namespace pocsim::cli
