// SPDX-License-Identifier: Apache-2.0
#pragma once
// The runs of one MPI rank: a fixed number of threads ("slots"), each making
// one run at a time, handed to it one by one as rank 0 gives them out. The
// rank's main thread keeps talking to the other ranks meanwhile, so the
// slots never call MPI themselves.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "pocsim/sweep/run_journal.hpp"

namespace pocsim::cli {

class RunSlots {
 public:
  // `make_run(id)` makes run `id` and never throws (sweep::run_recorded).
  RunSlots(std::size_t count, std::function<sweep::RunRecord(std::size_t)> make_run);
  ~RunSlots();  // waits for the runs in progress, then stops the threads
  RunSlots(const RunSlots&) = delete;
  RunSlots& operator=(const RunSlots&) = delete;

  std::size_t count() const { return threads_.size(); }
  // Slots with nothing to do: neither making a run nor holding one that is
  // made and not yet taken back, with the runs waiting for a slot counted
  // against them.
  std::size_t free() const;
  // Makes the run on the next free slot; with none free, it waits for one.
  void start(std::size_t run_id);
  // A finished run, waiting at most `patience` for one.
  std::optional<sweep::RunRecord> take_finished(std::chrono::microseconds patience);

 private:
  void work();

  std::function<sweep::RunRecord(std::size_t)> make_run_;
  mutable std::mutex mutex_;
  std::condition_variable to_start_, finished_;
  std::deque<std::size_t> waiting_;
  std::deque<sweep::RunRecord> done_;
  std::size_t busy_ = 0;  // started (waiting or made) and not yet taken back
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace pocsim::cli
