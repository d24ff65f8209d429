// SPDX-License-Identifier: Apache-2.0
#pragma once
// The progress line of long commands on a terminal: runs done, rate, ETA.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace pocsim::cli {

class SweepProgress {
 public:
  SweepProgress(std::string what, std::size_t total, std::size_t done, bool enabled);
  void step();    // thread-safe
  void finish();  // ends the line; later calls and steps print nothing
  // Runs done so far, of `total()`: for a progress display of its own.
  std::size_t done() const;
  std::size_t total() const { return total_; }

 private:
  void print();
  std::string what_;
  std::size_t total_, done_, start_done_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
  mutable std::mutex mutex_;
};

}  // namespace pocsim::cli
