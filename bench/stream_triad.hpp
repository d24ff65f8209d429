#pragma once
// STREAM's triad a = b + s * c, the memory-bandwidth bound against which a
// pass over agents is judged, as a kernel and as a figure measured once per
// thread count for benchmarks that report a fraction of it.
#include <benchmark/benchmark.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <limits>
#include <map>
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

// Triad bytes per second on `threads` threads over three arrays of 8 Mi
// doubles (64 MiB each, twice the L3 of the reference machine), the best of
// ten passes after a first one that faults the pages in (STREAM reports its
// best time too). Measured once per thread count and process; the caller
// holds the TBB limit.
inline double stream_triad_bytes_per_second(std::size_t threads) {
  static std::map<std::size_t, double> measured;
  if (auto it = measured.find(threads); it != measured.end()) return it->second;
  constexpr std::size_t n = std::size_t{8} << 20;
  std::vector<double> a(n, 0.0), b(n, 1.0), c(n, 2.0);
  stream_triad(a, b, c, 3.0, threads);
  double best = std::numeric_limits<double>::infinity();
  for (int pass = 0; pass < 10; ++pass) {
    const auto start = std::chrono::steady_clock::now();
    stream_triad(a, b, c, 3.0, threads);
    benchmark::DoNotOptimize(a.data());
    benchmark::ClobberMemory();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    best = std::min(best, took.count());
  }
  const double bytes_per_second = static_cast<double>(n * triad_bytes_per_element) / best;
  measured.emplace(threads, bytes_per_second);
  return bytes_per_second;
}

}  // namespace pocsim::bench
