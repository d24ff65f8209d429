// SPDX-License-Identifier: Apache-2.0
#include "sweep_progress.hpp"

#include <cstdio>
#include <iostream>

namespace pocsim::cli {

namespace {

std::string duration_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, s / 60 % 60);
  else
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  return buf;
}

}  // namespace

SweepProgress::SweepProgress(std::string what, std::size_t total, std::size_t done, bool enabled)
    : what_(std::move(what)),
      total_(total),
      done_(done),
      start_done_(done),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {
  if (enabled_) print();
}

void SweepProgress::step() {
  std::lock_guard lock(mutex_);
  ++done_;
  const auto now = std::chrono::steady_clock::now();
  // A terminal redrawn more than a few times a second only flickers.
  if (enabled_ && (now - last_ > std::chrono::milliseconds(200) || done_ == total_)) {
    last_ = now;
    print();
  }
}

std::size_t SweepProgress::done() const {
  std::lock_guard lock(mutex_);
  return done_;
}

void SweepProgress::finish() {
  if (enabled_) std::cerr << "\n";
  enabled_ = false;  // a second call says nothing more
}

void SweepProgress::print() {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const std::size_t fresh = done_ - start_done_;
  std::cerr << "\r" << what_ << ": " << done_ << "/" << total_ << " runs";
  if (fresh > 0 && elapsed > 0.0) {
    const double rate = static_cast<double>(fresh) / elapsed;
    char buf[64];
    std::snprintf(buf, sizeof buf, ", %.2f runs/s", rate);
    std::cerr << buf << ", ETA " << duration_text(static_cast<double>(total_ - done_) / rate);
  }
  std::cerr << "   " << std::flush;
}

}  // namespace pocsim::cli
