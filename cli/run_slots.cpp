// SPDX-License-Identifier: Apache-2.0
#include "run_slots.hpp"

namespace pocsim::cli {

RunSlots::RunSlots(std::size_t count, std::function<sweep::RunRecord(std::size_t)> make_run)
    : make_run_(std::move(make_run)) {
  threads_.reserve(count);
  for (std::size_t i = 0; i < count; ++i) threads_.emplace_back([this] { work(); });
}

RunSlots::~RunSlots() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    waiting_.clear();
  }
  to_start_.notify_all();
  for (std::thread& t : threads_) t.join();
}

std::size_t RunSlots::free() const {
  std::lock_guard lock(mutex_);
  return busy_ < threads_.size() ? threads_.size() - busy_ : 0;
}

void RunSlots::start(std::size_t run_id) {
  {
    std::lock_guard lock(mutex_);
    waiting_.push_back(run_id);
    ++busy_;
  }
  to_start_.notify_one();
}

std::optional<sweep::RunRecord> RunSlots::take_finished(std::chrono::microseconds patience) {
  std::unique_lock lock(mutex_);
  if (!finished_.wait_for(lock, patience, [this] { return !done_.empty(); })) return std::nullopt;
  sweep::RunRecord record = std::move(done_.front());
  done_.pop_front();
  --busy_;
  return record;
}

void RunSlots::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    to_start_.wait(lock, [this] { return closing_ || !waiting_.empty(); });
    if (closing_) return;
    const std::size_t id = waiting_.front();
    waiting_.pop_front();
    lock.unlock();
    sweep::RunRecord record = make_run_(id);
    lock.lock();
    done_.push_back(std::move(record));
    finished_.notify_one();
  }
}

}  // namespace pocsim::cli
