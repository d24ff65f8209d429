// SPDX-License-Identifier: Apache-2.0
#include "run_gate.hpp"

namespace pocsim::cli {

RunGate::Pass RunGate::enter() {
  std::unique_lock lock(mutex_);
  if (running_ >= running_max_) {
    if (waiting_ >= waiting_max_) return Pass();
    ++waiting_;
    freed_.wait(lock, [&] { return running_ < running_max_; });
    --waiting_;
  }
  ++running_;
  return Pass(this);
}

void RunGate::leave() {
  {
    std::lock_guard lock(mutex_);
    --running_;
  }
  freed_.notify_one();
}

}  // namespace pocsim::cli
