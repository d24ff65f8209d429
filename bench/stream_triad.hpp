// SPDX-License-Identifier: Apache-2.0
#pragma once
// STREAM's triad a = b + s * c, the memory-bandwidth bound against which a
// pass over agents is judged: the kernel, and arrays to time it on between
// the passes of a benchmark that reports a fraction of it.
#include <benchmark/benchmark.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

namespace pocsim::bench {

// Counted as STREAM counts it: two arrays read, one written, no
// write-allocate traffic.
inline constexpr std::size_t triad_bytes_per_element = 3 * sizeof(double);

// One triad over the whole arrays on up to `threads` threads (the caller holds
// the TBB limit), in fixed chunks with a static partition so that each thread
// keeps touching the pages it first wrote.
inline void stream_triad(std::vector<double>& a, const std::vector<double>& b,
                         const std::vector<double>& c, double s, std::size_t threads) {
  const std::size_t n = a.size();
  auto triad = [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) a[i] = b[i] + s * c[i];
  };
  if (threads == 1) {
    triad(0, n);
    return;
  }
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, n, std::max<std::size_t>(n / 64, 1)),
      [&](const tbb::blocked_range<std::size_t>& r) { triad(r.begin(), r.end()); },
      tbb::static_partitioner());
}

// Three arrays of 8 Mi doubles (64 MiB each, more than the L3 of the
// machines this runs on), their pages faulted in by a first triad, for
// timing single triads between the passes of another benchmark, so that the
// two are measured under the same conditions of a shared machine.
class TriadArrays {
 public:
  static constexpr std::size_t elements = std::size_t{8} << 20;
  static constexpr double bytes_per_pass = static_cast<double>(elements * triad_bytes_per_element);

  explicit TriadArrays(std::size_t threads)
      : threads_(threads), a_(elements, 0.0), b_(elements, 1.0), c_(elements, 2.0) {
    stream_triad(a_, b_, c_, 3.0, threads_);
  }

  // The seconds of one triad over the arrays (the caller holds the TBB limit).
  double time_one_pass() {
    const auto start = std::chrono::steady_clock::now();
    stream_triad(a_, b_, c_, 3.0, threads_);
    benchmark::DoNotOptimize(a_.data());
    benchmark::ClobberMemory();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

 private:
  std::size_t threads_;
  std::vector<double> a_, b_, c_;
};

}  // namespace pocsim::bench
