// SPDX-License-Identifier: Apache-2.0
// CounterRng::bits_for_agents: Philox4x32-10 for a run of agents. The AVX2
// path holds eight counters per register, one block per lane, and forms each
// 32 x 32 -> 64-bit product of a round from two vpmuludq (even and odd
// lanes); the AVX-512 path does the same with sixteen. Each is chosen at run
// time, so one build runs anywhere and gives the same numbers everywhere
// (integer arithmetic only).
#include "pocsim/core/rng.hpp"

#include <algorithm>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define POCSIM_HAVE_AVX2_PATH 1
#endif

namespace pocsim {

namespace {

// Philox4x32's constants (Random123, philox.h): the round multipliers and the
// Weyl increments of the key.
constexpr std::uint32_t multiplier0 = 0xD2511F53u, multiplier1 = 0xCD9E8D57u;
constexpr std::uint32_t weyl0 = 0x9E3779B9u, weyl1 = 0xBB67AE85u;
constexpr int rounds = 10;

#ifdef POCSIM_HAVE_AVX2_PATH
// The high and low 32 bits of the products of each lane by m.
__attribute__((target("avx2"))) inline void multiply_high_low(__m256i x, __m256i m, __m256i* high,
                                                              __m256i* low) {
  const __m256i even = _mm256_mul_epu32(x, m);
  const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), m);
  *low = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
  *high = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}

// Blocks for 8 * groups agents: agents[0 ..] when given, else first, first
// + 1, ...
__attribute__((target("avx2"))) void eight_at_a_time(std::uint32_t c0, std::uint32_t first,
                                                     const std::uint32_t* agents, std::uint32_t c2,
                                                     std::uint32_t c3, std::uint32_t key0,
                                                     std::uint32_t key1, std::size_t groups,
                                                     std::uint32_t* out) {
  const __m256i m0 = _mm256_set1_epi32(static_cast<int>(multiplier0));
  const __m256i m1 = _mm256_set1_epi32(static_cast<int>(multiplier1));
  __m256i round_key0[rounds], round_key1[rounds];
  for (int r = 0; r < rounds; ++r) {
    round_key0[r] =
        _mm256_set1_epi32(static_cast<int>(key0 + static_cast<std::uint32_t>(r) * weyl0));
    round_key1[r] =
        _mm256_set1_epi32(static_cast<int>(key1 + static_cast<std::uint32_t>(r) * weyl1));
  }
  const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  for (std::size_t g = 0; g < groups; ++g) {
    __m256i x0 = _mm256_set1_epi32(static_cast<int>(c0));
    __m256i x1 =
        agents != nullptr
            ? _mm256_loadu_si256(reinterpret_cast<const __m256i*>(agents + 8 * g))
            : _mm256_add_epi32(
                  _mm256_set1_epi32(static_cast<int>(first + 8 * static_cast<std::uint32_t>(g))),
                  lane);
    __m256i x2 = _mm256_set1_epi32(static_cast<int>(c2));
    __m256i x3 = _mm256_set1_epi32(static_cast<int>(c3));
    for (int r = 0; r < rounds; ++r) {
      __m256i high0, low0, high1, low1;
      multiply_high_low(x0, m0, &high0, &low0);
      multiply_high_low(x2, m1, &high1, &low1);
      x0 = _mm256_xor_si256(_mm256_xor_si256(high1, x1), round_key0[r]);
      x1 = low1;
      x2 = _mm256_xor_si256(_mm256_xor_si256(high0, x3), round_key1[r]);
      x3 = low0;
    }
    // Lanes to blocks: a 4 x 8 transpose.
    const __m256i t0 = _mm256_unpacklo_epi32(x0, x1), t1 = _mm256_unpackhi_epi32(x0, x1);
    const __m256i t2 = _mm256_unpacklo_epi32(x2, x3), t3 = _mm256_unpackhi_epi32(x2, x3);
    const __m256i b04 = _mm256_unpacklo_epi64(t0, t2), b15 = _mm256_unpackhi_epi64(t0, t2);
    const __m256i b26 = _mm256_unpacklo_epi64(t1, t3), b37 = _mm256_unpackhi_epi64(t1, t3);
    auto* to = reinterpret_cast<__m256i*>(out + 32 * g);
    _mm256_storeu_si256(to, _mm256_permute2x128_si256(b04, b15, 0x20));
    _mm256_storeu_si256(to + 1, _mm256_permute2x128_si256(b26, b37, 0x20));
    _mm256_storeu_si256(to + 2, _mm256_permute2x128_si256(b04, b15, 0x31));
    _mm256_storeu_si256(to + 3, _mm256_permute2x128_si256(b26, b37, 0x31));
  }
}

// The same with sixteen counters per AVX-512 register. GCC 12 warns, wrongly,
// that its own _mm512_set1_epi32 and friends read an uninitialised value
// (GCC bug 105593, fixed in GCC 13).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
__attribute__((target("avx512f"))) inline void multiply_high_low(__m512i x, __m512i m,
                                                                 __m512i* high, __m512i* low) {
  const __m512i even = _mm512_mul_epu32(x, m);
  const __m512i odd = _mm512_mul_epu32(_mm512_srli_epi64(x, 32), m);
  *low = _mm512_mask_blend_epi32(0xAAAA, even, _mm512_slli_epi64(odd, 32));
  *high = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(even, 32), odd);
}

__attribute__((target("avx512f"))) void sixteen_at_a_time(std::uint32_t c0, std::uint32_t first,
                                                          const std::uint32_t* agents,
                                                          std::uint32_t c2, std::uint32_t c3,
                                                          std::uint32_t key0, std::uint32_t key1,
                                                          std::size_t groups, std::uint32_t* out) {
  const __m512i m0 = _mm512_set1_epi32(static_cast<int>(multiplier0));
  const __m512i m1 = _mm512_set1_epi32(static_cast<int>(multiplier1));
  __m512i round_key0[rounds], round_key1[rounds];
  for (int r = 0; r < rounds; ++r) {
    round_key0[r] =
        _mm512_set1_epi32(static_cast<int>(key0 + static_cast<std::uint32_t>(r) * weyl0));
    round_key1[r] =
        _mm512_set1_epi32(static_cast<int>(key1 + static_cast<std::uint32_t>(r) * weyl1));
  }
  const __m512i lane = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  for (std::size_t g = 0; g < groups; ++g) {
    __m512i x0 = _mm512_set1_epi32(static_cast<int>(c0));
    __m512i x1 =
        agents != nullptr
            ? _mm512_loadu_si512(agents + 16 * g)
            : _mm512_add_epi32(
                  _mm512_set1_epi32(static_cast<int>(first + 16 * static_cast<std::uint32_t>(g))),
                  lane);
    __m512i x2 = _mm512_set1_epi32(static_cast<int>(c2));
    __m512i x3 = _mm512_set1_epi32(static_cast<int>(c3));
    for (int r = 0; r < rounds; ++r) {
      __m512i high0, low0, high1, low1;
      multiply_high_low(x0, m0, &high0, &low0);
      multiply_high_low(x2, m1, &high1, &low1);
      x0 = _mm512_xor_si512(_mm512_xor_si512(high1, x1), round_key0[r]);
      x1 = low1;
      x2 = _mm512_xor_si512(_mm512_xor_si512(high0, x3), round_key1[r]);
      x3 = low0;
    }
    // Lanes to blocks: within each 128-bit lane j, b04 holds block 4j, b15
    // block 4j + 1, ...; then the lanes are gathered four blocks at a time.
    const __m512i t0 = _mm512_unpacklo_epi32(x0, x1), t1 = _mm512_unpackhi_epi32(x0, x1);
    const __m512i t2 = _mm512_unpacklo_epi32(x2, x3), t3 = _mm512_unpackhi_epi32(x2, x3);
    const __m512i b04 = _mm512_unpacklo_epi64(t0, t2), b15 = _mm512_unpackhi_epi64(t0, t2);
    const __m512i b26 = _mm512_unpacklo_epi64(t1, t3), b37 = _mm512_unpackhi_epi64(t1, t3);
    constexpr int even_lanes = 0 | 2 << 2 | 0 << 4 | 2 << 6,
                  odd_lanes = 1 | 3 << 2 | 1 << 4 | 3 << 6;
    const __m512i a = _mm512_shuffle_i64x2(b04, b15, even_lanes);
    const __m512i b = _mm512_shuffle_i64x2(b26, b37, even_lanes);
    const __m512i c = _mm512_shuffle_i64x2(b04, b15, odd_lanes);
    const __m512i d = _mm512_shuffle_i64x2(b26, b37, odd_lanes);
    std::uint32_t* to = out + 64 * g;
    _mm512_storeu_si512(to, _mm512_shuffle_i64x2(a, b, even_lanes));
    _mm512_storeu_si512(to + 16, _mm512_shuffle_i64x2(c, d, even_lanes));
    _mm512_storeu_si512(to + 32, _mm512_shuffle_i64x2(a, b, odd_lanes));
    _mm512_storeu_si512(to + 48, _mm512_shuffle_i64x2(c, d, odd_lanes));
  }
}

#pragma GCC diagnostic pop

bool has_avx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

bool has_avx512() {
  static const bool has = __builtin_cpu_supports("avx512f");
  return has;
}
#endif

}  // namespace

void CounterRng::blocks(Purpose purpose, std::uint32_t first, const std::uint32_t* agents,
                        std::size_t count, std::uint32_t step, std::uint32_t k,
                        std::uint32_t* out) const noexcept {
  std::size_t done = 0;
#ifdef POCSIM_HAVE_AVX2_PATH
  const auto c0 = static_cast<std::uint32_t>(purpose);
  const auto key0 = static_cast<std::uint32_t>(seed_),
             key1 = static_cast<std::uint32_t>(seed_ >> 32);
  if (has_avx512()) {
    sixteen_at_a_time(c0, first, agents, step, k, key0, key1, count / 16, out);
    done = count / 16 * 16;
  }
  if (has_avx2() && count - done >= 8) {
    eight_at_a_time(c0, first + static_cast<std::uint32_t>(done),
                    agents != nullptr ? agents + done : nullptr, step, k, key0, key1,
                    (count - done) / 8, out + 4 * done);
    done += (count - done) / 8 * 8;
  }
#endif
  for (std::size_t i = done; i < count; ++i) {
    const std::uint32_t agent =
        agents != nullptr ? agents[i] : first + static_cast<std::uint32_t>(i);
    const auto block = bits(purpose, agent, step, k);
    std::copy(block.begin(), block.end(), out + 4 * i);
  }
}

void CounterRng::bits_for_agents(Purpose purpose, std::uint32_t first, std::size_t count,
                                 std::uint32_t step, std::uint32_t k,
                                 std::uint32_t* out) const noexcept {
  blocks(purpose, first, nullptr, count, step, k, out);
}

void CounterRng::bits_for_agents(Purpose purpose, std::span<const std::uint32_t> agents,
                                 std::uint32_t step, std::uint32_t k,
                                 std::uint32_t* out) const noexcept {
  blocks(purpose, 0, agents.data(), agents.size(), step, k, out);
}

}  // namespace pocsim
